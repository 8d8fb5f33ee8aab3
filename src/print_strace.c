/*
 * strace's text format for decoded values and syscalls
 * (include/ctrace/print.h).  Every rule here was checked against strace 6.1's
 * output; the tests in tests/unit/test_print_strace.c pin them.
 */
#include <inttypes.h>
#include <string.h>

#include "ctrace/print.h"
#include "ctrace/xlat.h"

/* strace's string quoting: C escapes, octal for the rest, shortest octal
 * form unless an octal digit follows (then always three digits). */
static void format_string(struct strbuf *out, const struct val_str *s)
{
	strbuf_putc(out, '"');
	for (uint32_t i = 0; i < s->len; i++) {
		unsigned char c = (unsigned char)s->bytes[i];
		switch (c) {
		case '"':  strbuf_puts(out, "\\\""); continue;
		case '\\': strbuf_puts(out, "\\\\"); continue;
		case '\f': strbuf_puts(out, "\\f"); continue;
		case '\n': strbuf_puts(out, "\\n"); continue;
		case '\r': strbuf_puts(out, "\\r"); continue;
		case '\t': strbuf_puts(out, "\\t"); continue;
		case '\v': strbuf_puts(out, "\\v"); continue;
		}
		if (c >= ' ' && c < 0x7f) {
			strbuf_putc(out, (char)c);
			continue;
		}
		bool octal_follows = i + 1 < s->len && s->bytes[i + 1] >= '0' && s->bytes[i + 1] <= '7';
		if (octal_follows)
			strbuf_printf(out, "\\%03o", c);
		else
			strbuf_printf(out, "\\%o", c);
	}
	strbuf_putc(out, '"');
	if (s->truncated)
		strbuf_puts(out, "...");
}

static void format_hex(struct strbuf *out, uint64_t u)
{
	if (u)
		strbuf_printf(out, "%#" PRIx64, u);
	else
		strbuf_putc(out, '0');
}

static void format_signal(struct strbuf *out, uint64_t sig)
{
	const char *name = sig <= UINT32_MAX ? signal_name((unsigned)sig) : NULL;
	if (name)
		strbuf_puts(out, name);
	else
		strbuf_printf(out, "%" PRIu64, sig);
}

/*
 * Known bits by name in table order, unknown bits as one hex number, then the
 * signal part: "CLONE_VM|0x100000000|SIGCHLD".  With no known bit at all the
 * unknown value carries a comment, even when a signal follows:
 * "0x400000 slash-star CLONE_??? star-slash|SIGCHLD" (strace 6.1).
 */
static void format_flags(struct strbuf *out, const struct val_flags *f)
{
	uint64_t sig = f->bits & f->signal_mask;
	uint64_t rest = f->bits & ~f->signal_mask;
	int printed = 0;

	if (f->xlat) {
		for (const struct xlat_entry *e = f->xlat->entries; e->name; e++) {
			if (e->value && (rest & e->value) == e->value) {
				strbuf_puts(out, printed++ ? "|" : "");
				strbuf_puts(out, e->name);
				rest &= ~e->value;
			}
		}
	}
	if (rest) {
		strbuf_puts(out, printed ? "|" : "");
		strbuf_printf(out, "%#" PRIx64, rest);
		if (!printed && f->xlat && f->xlat->unknown)
			strbuf_printf(out, " /* %s */", f->xlat->unknown);
		printed++;
	}
	if (sig) {
		strbuf_puts(out, printed ? "|" : "");
		format_signal(out, sig);
		printed++;
	}
	if (!printed)
		strbuf_putc(out, '0');
}

static void format_enum(struct strbuf *out, uint64_t u, const struct xlat *x)
{
	const char *name = x ? xlat_name(x, u) : NULL;
	if (name) {
		strbuf_puts(out, name);
		return;
	}
	format_hex(out, u);
	if (x && x->unknown)
		strbuf_printf(out, " /* %s */", x->unknown);
}

static void format_list(struct strbuf *out, const struct val *v)
{
	for (const struct val *c = v; c; c = c->next) {
		if (c != v) {
			if (c->sep == SEP_COMMA)
				strbuf_puts(out, ", ");
			else if (c->sep == SEP_ARROW)
				strbuf_puts(out, " => ");
		}
		strace_format_val(out, c);
	}
}

void strace_format_val(struct strbuf *out, const struct val *v)
{
	if (v->name)
		strbuf_printf(out, "%s=", v->name);

	switch (v->kind) {
	case VAL_INT:
	case VAL_FD:
		strbuf_printf(out, "%" PRId64, v->i);
		break;
	case VAL_UINT:
		strbuf_printf(out, "%" PRIu64, v->u);
		break;
	case VAL_HEX:
		format_hex(out, v->u);
		break;
	case VAL_OCT:
		/* strace's "%#03o": 000, 022, 0644 */
		strbuf_printf(out, "%#03" PRIo64, v->u);
		break;
	case VAL_PTR:
		if (v->u)
			strbuf_printf(out, "%#" PRIx64, v->u);
		else
			strbuf_puts(out, "NULL");
		break;
	case VAL_FLAGS:
		format_flags(out, &v->flags);
		break;
	case VAL_ENUM:
		format_enum(out, v->e.u, v->e.xlat);
		break;
	case VAL_SIGNAL:
		format_signal(out, v->u);
		break;
	case VAL_ERRNO: {
		const char *name = xlat_name(&xlat_errno_names, v->u);
		if (name)
			strbuf_puts(out, name);
		else
			strbuf_printf(out, "%" PRIu64, v->u);
		break;
	}
	case VAL_STR:
		format_string(out, &v->str);
		break;
	case VAL_STRUCT:
		strbuf_putc(out, '{');
		if (v->children)
			format_list(out, v->children);
		strbuf_putc(out, '}');
		break;
	case VAL_ARRAY:
	case VAL_WRITTEN:
		strbuf_putc(out, '[');
		if (v->children)
			format_list(out, v->children);
		strbuf_putc(out, ']');
		break;
	case VAL_TEXT:
		strbuf_puts(out, v->text ? v->text : "");
		break;
	case VAL_ELLIPSIS:
		strbuf_puts(out, "...");
		break;
	}

	if (v->comment)
		strbuf_printf(out, " /* %s */", v->comment);
}

