/*
 * Commands that trace nothing (include/ctrace/explain.h):
 *
 *   ctrace --decode clone|clone3|unshare|setns VALUE [--arch=NAME]
 *   ctrace --list-syscalls [--arch=NAME]
 *   ctrace --list-classes
 *
 * --decode prints VALUE as strace prints that argument (the same tables and
 * printer as a trace), then the explanation; --list-syscalls prints the
 * architecture's table, "number name nargs" a line; --list-classes the
 * -e trace=%class names, one a line (shell completion reads both).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/explain.h"
#include "ctrace/filter.h"
#include "ctrace/print.h"
#include "ctrace/xlat.h"

#define CSIGNAL 0xffULL

__attribute__((format(printf, 1, 2)))
static int tool_error(const char *fmt, ...)
{
	va_list ap;

	fputs("ctrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

/* Hex with 0x, or decimal; nothing else, no sign. */
static bool parse_value(const char *s, uint64_t *out)
{
	const char *digits = s;
	int base = 10;
	char *end;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		digits = s + 2;
	}
	if (!*digits || *digits == '-' || *digits == '+' || *digits == ' ')
		return false;
	errno = 0;
	*out = strtoull(digits, &end, base);
	return !errno && !*end;
}

/* arch_by_name() and its aliases, and x32, which is not in arch_all[]. */
static const struct arch *tool_arch(const char *name)
{
	if (!name)
		return arch_native();
	if (!strcmp(name, arch_x32.name))
		return &arch_x32;
	return arch_by_name(name);
}

static int list_syscalls(const struct arch *arch)
{
	for (uint64_t nr = 0; nr < arch->nsyscalls; nr++) {
		const struct syscall_desc *d = arch_syscall(arch, nr);
		if (d)
			printf("%" PRIu64 " %s %u\n", nr | arch->nr_bit, d->name, d->nargs);
	}
	return 0;
}

static int list_classes(void)
{
	for (size_t i = 0; syscall_class_name(i); i++)
		printf("%%%s\n", syscall_class_name(i));
	return 0;
}

static int decode_value(const struct arch *arch, char **words, int nwords)
{
	static const struct {
		const char *name;
		enum syscall_id id;
		const struct xlat *xlat;
		uint64_t signal_mask;
	} calls[] = {
		{ "clone", SYS_clone, &xlat_clone2_flags, CSIGNAL },
		{ "clone3", SYS_clone3, &xlat_clone_flags, 0 },
		{ "unshare", SYS_unshare, &xlat_unshare_flags, 0 },
		{ "setns", SYS_setns, &xlat_setns_types, 0 },
	};
	struct explain_call call = { .arch = arch, .flags_known = true };
	size_t i;

	if (nwords < 2)
		return tool_error("--decode: expected SYSCALL VALUE (clone, clone3, unshare "
				  "or setns, then a number in hex or decimal)");
	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		if (!strcmp(words[0], calls[i].name))
			break;
	}
	if (i == sizeof(calls) / sizeof(calls[0]))
		return tool_error("--decode: cannot decode '%s' (clone, clone3, unshare or "
				  "setns)", words[0]);
	if (!parse_value(words[1], &call.flags))
		return tool_error("--decode: invalid value '%s' (hex with 0x, or decimal)",
				  words[1]);
	if (nwords > 3 || (nwords == 3 && calls[i].id != SYS_clone3))
		return tool_error("--decode: unexpected argument '%s'", words[nwords - 1]);
	if (nwords == 3) {
		if (!parse_value(words[2], &call.exit_signal))
			return tool_error("--decode: invalid exit signal '%s'", words[2]);
		call.exit_signal_known = true;
	}
	if (arch_syscall_number(arch, calls[i].id) < 0)
		return tool_error("--decode: %s has no %s syscall", arch->name, words[0]);
	call.id = calls[i].id;
	/* What the kernel reads of the register (setns: an int). */
	if (call.id == SYS_setns || (call.id != SYS_clone3 && arch->word_size == 4 &&
				     arch != &arch_x32))
		call.flags = (uint32_t)call.flags;

	struct arena arena = { 0 };
	struct strbuf sb = STRBUF_INIT;
	strace_format_val(&sb, val_flags(&arena, NULL, call.flags, calls[i].xlat,
					 calls[i].signal_mask));
	strbuf_putc(&sb, '\n');
	explain_format(&sb, &call, "    ");
	fputs(strbuf_str(&sb), stdout);
	strbuf_free(&sb);
	arena_free(&arena);
	return 0;
}

int cli_tools_run(int argc, char **argv)
{
	const char *arch_name = NULL;
	const char *mode = NULL;
	char **words = calloc((size_t)argc + 1, sizeof(*words));
	int nwords = 0;
	int rc;

	if (!words)
		abort();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strncmp(a, "--arch=", 7)) {
			arch_name = a + 7;
		} else if (!strcmp(a, "--arch") && i + 1 < argc) {
			arch_name = argv[++i];
		} else if (!strcmp(a, "--decode") || !strcmp(a, "--list-syscalls") ||
			   !strcmp(a, "--list-classes")) {
			if (mode) {
				free(words);
				return tool_error("%s and %s: one at a time", mode, a);
			}
			mode = a;
		} else if (!mode) {
			free(words);
			return -1;     /* an ordinary command line: trace */
		} else if (a[0] == '-' && a[1] && !(a[1] >= '0' && a[1] <= '9')) {
			free(words);
			return tool_error("%s: unknown option '%s'", mode, a);
		} else {
			words[nwords++] = argv[i];
		}
	}
	if (!mode) {
		free(words);
		return -1;
	}

	const struct arch *arch = tool_arch(arch_name);
	if (!arch) {
		rc = arch_name ? tool_error("%s: unknown architecture '%s' (x86_64, i386, "
					    "aarch64, x32)", mode, arch_name)
			       : tool_error("%s: no native architecture: use --arch=NAME", mode);
	} else if (!strcmp(mode, "--list-classes")) {
		rc = nwords || arch_name ? tool_error("--list-classes: takes no argument")
					 : list_classes();
	} else if (!strcmp(mode, "--list-syscalls")) {
		rc = nwords ? tool_error("--list-syscalls: unexpected argument '%s'", words[0])
			    : list_syscalls(arch);
	} else {
		rc = decode_value(arch, words, nwords);
	}
	free(words);
	if (fflush(stdout) != 0)
		rc = 1;
	return rc;
}
