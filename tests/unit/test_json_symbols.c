/*
 * JSON for the values decoders used to hand over as preformatted text: open
 * flags, st_mode, signal sets and decoder-named numbers are structured now,
 * whatever -X the text trace uses.
 */
#include <string.h>

#include "ctrace/print.h"
#include "ctrace/print_json.h"
#include "ctrace/xlat_more.h"
#include "unit.h"

static struct arena arena;

static const char *json(const struct val *v)
{
	static struct strbuf sb;
	strbuf_reset(&sb);
	json_format_val(&sb, v);
	return strbuf_str(&sb);
}

static const struct xlat_entry open_entries[] = { { 0x80000, "O_CLOEXEC" }, { 0, NULL } };
static const struct xlat open_xlat = { open_entries, NULL };

START_TEST(open_flags_and_st_mode_are_name_arrays)
{
	struct val *v = val_flags(&arena, NULL, 0x80000, &open_xlat, 0);
	v->flags.field_mask = 3;
	v->flags.field_xlat = &xlat_open_access;
	ck_assert_str_eq(json(v), "{\"raw\":524288,\"flags\":[\"O_RDONLY\",\"O_CLOEXEC\"]}");

	v = val_flags(&arena, NULL, 041777, &xlat_mode_bits, 0);
	v->flags.field_mask = 0170000;
	v->flags.field_xlat = &xlat_file_types;
	v->flags.octal = true;
	ck_assert_str_eq(json(v), "{\"raw\":17407,\"flags\":[\"S_IFDIR\",\"S_ISVTX\"],\"mode\":511}");
}
END_TEST

START_TEST(sigsets_list_their_members)
{
	uint8_t set[8] = { 0 };
	set[0] = 1u << 1;      /* SIGINT */
	set[4] = 1u << 1;      /* 34: SIGRT_2 */
	ck_assert_str_eq(json(val_sigset(&arena, NULL, set, sizeof(set))),
			 "[\"SIGINT\",\"SIGRT_2\"]");
	/* a set strace prints as ~[...] still lists what is in it */
	memset(set, 0xff, sizeof(set));
	const char *all = json(val_sigset(&arena, NULL, set, sizeof(set)));
	ck_assert_ptr_nonnull(strstr(all, "\"SIGKILL\""));
	ck_assert_ptr_nonnull(strstr(all, "\"SIGRTMIN\""));
}
END_TEST

START_TEST(decoder_named_numbers_carry_both)
{
	ck_assert_str_eq(json(val_sym(&arena, NULL, (uint64_t)-100, VAL_INT, "AT_FDCWD")),
			 "{\"name\":\"AT_FDCWD\",\"raw\":-100}");
	ck_assert_str_eq(json(val_sym(&arena, NULL, 0x5413, VAL_HEX, "TIOCGWINSZ")),
			 "{\"name\":\"TIOCGWINSZ\",\"raw\":21523}");
	/* -X does not change JSON */
	strace_set_const_style(CONST_STYLE_RAW);
	ck_assert_str_eq(json(val_sym(&arena, NULL, 0x5413, VAL_HEX, "TIOCGWINSZ")),
			 "{\"name\":\"TIOCGWINSZ\",\"raw\":21523}");
}
END_TEST

static void teardown(void)
{
	strace_set_const_style(CONST_STYLE_ABBREV);
	arena_free(&arena);
}

Suite *test_suite(void)
{
	Suite *s = suite_create("json_symbols");
	TCase *tc = tcase_create("structured");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, open_flags_and_st_mode_are_name_arrays);
	tcase_add_test(tc, sigsets_list_their_members);
	tcase_add_test(tc, decoder_named_numbers_carry_both);
	suite_add_tcase(s, tc);
	return s;
}
