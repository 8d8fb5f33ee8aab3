/*
 * For the tests of the file, stat, memory, signal and misc decoders: the line
 * of one decoded call with the padding before " = " squeezed to one space, so
 * that expected strings read as strace's without -f alignment.
 */
#ifndef CTRACE_TEST_DECODE_TEXT_H
#define CTRACE_TEST_DECODE_TEXT_H

#include <stdio.h>
#include <string.h>

#include "decode_harness.h"

static inline const char *squeeze_line(struct decode_run *r)
{
	static char buf[8192];
	size_t call = r->entry.len + r->exit.len;
	const char *line = strbuf_str(&r->line);
	const char *rest = line + call;

	while (*rest == ' ')
		rest++;
	snprintf(buf, sizeof(buf), "%.*s %s", (int)call, line, rest);
	return buf;
}

/* decode_line() with the padding squeezed. */
static inline const char *dline(struct decode_run *r, const struct arch *arch,
				enum syscall_id id, const uint64_t args[6], int64_t rval)
{
	decode_line(r, arch, id, args, rval);
	return squeeze_line(r);
}

#endif
