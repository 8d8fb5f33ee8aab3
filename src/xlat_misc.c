/* Table lookups, and the small flag tables of the process decoders. */
#include <string.h>

#include "ctrace/xlat.h"

const char *xlat_name(const struct xlat *table, uint64_t value)
{
	for (const struct xlat_entry *e = table->entries; e->name; e++)
		if (e->value == value)
			return e->name;
	return NULL;
}

int xlat_value(const struct xlat *table, const char *name, uint64_t *value)
{
	for (const struct xlat_entry *e = table->entries; e->name; e++) {
		if (strcmp(e->name, name) == 0) {
			*value = e->value;
			return 1;
		}
	}
	return 0;
}

/*
 * wait4(2) and waitid(2) options, in the order strace prints them, which is
 * not numeric order: "WNOHANG|WEXITED|WSTOPPED|...|__WCLONE|__WALL|__WNOTHREAD".
 * WUNTRACED is WSTOPPED's other name; strace prints WSTOPPED.
 */
static const struct xlat_entry wait4_option_entries[] = {
	{ 0x00000001, "WNOHANG" },
	{ 0x00000004, "WEXITED" },
	{ 0x00000002, "WSTOPPED" },
	{ 0x00000008, "WCONTINUED" },
	{ 0x01000000, "WNOWAIT" },
	{ 0x80000000, "__WCLONE" },
	{ 0x40000000, "__WALL" },
	{ 0x20000000, "__WNOTHREAD" },
	{ 0, NULL }
};

const struct xlat xlat_wait4_options = { wait4_option_entries, "W???" };
