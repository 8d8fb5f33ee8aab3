/*
 * Text and JSON for stack traces (include/ctrace/stack_trace.h).  The text is
 * strace 6.1's -k format, as observed: path(symbol+offset) [address relative
 * to the mapping], "path() [...]" when no symbol is found, and
 * "unexpected_backtracing_error [ip]" for an address in no file mapping.
 */
#include <inttypes.h>
#include <string.h>

#include "ctrace/print_json.h"
#include "ctrace/stack_trace.h"

void strace_format_stack(struct strbuf *out, const struct stack_trace *st)
{
	for (unsigned i = 0; st && i < st->n; i++) {
		const struct stack_frame *f = &st->frames[i];

		if (!f->path)
			strbuf_printf(out, " > unexpected_backtracing_error [0x%" PRIx64 "]\n",
				      f->ip);
		else if (!f->symbol)
			strbuf_printf(out, " > %s(%s) [0x%" PRIx64 "]\n", f->path,
				      st->at_entry ? "+0x0" : "", f->rel);
		else
			strbuf_printf(out, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]\n", f->path,
				      f->symbol, f->sym_off, f->rel);
	}
}

static void put_str_or_null(struct strbuf *out, const char *s)
{
	if (s)
		json_format_string(out, s, strlen(s));
	else
		strbuf_puts(out, "null");
}

void json_format_stack(struct strbuf *out, const struct stack_trace *st)
{
	strbuf_putc(out, '[');
	for (unsigned i = 0; st && i < st->n; i++) {
		const struct stack_frame *f = &st->frames[i];

		if (i)
			strbuf_putc(out, ',');
		strbuf_printf(out, "{\"ip\":%" PRIu64 ",\"path\":", f->ip);
		put_str_or_null(out, f->path);
		if (f->path) {
			strbuf_printf(out, ",\"address\":%" PRIu64 ",\"symbol\":", f->rel);
			put_str_or_null(out, f->symbol);
			if (f->symbol)
				strbuf_printf(out, ",\"offset\":%" PRIu64, f->sym_off);
		}
		strbuf_putc(out, '}');
	}
	strbuf_putc(out, ']');
}

void json_append_stack(struct strbuf *out, const struct stack_trace *st)
{
	if (!out->len || out->buf[out->len - 1] != '}')
		return;
	out->len--;
	strbuf_puts(out, out->len && out->buf[out->len - 1] == '{' ? "\"stack\":" : ",\"stack\":");
	json_format_stack(out, st);
	strbuf_putc(out, '}');
}
