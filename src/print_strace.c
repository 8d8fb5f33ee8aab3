/*
 * strace's text format for decoded values and syscalls
 * (include/ctrace/print.h).  Every rule here was checked against strace 6.1's
 * output; the tests in tests/unit/test_print_strace.c pin them.
 */
#include <inttypes.h>
#include <string.h>

#include "ctrace/print.h"
#include "ctrace/xlat.h"

/*
 * strace's quoting of bytes: C escapes, octal for the rest (and for any byte
 * in `octal_too`: -y paths escape their brackets), shortest octal form
 * unless an octal digit follows (then always three digits).
 */
static void quote_bytes(struct strbuf *out, const char *bytes, size_t len, const char *octal_too)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)bytes[i];
		switch (c) {
		case '"':  strbuf_puts(out, "\\\""); continue;
		case '\\': strbuf_puts(out, "\\\\"); continue;
		case '\f': strbuf_puts(out, "\\f"); continue;
		case '\n': strbuf_puts(out, "\\n"); continue;
		case '\r': strbuf_puts(out, "\\r"); continue;
		case '\t': strbuf_puts(out, "\\t"); continue;
		case '\v': strbuf_puts(out, "\\v"); continue;
		}
		if (c >= ' ' && c < 0x7f && !strchr(octal_too, c)) {
			strbuf_putc(out, (char)c);
			continue;
		}
		bool octal_follows = i + 1 < len && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
		strbuf_printf(out, octal_follows ? "\\%03o" : "\\%o", c);
	}
}

static void format_string(struct strbuf *out, const struct val_str *s)
{
	strbuf_putc(out, '"');
	quote_bytes(out, s->bytes, s->len, "");
	strbuf_putc(out, '"');
	if (s->truncated)
		strbuf_puts(out, "...");
}

static enum const_style const_style = CONST_STYLE_ABBREV;

void strace_set_const_style(enum const_style style)
{
	const_style = style;
}

enum const_style strace_const_style(void)
{
	return const_style;
}

int strace_parse_const_style(const char *arg)
{
	static const char *const names[] = {
		[CONST_STYLE_ABBREV] = "abbrev",
		[CONST_STYLE_RAW] = "raw",
		[CONST_STYLE_VERBOSE] = "verbose",
	};

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(arg, names[i])) {
			const_style = (enum const_style)i;
			return 0;
		}
	}
	return -1;
}

static void format_hex(struct strbuf *out, uint64_t u)
{
	if (u)
		strbuf_printf(out, "%#" PRIx64, u);
	else
		strbuf_putc(out, '0');
}

static void format_octal(struct strbuf *out, uint64_t u)
{
	if (u)
		strbuf_printf(out, "%#" PRIo64, u);
	else
		strbuf_putc(out, '0');
}

/* A number as -X raw prints it: `kind` is VAL_INT, VAL_UINT, VAL_HEX or VAL_OCT. */
static void format_number(struct strbuf *out, uint64_t u, enum val_kind kind)
{
	switch (kind) {
	case VAL_INT:
		strbuf_printf(out, "%" PRId64, (int64_t)u);
		break;
	case VAL_UINT:
		strbuf_printf(out, "%" PRIu64, u);
		break;
	case VAL_OCT:
		format_octal(out, u);
		break;
	default:
		format_hex(out, u);
		break;
	}
}

/*
 * The three -X styles of a named constant, whose abbreviated form `abbrev`
 * writes and returns whether it printed a name: abbrev alone, the number
 * alone, or "number slash-star abbrev star-slash".  strace 6.1 prints a value without
 * any name (an unknown one, "0x9 slash-star SEEK_??? star-slash") the same in
 * abbrev and verbose.
 */
typedef bool abbrev_fn(struct strbuf *out, const void *arg);

static void format_styled(struct strbuf *out, uint64_t u, enum val_kind raw,
			  abbrev_fn *abbrev, const void *arg)
{
	if (const_style == CONST_STYLE_RAW) {
		format_number(out, u, raw);
		return;
	}
	if (const_style == CONST_STYLE_ABBREV) {
		abbrev(out, arg);
		return;
	}
	size_t start = out->len;
	format_number(out, u, raw);
	strbuf_puts(out, " /* ");
	size_t names = out->len;
	if (abbrev(out, arg)) {
		strbuf_puts(out, " */");
		return;
	}
	/* No name: the abbreviated form alone, in place of the number. */
	size_t len = out->len - names;
	memmove(out->buf + start, out->buf + names, len);
	out->len = start + len;
	out->buf[out->len] = '\0';
}

static bool abbrev_signal(struct strbuf *out, const void *arg)
{
	uint64_t sig = *(const uint64_t *)arg;
	const char *name = sig <= UINT32_MAX ? signal_name((unsigned)sig) : NULL;
	if (name)
		strbuf_puts(out, name);
	else
		strbuf_printf(out, "%" PRIu64, sig);
	return name != NULL;
}

static void format_signal(struct strbuf *out, uint64_t sig)
{
	format_styled(out, sig, VAL_UINT, abbrev_signal, &sig);
}

