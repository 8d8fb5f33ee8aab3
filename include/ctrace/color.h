/*
 * --color: ANSI colours on the text trace, to help a reader's eye find the
 * syscall names, the errors, the signals and the ends of tasks.
 *
 * The text is built plain (so that padding to strace's return-value column
 * counts only visible characters) while the output marks spans of it with a
 * role; colour_render() inserts the escape sequences when writing.  With
 * colour off nothing is inserted: the trace is byte for byte the plain one.
 */
#ifndef CTRACE_COLOR_H
#define CTRACE_COLOR_H

#include <stdbool.h>
#include <stddef.h>

#include "ctrace/strbuf.h"

enum color_mode {
	COLOR_AUTO,       /* the default: when the trace goes to a terminal */
	COLOR_NEVER,
	COLOR_ALWAYS,
};

/* never|auto|always (NULL, a bare --color: always); -1 otherwise. */
int color_parse_mode(const char *arg);

/* Colour or not: auto means a terminal, unless NO_COLOR is set to a
 * non-empty value (https://no-color.org); never and always are as said. */
bool color_decide(int mode, bool is_terminal, const char *no_color_env);

enum color_role {
	COLOR_PREFIX,     /* pid and time stamp */
	COLOR_SYSCALL,    /* the syscall's name */
	COLOR_ERROR,      /* "= -1 ENOENT (...)", "= ? ERESTARTSYS (...)" */
	COLOR_SIGNAL,     /* "--- SIGCHLD {...} ---", "--- stopped by ... ---" */
	COLOR_EXIT_OK,    /* "+++ exited with 0 +++" */
	COLOR_EXIT_BAD,   /* other exit statuses, "+++ killed by ... +++" */
};

#define COLOR_MAX_SPANS 8

/* Marked parts of one piece of text, in order and not overlapping. */
struct color_spans {
	unsigned n;
	struct color_span {
		size_t start, end;
		enum color_role role;
	} span[COLOR_MAX_SPANS];
};

/* Marks text[start, end) (extra marks beyond COLOR_MAX_SPANS are dropped). */
void color_mark(struct color_spans *cs, size_t start, size_t end, enum color_role role);

/* Appends `text` to `out` with each marked span wrapped in its colour. */
void color_render(struct strbuf *out, const char *text, size_t len, const struct color_spans *cs);

#endif
