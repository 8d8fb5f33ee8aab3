/*
 * JSON Lines for decoded events (include/ctrace/print_json.h).  Values are
 * converted from the decoders' `struct val` trees; the facts are the strace
 * printer's, the shape is the one man/ctrace.1 documents under JSON OUTPUT.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "ctrace/arch.h"
#include "ctrace/print_json.h"
#include "ctrace/xlat.h"

/* Length of the valid UTF-8 sequence at p (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *p, size_t left)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n;

	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (left < n || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

void json_format_string(struct strbuf *out, const char *bytes, size_t len)
{
	const unsigned char *s = (const unsigned char *)bytes;

	strbuf_putc(out, '"');
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		if (c >= 0x80) {
			size_t n = utf8_len(s + i, len - i);
			if (n) {
				strbuf_add(out, bytes + i, n);
				i += n;
			} else {
				strbuf_printf(out, "\\u%04x", c);   /* not UTF-8: the byte */
				i++;
			}
			continue;
		}
		i++;
		switch (c) {
		case '"':  strbuf_puts(out, "\\\""); continue;
		case '\\': strbuf_puts(out, "\\\\"); continue;
		case '\b': strbuf_puts(out, "\\b"); continue;
		case '\f': strbuf_puts(out, "\\f"); continue;
		case '\n': strbuf_puts(out, "\\n"); continue;
		case '\r': strbuf_puts(out, "\\r"); continue;
		case '\t': strbuf_puts(out, "\\t"); continue;
		}
		if (c < 0x20 || c == 0x7f)
			strbuf_printf(out, "\\u%04x", c);
		else
			strbuf_putc(out, (char)c);
	}
	strbuf_putc(out, '"');
}

static void put_cstr(struct strbuf *out, const char *s)
{
	if (s)
		json_format_string(out, s, strlen(s));
	else
		strbuf_puts(out, "null");
}

/* ,"key": (or "key": for the first member) */
static void put_key(struct strbuf *out, bool *first, const char *key)
{
	if (!*first)
		strbuf_putc(out, ',');
	*first = false;
	put_cstr(out, key);
	strbuf_putc(out, ':');
}

/* Closes an object, with the value's comment as its last member. */
static void end_object(struct strbuf *out, bool *first, const struct val *v)
{
	if (v->comment) {
		put_key(out, first, "comment");
		put_cstr(out, v->comment);
	}
	strbuf_putc(out, '}');
}

static const char *signal_name_or_null(uint64_t sig)
{
	return sig <= UINT32_MAX ? signal_name((unsigned)sig) : NULL;
}

/* {"name":"SIGCHLD","raw":17}: enums, signals and errnos alike. */
static void format_named(struct strbuf *out, const char *name, uint64_t raw, const struct val *v)
{
	bool first = true;

	strbuf_putc(out, '{');
	put_key(out, &first, "name");
	put_cstr(out, name);
	put_key(out, &first, "raw");
	strbuf_printf(out, "%" PRIu64, raw);
	end_object(out, &first, v);
}

/* Bits named in table order, exactly the names strace prints. */
static void format_flags(struct strbuf *out, const struct val *v)
{
	const struct val_flags *f = &v->flags;
	uint64_t sig = f->bits & f->signal_mask;
	uint64_t rest = f->bits & ~f->signal_mask;
	bool first = true, first_name = true;

	strbuf_putc(out, '{');
	uint64_t shifted = rest & f->shifted_mask;     /* printed apart, after the names */
	rest &= ~f->shifted_mask;
	put_key(out, &first, "raw");
	strbuf_printf(out, "%" PRIu64, f->bits);
	put_key(out, &first, "flags");
	strbuf_putc(out, '[');
	if (!rest && f->zero && !f->field_mask) {
		put_cstr(out, f->zero);
		first_name = false;
	}
	if (f->field_mask) {
		/* open's access mode, st_mode's type: a name even for 0 (O_RDONLY) */
		const char *name = f->field_xlat ? xlat_name(f->field_xlat, rest & f->field_mask)
						 : NULL;
		if (name) {
			put_cstr(out, name);
			first_name = false;
			rest &= ~f->field_mask;
		}
	}
	if (f->xlat) {
		for (const struct xlat_entry *e = f->xlat->entries; e->name; e++) {
			if (e->value && (rest & e->value) == e->value) {
				strbuf_puts(out, first_name ? "" : ",");
				first_name = false;
				put_cstr(out, e->name);
				rest &= ~e->value;
			}
		}
	}
	strbuf_putc(out, ']');
	if (shifted) {
		/* mmap's huge page size: "shifted":{"name":"MAP_HUGE_SHIFT","value":2} */
		unsigned shift = (unsigned)__builtin_ctzll(f->shifted_mask);
		put_key(out, &first, "shifted");
		strbuf_puts(out, "{\"name\":");
		put_cstr(out, f->shifted_name);
		strbuf_printf(out, ",\"value\":%" PRIu64 "}", shifted >> shift);
	}
	if (f->octal) {
		/* st_mode's permission bits */
		put_key(out, &first, "mode");
		strbuf_printf(out, "%" PRIu64, rest & 0777);
		rest &= ~(uint64_t)0777;
	}
	if (rest) {
		put_key(out, &first, "unknown");
		strbuf_printf(out, "%" PRIu64, rest);
	}
	if (sig) {
		put_key(out, &first, "signal");
		const char *name = signal_name_or_null(sig);
		if (name)
			put_cstr(out, name);
		else
			strbuf_printf(out, "%" PRIu64, sig);
	}
	end_object(out, &first, v);
}

