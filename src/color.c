/* ANSI colours on the text trace (include/ctrace/color.h). */
#include <string.h>

#include "ctrace/color.h"

/* SGR sequences, chosen to read on dark and light backgrounds alike. */
static const char *const role_sgr[] = {
	[COLOR_PREFIX] = "\033[2m",       /* dim */
	[COLOR_SYSCALL] = "\033[1m",      /* bold */
	[COLOR_ERROR] = "\033[31m",       /* red */
	[COLOR_SIGNAL] = "\033[33m",      /* yellow */
	[COLOR_EXIT_OK] = "\033[32m",     /* green */
	[COLOR_EXIT_BAD] = "\033[1;31m",  /* bold red */
};
static const char sgr_reset[] = "\033[0m";

int color_parse_mode(const char *arg)
{
	if (!arg || !strcmp(arg, "always"))
		return COLOR_ALWAYS;
	if (!strcmp(arg, "never"))
		return COLOR_NEVER;
	if (!strcmp(arg, "auto"))
		return COLOR_AUTO;
	return -1;
}

bool color_decide(int mode, bool is_terminal, const char *no_color_env)
{
	switch (mode) {
	case COLOR_ALWAYS:
		return true;
	case COLOR_AUTO:
		return is_terminal && !(no_color_env && *no_color_env);
	default:
		return false;
	}
}

void color_mark(struct color_spans *cs, size_t start, size_t end, enum color_role role)
{
	if (cs->n >= COLOR_MAX_SPANS || end <= start)
		return;
	if (cs->n && start < cs->span[cs->n - 1].end)
		return;   /* out of order: stay plain rather than nest */
	cs->span[cs->n++] = (struct color_span){ start, end, role };
}

void color_render(struct strbuf *out, const char *text, size_t len, const struct color_spans *cs)
{
	size_t at = 0;

	for (unsigned i = 0; i < cs->n && cs->span[i].start < len; i++) {
		const struct color_span *s = &cs->span[i];
		size_t end = s->end < len ? s->end : len;

		strbuf_add(out, text + at, s->start - at);
		strbuf_puts(out, role_sgr[s->role]);
		strbuf_add(out, text + s->start, end - s->start);
		strbuf_puts(out, sgr_reset);
		at = end;
	}
	strbuf_add(out, text + at, len - at);
}