/*
 * Known bits by name in table order, unknown bits as one hex number:
 * "CLONE_VM|0x100000000".  A field (open's access mode, st_mode's type) comes
 * first; with no known bit at all the unknown value carries a comment
 * "0x400000 slash-star CLONE_??? star-slash" (strace 6.1).  Returns whether a name was printed.
 */
static bool abbrev_flags(struct strbuf *out, const void *arg)
{
	const struct val_flags *f = arg;
	uint64_t rest = f->bits & ~f->signal_mask;
	int printed = 0, named = 0;

	if (!rest && f->zero && !f->field_mask) {
		strbuf_puts(out, f->zero);
		return true;
	}
	if (f->field_mask) {
		/* an unnamed field joins the unnamed rest: "SOCK_CLOEXEC|0x7" */
		const char *name = f->field_xlat ? xlat_name(f->field_xlat, rest & f->field_mask)
						 : NULL;
		if (name) {
			strbuf_puts(out, name);
			printed++, named++;
			rest &= ~f->field_mask;
		} else if (f->field_unknown_first) {
			format_hex(out, rest & f->field_mask);
			if (f->field_xlat && f->field_xlat->unknown)
				strbuf_printf(out, " /* %s */", f->field_xlat->unknown);
			printed++;
			rest &= ~f->field_mask;
		}
	}
	uint64_t shifted = rest & f->shifted_mask;
	rest &= ~f->shifted_mask;
	if (f->xlat) {
		for (const struct xlat_entry *e = f->xlat->entries; e->name; e++) {
			if (e->value && (rest & e->value) == e->value) {
				strbuf_puts(out, printed++ ? "|" : "");
				strbuf_puts(out, e->name);
				named++;
				rest &= ~e->value;
			}
		}
	}
	if (shifted) {
		unsigned shift = (unsigned)__builtin_ctzll(f->shifted_mask);
		strbuf_printf(out, "%s%" PRIu64 "<<%s", printed++ ? "|" : "", shifted >> shift,
			      f->shifted_name);
		named++;
	}
	if (f->octal) {
		/* st_mode's permission bits, always shown: "S_IFREG|0644", "S_IFIFO|000" */
		strbuf_printf(out, "%s%#03" PRIo64, printed ? "|" : "", rest);
		printed++;
	} else if (rest) {
		strbuf_puts(out, printed ? "|" : "");
		strbuf_printf(out, "%#" PRIx64, rest);
		if (!printed && f->xlat && f->xlat->unknown)
			strbuf_printf(out, " /* %s */", f->xlat->unknown);
		printed++;
	}
	if (!printed)
		strbuf_putc(out, '0');
	return named > 0;
}

struct enum_arg {
	uint64_t u;
	const struct xlat *x;
};

static bool abbrev_enum(struct strbuf *out, const void *arg);

/* clone's flags carry the exit signal in their low byte: "CLONE_VM|SIGCHLD". */
static void format_flags(struct strbuf *out, const struct val_flags *f)
{
	uint64_t sig = f->bits & f->signal_mask;
	uint64_t bits = f->bits & ~f->signal_mask;

	uint64_t field = bits & f->field_mask;
	if (f->field_apart && f->field_xlat && xlat_name(f->field_xlat, field)) {
		struct enum_arg e = { field, f->field_xlat };
		struct val_flags others = { .bits = bits & ~f->field_mask, .xlat = f->xlat };
		/* strace 6.1 -X raw prints a zero field as nothing: statx's "|0x900" */
		if (field || const_style != CONST_STYLE_RAW)
			format_styled(out, field, VAL_HEX, abbrev_enum, &e);
		if (others.bits) {
			strbuf_putc(out, '|');
			format_styled(out, others.bits, VAL_HEX, abbrev_flags, &others);
		}
	} else if (bits || !sig) {
		format_styled(out, bits, f->octal ? VAL_OCT : VAL_HEX, abbrev_flags, f);
	}
	if (sig) {
		strbuf_puts(out, bits ? "|" : "");
		format_signal(out, sig);
	}
}

static bool abbrev_enum(struct strbuf *out, const void *arg)
{
	const struct enum_arg *e = arg;
	const char *name = e->x ? xlat_name(e->x, e->u) : NULL;
	if (name) {
		strbuf_puts(out, name);
		return true;
	}
	format_hex(out, e->u);
	if (e->x && e->x->unknown)
		strbuf_printf(out, " /* %s */", e->x->unknown);
	return false;
}

static void format_enum(struct strbuf *out, uint64_t u, const struct xlat *x)
{
	struct enum_arg e = { u, x };
	format_styled(out, u, VAL_HEX, abbrev_enum, &e);
}

static void format_sym_raw(struct strbuf *out, const struct val_sym *sym)
{
	if (sym->raw_text)
		strbuf_puts(out, sym->raw_text);
	else
		format_number(out, sym->u, sym->raw);
}