/* {"name":"AT_FDCWD","raw":-100}: a number the decoder named; signed when it is a C int. */
static void format_sym(struct strbuf *out, const struct val *v)
{
	bool first = true;

	strbuf_putc(out, '{');
	put_key(out, &first, "name");
	put_cstr(out, v->sym.text);
	put_key(out, &first, "raw");
	if (v->sym.raw == VAL_INT)
		strbuf_printf(out, "%" PRId64, (int64_t)v->sym.u);
	else
		strbuf_printf(out, "%" PRIu64, v->sym.u);
	end_object(out, &first, v);
}

/* The members of a signal set, by name: ["SIGUSR1","SIGRTMIN"] (numbers when unnamed). */
static void format_sigset(struct strbuf *out, const struct val_sigset *set)
{
	bool first = true;

	strbuf_putc(out, '[');
	for (unsigned sig = 1; sig <= set->len * 8; sig++) {
		if (!(set->bytes[(sig - 1) / 8] & (1u << ((sig - 1) % 8))))
			continue;
		strbuf_puts(out, first ? "" : ",");
		first = false;
		const char *name = signal_name(sig);
		if (name)
			put_cstr(out, name);
		else
			strbuf_printf(out, "%u", sig);
	}
	strbuf_putc(out, ']');
}

/* An fd, and with -y what it refers to: {"fd":3,"path":"/etc/passwd"}. */
static void format_fd(struct strbuf *out, const struct val *v)
{
	bool first = true;

	if (!v->fd.path && !v->fd.name) {
		strbuf_printf(out, "%" PRId64, v->fd.fd);
		return;
	}
	strbuf_putc(out, '{');
	if (v->fd.name) {
		/* AT_FDCWD: a named value, as before -y */
		put_key(out, &first, "name");
		put_cstr(out, v->fd.name);
		put_key(out, &first, "raw");
	} else {
		put_key(out, &first, "fd");
	}
	strbuf_printf(out, "%" PRId64, v->fd.fd);
	if (!v->fd.path) {
		end_object(out, &first, v);
		return;
	}
	put_key(out, &first, "path");
	put_cstr(out, v->fd.path);
	end_object(out, &first, v);
}

static void format_ellipsis(struct strbuf *out, const struct val *v)
{
	bool first = true;

	strbuf_putc(out, '{');
	put_key(out, &first, "ellipsis");
	strbuf_puts(out, "true");
	end_object(out, &first, v);
}

static void format_value(struct strbuf *out, const struct val *v);

/* Members keyed by field name; a nameless member by its position, strace's
 * "..." as "...":true, and the exit-time value of a field (strace's
 * `msg_namelen=128 => 16`) as "FIELD_after", as "after" is for arguments. */
static void format_struct(struct strbuf *out, const struct val *v)
{
	bool first = true;
	unsigned pos = 0;
	const char *prev_name = NULL;

	strbuf_putc(out, '{');
	for (const struct val *c = v->children; c; c = c->next, pos++) {
		if (c->kind == VAL_ELLIPSIS && !c->name) {
			put_key(out, &first, "...");
			strbuf_puts(out, "true");
			continue;
		}
		if (c->name) {
			put_key(out, &first, c->name);
			prev_name = c->name;
		} else if (c->sep == SEP_ARROW && prev_name) {
			char key[128];
			snprintf(key, sizeof(key), "%s_after", prev_name);
			put_key(out, &first, key);
		} else {
			char key[16];
			snprintf(key, sizeof(key), "%u", pos);
			put_key(out, &first, key);
		}
		json_format_val(out, c);
	}
	end_object(out, &first, v);
}

static void format_array(struct strbuf *out, const struct val *v)
{
	strbuf_putc(out, '[');
	for (const struct val *c = v->children; c; c = c->next) {
		if (c != v->children)
			strbuf_putc(out, ',');
		json_format_val(out, c);
	}
	strbuf_putc(out, ']');
}