static void format_syscall_name(struct strbuf *out, const struct syscall_event *ev)
{
	if (ev->desc)
		strbuf_puts(out, ev->desc->name);
	else
		strbuf_printf(out, "syscall_%#" PRIx64, ev->nr | ev->arch->nr_bit);
}

void strace_format_entry(struct strbuf *out, const struct syscall_event *ev)
{
	format_syscall_name(out, ev);
	strbuf_putc(out, '(');
	if (ev->entry_tail) {
		const struct val *v = ev->args_list.head;
		for (;; v = v->next) {
			if (v != ev->args_list.head) {
				if (v->sep == SEP_COMMA)
					strbuf_puts(out, ", ");
				else if (v->sep == SEP_ARROW)
					strbuf_puts(out, " => ");
			}
			strace_format_val(out, v);
			if (v == ev->entry_tail)
				break;
		}
	}
	if (ev->entry_sep_pending)
		strbuf_puts(out, ", ");
}

void strace_format_exit_args(struct strbuf *out, const struct syscall_event *ev)
{
	const struct val *first = ev->entry_tail ? ev->entry_tail->next : ev->args_list.head;

	for (const struct val *v = first; v; v = v->next) {
		bool leading = v == ev->args_list.head;
		if (v->sep == SEP_ARROW)
			strbuf_puts(out, " => ");
		else if (v->sep == SEP_COMMA && !leading && !(v == first && ev->entry_sep_pending))
			strbuf_puts(out, ", ");
		strace_format_val(out, v);
	}
	strbuf_putc(out, ')');
}

/*
 * The kernel's internal restart errnos (ERESTARTSYS 512, ERESTARTNOINTR 513,
 * ERESTARTNOHAND 514, ERESTART_RESTARTBLOCK 516) never reach the program: the
 * call is restarted or fails with EINTR.  strace prints "= ?" for them.
 */
static bool errno_is_restart(unsigned err)
{
	return (err >= 512 && err <= 514) || err == 516;
}

void strace_format_rval(struct strbuf *out, const struct syscall_event *ev)
{
	if (!ev->exited) {
		strbuf_puts(out, "= ?");
		return;
	}
	if (ev->error) {
		const char *name = xlat_name(&xlat_errno_names, ev->error);
		const char *desc = errno_description(ev->error);
		strbuf_puts(out, errno_is_restart(ev->error) ? "= ? " : "= -1 ");
		if (name)
			strbuf_puts(out, name);
		else
			strbuf_printf(out, "%u", ev->error);
		if (desc)
			strbuf_printf(out, " (%s)", desc);
		return;
	}
	switch (ev->rval_format) {
	case RVAL_HEX:
		strbuf_printf(out, "= %#" PRIx64, (uint64_t)ev->rval);
		break;
	case RVAL_OCTAL:
		strbuf_printf(out, "= %#03" PRIo64, (uint64_t)ev->rval);
		break;
	case RVAL_UDECIMAL:
		strbuf_printf(out, "= %" PRIu64, (uint64_t)ev->rval);
		break;
	case RVAL_DECIMAL:
	case RVAL_FD:
	case RVAL_TID:
		strbuf_printf(out, "= %" PRId64, ev->rval);
		break;
	}
	if (ev->rval_detail.head) {
		strbuf_puts(out, " (");
		for (const struct val *v = ev->rval_detail.head; v; v = v->next) {
			struct val unnamed = *v;
			if (v != ev->rval_detail.head)
				strbuf_puts(out, ", ");
			if (v->name)
				strbuf_printf(out, "%s ", v->name);
			unnamed.name = NULL;
			strace_format_val(out, &unnamed);
		}
		strbuf_putc(out, ')');
	} else if (ev->rval_comment) {
		strbuf_printf(out, " (%s)", ev->rval_comment);
	}
}

void strace_pad_to_rval_column(struct strbuf *out, size_t line_start)
{
	strbuf_putc(out, ' ');
	size_t col = out->len - line_start;
	while (col++ < STRACE_RVAL_COLUMN)
		strbuf_putc(out, ' ');
}

void strace_format_line(struct strbuf *out, const struct syscall_event *ev)
{
	size_t start = out->len;

	strace_format_entry(out, ev);
	strace_format_exit_args(out, ev);
	strace_pad_to_rval_column(out, start);
	strace_format_rval(out, ev);
}