static void format_sym(struct strbuf *out, const struct val_sym *sym)
{
	if (!sym->text || const_style == CONST_STYLE_RAW) {
		format_sym_raw(out, sym);
	} else if (const_style == CONST_STYLE_ABBREV) {
		strbuf_puts(out, sym->text);
	} else if (sym->verbose_whole && sym->verbose_text) {
		strbuf_puts(out, sym->verbose_text);
	} else {
		format_sym_raw(out, sym);
		strbuf_printf(out, " /* %s */", sym->verbose_text ? sym->verbose_text : sym->text);
	}
}

/* A set member by its name without "SIG" ([USR1 RTMIN]): strace's sigset style. */
static bool abbrev_sigset_member(struct strbuf *out, const void *arg)
{
	unsigned sig = *(const unsigned *)arg;
	const char *name = signal_name(sig);
	if (name)
		strbuf_puts(out, name + 3);
	else
		strbuf_printf(out, "%u", sig);
	return name != NULL;
}

static unsigned popcount8(uint8_t b)
{
	unsigned n = 0;
	for (; b; b &= (uint8_t)(b - 1))
		n++;
	return n;
}

/* strace lists the signals left out, after "~", when more than half are in. */
static void format_sigset(struct strbuf *out, const struct val_sigset *set)
{
	unsigned nsig = set->len * 8, count = 0;
	bool first = true;

	for (unsigned i = 0; i < set->len; i++)
		count += popcount8(set->bytes[i]);
	bool invert = count * 2 > nsig;
	if (invert)
		strbuf_putc(out, '~');
	strbuf_putc(out, '[');
	for (unsigned sig = 1; sig <= nsig; sig++) {
		bool in = set->bytes[(sig - 1) / 8] & (1u << ((sig - 1) % 8));
		if (in == invert)
			continue;
		if (!first)
			strbuf_putc(out, ' ');
		first = false;
		format_styled(out, sig, VAL_UINT, abbrev_sigset_member, &sig);
	}
	strbuf_putc(out, ']');
}

#define DELETED_SUFFIX " (deleted)"

/*
 * -y: "3</etc/passwd>".  The path is quoted as strace 6.1 quotes it: C
 * escapes (\n, \t, ...), octal for other unprintable bytes and for the
 * brackets '<' and '>' ("\76"), shortest octal unless a digit follows.  A
 * file unlinked while open ("/tmp/x (deleted)" from readlink) prints as
 * "</tmp/x>(deleted)".
 */
static void format_fd_path(struct strbuf *out, const char *path)
{
	size_t len = strlen(path);
	size_t suffix = strlen(DELETED_SUFFIX);
	bool deleted = len > suffix && !strcmp(path + len - suffix, DELETED_SUFFIX);

	if (deleted)
		len -= suffix;
	strbuf_putc(out, '<');
	quote_bytes(out, path, len, "<>");
	strbuf_putc(out, '>');
	if (deleted)
		strbuf_puts(out, "(deleted)");
}

static void format_list(struct strbuf *out, const struct val *v)
{
	for (const struct val *c = v; c; c = c->next) {
		if (c != v) {
			if (c->sep == SEP_COMMA)
				strbuf_puts(out, ", ");
			else if (c->sep == SEP_ARROW)
				strbuf_puts(out, " => ");
			else if (c->sep == SEP_SPACE)
				strbuf_putc(out, ' ');
		}
		strace_format_val(out, c);
	}
}

void strace_format_val(struct strbuf *out, const struct val *v)
{
	bool unnamed = v->kind == VAL_SYM && v->sym.abbrev_unnamed &&
		       const_style == CONST_STYLE_ABBREV;
	if (v->name && !unnamed)
		strbuf_printf(out, "%s=", v->name);

	switch (v->kind) {
	case VAL_INT:
		strbuf_printf(out, "%" PRId64, v->i);
		break;
	case VAL_FD:
		if (v->fd.name) {
			struct val_sym sym = { .u = (uint64_t)v->fd.fd, .text = v->fd.name,
					       .raw = VAL_INT };
			format_sym(out, &sym);
		} else {
			strbuf_printf(out, "%" PRId64, v->fd.fd);
		}
		if (v->fd.path)
			format_fd_path(out, v->fd.path);
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
	case VAL_SYM:
		format_sym(out, &v->sym);
		break;
	case VAL_SIGSET:
		format_sigset(out, &v->sigset);
		break;
	case VAL_JOIN:
		for (const struct val *c = v->children; c; c = c->next) {
			if (c != v->children)
				strbuf_putc(out, '|');
			strace_format_val(out, c);
		}
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
	if (ev->rval_path)
		format_fd_path(out, ev->rval_path);
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
	} else if (ev->rval_comment || ev->rval_val) {
		strbuf_puts(out, " (");
		if (ev->rval_comment)
			strbuf_puts(out, ev->rval_comment);
		if (ev->rval_comment && ev->rval_val)
			strbuf_putc(out, ' ');
		if (ev->rval_val) {
			enum const_style style = const_style;
			if (ev->rval_val_abbrev)
				const_style = CONST_STYLE_ABBREV;
			strace_format_val(out, ev->rval_val);
			const_style = style;
		}
		strbuf_putc(out, ')');
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