static void format_written(struct strbuf *out, const struct val *v)
{
	bool first = true;

	strbuf_putc(out, '{');
	put_key(out, &first, "written");
	if (!v->children)
		strbuf_puts(out, "null");
	else if (!v->children->next)
		json_format_val(out, v->children);
	else
		format_array(out, v);
	end_object(out, &first, v);
}

/* Kinds that are JSON objects carry their comment as a member. */
static bool is_object(const struct val *v)
{
	switch (v->kind) {
	case VAL_FLAGS:
	case VAL_ENUM:
	case VAL_SIGNAL:
	case VAL_ERRNO:
	case VAL_STRUCT:
	case VAL_WRITTEN:
	case VAL_ELLIPSIS:
	case VAL_SYM:
		return true;
	case VAL_FD:
		return v->fd.path || v->fd.name;
	case VAL_STR:
		return v->str.truncated;
	default:
		return false;
	}
}

/* The value alone; objects end with their "comment" member. */
static void format_value(struct strbuf *out, const struct val *v)
{
	switch (v->kind) {
	case VAL_INT:
		strbuf_printf(out, "%" PRId64, v->i);
		break;
	case VAL_FD:
		format_fd(out, v);
		break;
	case VAL_SYM:
		format_sym(out, v);
		break;
	case VAL_SIGSET:
		format_sigset(out, &v->sigset);
		break;
	case VAL_UINT:
	case VAL_HEX:
	case VAL_OCT:
		strbuf_printf(out, "%" PRIu64, v->u);
		break;
	case VAL_PTR:
		if (v->u)
			strbuf_printf(out, "%" PRIu64, v->u);
		else
			strbuf_puts(out, "null");
		break;
	case VAL_FLAGS:
		format_flags(out, v);
		break;
	case VAL_ENUM:
		format_named(out, v->e.xlat ? xlat_name(v->e.xlat, v->e.u) : NULL, v->e.u, v);
		break;
	case VAL_SIGNAL:
		format_named(out, signal_name_or_null(v->u), v->u, v);
		break;
	case VAL_ERRNO:
		format_named(out, xlat_name(&xlat_errno_names, v->u), v->u, v);
		break;
	case VAL_STR:
		if (v->str.truncated) {
			bool first = true;
			strbuf_putc(out, '{');
			put_key(out, &first, "string");
			json_format_string(out, v->str.bytes, v->str.len);
			put_key(out, &first, "truncated");
			strbuf_puts(out, "true");
			end_object(out, &first, v);
		} else {
			json_format_string(out, v->str.bytes, v->str.len);
		}
		break;
	case VAL_STRUCT:
		format_struct(out, v);
		break;
	case VAL_ARRAY:
	case VAL_JOIN:      /* termios's NL0|CR0|...: one element per part */
		format_array(out, v);
		break;
	case VAL_WRITTEN:
		format_written(out, v);
		break;
	case VAL_TEXT:
		put_cstr(out, v->text ? v->text : "");
		break;
	case VAL_ELLIPSIS:
		format_ellipsis(out, v);
		break;
	}
}

/* A commented value that is not an object: {"value":V,"comment":C}. */
void json_format_val(struct strbuf *out, const struct val *v)
{
	if (!v->comment || is_object(v)) {
		format_value(out, v);
		return;
	}
	bool first = true;
	strbuf_putc(out, '{');
	put_key(out, &first, "value");
	format_value(out, v);
	end_object(out, &first, v);
}

/*
 * "args" (and "retval_detail"): one element per value strace prints, in
 * order: {"name":"flags","value":V} ("name" only for named ones), with
 * "after":V2 when strace prints " => V2" (the value the kernel left at exit)
 * and "comment" for the value's comment.
 */
static void format_arg_list(struct strbuf *out, const struct val *head)
{
	strbuf_putc(out, '[');
	for (const struct val *v = head; v; v = v->next) {
		bool first = true;
		if (v != head)
			strbuf_putc(out, ',');
		strbuf_putc(out, '{');
		if (v->name) {
			put_key(out, &first, "name");
			put_cstr(out, v->name);
		}
		put_key(out, &first, "value");
		format_value(out, v);
		if (v->comment && !is_object(v)) {
			put_key(out, &first, "comment");
			put_cstr(out, v->comment);
		}
		while (v->next && v->next->sep == SEP_ARROW) {
			v = v->next;
			put_key(out, &first, "after");
			json_format_val(out, v);
		}
		strbuf_putc(out, '}');
	}
	strbuf_putc(out, ']');
}

static void begin_event(struct strbuf *out, const char *type, pid_t pid)
{
	strbuf_printf(out, "{\"v\":%d,\"type\":\"%s\",\"pid\":%d", JSON_SCHEMA_VERSION, type,
		      (int)pid);
}

void json_format_syscall(struct strbuf *out, pid_t pid, const struct syscall_event *ev)
{
	begin_event(out, "syscall", pid);
	strbuf_puts(out, ",\"syscall\":");
	if (ev->desc)
		put_cstr(out, ev->desc->name);
	else
		strbuf_printf(out, "\"syscall_%#" PRIx64 "\"", ev->nr | ev->arch->nr_bit);
	strbuf_printf(out, ",\"nr\":%" PRIu64 ",\"arch\":", ev->nr | ev->arch->nr_bit);
	put_cstr(out, ev->arch->name);
	strbuf_puts(out, ",\"args\":");
	format_arg_list(out, ev->args_list.head);

	if (!ev->exited) {
		strbuf_puts(out, ",\"unfinished\":true}");
		return;
	}
	if (ev->error) {
		strbuf_puts(out, ",\"error\":{\"errno\":");
		put_cstr(out, xlat_name(&xlat_errno_names, ev->error));
		strbuf_printf(out, ",\"code\":%u,\"message\":", ev->error);
		put_cstr(out, errno_description(ev->error));
		strbuf_puts(out, "}}");
		return;
	}
	switch (ev->rval_format) {
	case RVAL_HEX:
	case RVAL_OCTAL:
	case RVAL_UDECIMAL:
		strbuf_printf(out, ",\"retval\":%" PRIu64, (uint64_t)ev->rval);
		break;
	case RVAL_DECIMAL:
	case RVAL_FD:
	case RVAL_TID:
		strbuf_printf(out, ",\"retval\":%" PRId64, ev->rval);
		break;
	}
	if (ev->rval_path) {
		strbuf_puts(out, ",\"retval_path\":");
		put_cstr(out, ev->rval_path);
	}
	if (ev->rval_comment) {
		strbuf_puts(out, ",\"retval_comment\":");
		put_cstr(out, ev->rval_comment);
	}
	if (ev->rval_detail.head) {
		strbuf_puts(out, ",\"retval_detail\":");
		format_arg_list(out, ev->rval_detail.head);
	}
	if (ev->rval_val) {
		/* fcntl(F_GETFL)'s flags: "retval_comment":"flags","retval_value":{...} */
		strbuf_puts(out, ",\"retval_value\":");
		json_format_val(out, ev->rval_val);
	}
	strbuf_putc(out, '}');
}

static void put_signal_members(struct strbuf *out, int sig)
{
	strbuf_puts(out, ",\"signal\":");
	const char *name = signal_name_or_null((uint64_t)sig);
	if (name)
		put_cstr(out, name);
	else
		strbuf_printf(out, "%d", sig);
	strbuf_printf(out, ",\"signo\":%d", sig);
}

void json_format_signal(struct strbuf *out, pid_t pid, int sig, const struct val *siginfo)
{
	begin_event(out, "signal", pid);
	put_signal_members(out, sig);
	strbuf_puts(out, ",\"siginfo\":");
	if (siginfo)
		json_format_val(out, siginfo);
	else
		strbuf_puts(out, "null");
	strbuf_putc(out, '}');
}

void json_format_group_stop(struct strbuf *out, pid_t pid, int sig)
{
	begin_event(out, "group_stop", pid);
	put_signal_members(out, sig);
	strbuf_putc(out, '}');
}

void json_format_exit(struct strbuf *out, pid_t pid, int status)
{
	if (WIFEXITED(status)) {
		begin_event(out, "exit", pid);
		strbuf_printf(out, ",\"status\":%d}", WEXITSTATUS(status));
		return;
	}
	begin_event(out, "killed", pid);
	put_signal_members(out, WTERMSIG(status));
	strbuf_printf(out, ",\"core_dumped\":%s}", WCOREDUMP(status) ? "true" : "false");
}

void json_format_superseded(struct strbuf *out, pid_t pid, pid_t by)
{
	begin_event(out, "superseded", pid);
	strbuf_printf(out, ",\"by\":%d}", (int)by);
}

void json_format_personality(struct strbuf *out, pid_t pid, const struct arch *arch)
{
	begin_event(out, "personality", pid);
	strbuf_puts(out, ",\"arch\":");
	put_cstr(out, arch->name);
	strbuf_puts(out, ",\"mode\":");
	put_cstr(out, arch->mode_name);
	strbuf_putc(out, '}');
}

void json_format_attach(struct strbuf *out, pid_t pid, bool followed)
{
	begin_event(out, "attach", pid);
	strbuf_printf(out, ",\"followed\":%s}", followed ? "true" : "false");
}

void json_format_detach(struct strbuf *out, pid_t pid)
{
	begin_event(out, "detach", pid);
	strbuf_putc(out, '}');
}
