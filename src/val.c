/* Constructors for decoded values (include/ctrace/val.h). */
#include <string.h>

#include "ctrace/val.h"

void val_list_append(struct val_list *list, struct val *v)
{
	if (list->tail)
		list->tail->next = v;
	else
		list->head = v;
	list->tail = v;
}

struct val *val_new(struct arena *a, enum val_kind kind, const char *name)
{
	struct val *v = arena_alloc(a, sizeof(*v));
	v->kind = kind;
	v->name = name;
	v->sep = SEP_COMMA;
	return v;
}

struct val *val_int(struct arena *a, const char *name, int64_t i)
{
	struct val *v = val_new(a, VAL_INT, name);
	v->i = i;
	return v;
}

static struct val *val_unsigned(struct arena *a, enum val_kind kind, const char *name, uint64_t u)
{
	struct val *v = val_new(a, kind, name);
	v->u = u;
	return v;
}

struct val *val_uint(struct arena *a, const char *name, uint64_t u)
{
	return val_unsigned(a, VAL_UINT, name, u);
}

struct val *val_hex(struct arena *a, const char *name, uint64_t u)
{
	return val_unsigned(a, VAL_HEX, name, u);
}

struct val *val_oct(struct arena *a, const char *name, uint64_t u)
{
	return val_unsigned(a, VAL_OCT, name, u);
}

struct val *val_ptr(struct arena *a, const char *name, uint64_t addr)
{
	return val_unsigned(a, VAL_PTR, name, addr);
}

struct val *val_signal(struct arena *a, const char *name, uint64_t sig)
{
	return val_unsigned(a, VAL_SIGNAL, name, sig);
}

struct val *val_fd(struct arena *a, const char *name, int64_t fd)
{
	struct val *v = val_new(a, VAL_FD, name);
	v->fd.fd = fd;
	return v;
}

struct val *val_flags(struct arena *a, const char *name, uint64_t bits,
		      const struct xlat *xlat, uint64_t signal_mask)
{
	struct val *v = val_new(a, VAL_FLAGS, name);
	v->flags.bits = bits;
	v->flags.xlat = xlat;
	v->flags.signal_mask = signal_mask;
	return v;
}

struct val *val_enum(struct arena *a, const char *name, uint64_t u, const struct xlat *xlat)
{
	struct val *v = val_new(a, VAL_ENUM, name);
	v->e.u = u;
	v->e.xlat = xlat;
	return v;
}

struct val *val_str(struct arena *a, const char *name, const char *bytes, size_t len,
		    bool truncated)
{
	struct val *v = val_new(a, VAL_STR, name);
	v->str.bytes = arena_strndup(a, bytes, len);
	v->str.len = (uint32_t)len;
	v->str.truncated = truncated;
	return v;
}

struct val *val_text(struct arena *a, const char *name, const char *text)
{
	struct val *v = val_new(a, VAL_TEXT, name);
	v->text = text;
	return v;
}

struct val *val_sym(struct arena *a, const char *name, uint64_t u, enum val_kind raw,
		    const char *text)
{
	struct val *v = val_new(a, VAL_SYM, name);
	v->sym.u = u;
	v->sym.raw = raw;
	v->sym.text = text;
	return v;
}

struct val *val_sigset(struct arena *a, const char *name, const uint8_t *bytes, size_t len)
{
	struct val *v = val_new(a, VAL_SIGSET, name);
	uint8_t *copy = arena_alloc(a, len ? len : 1);
	memcpy(copy, bytes, len);
	v->sigset.bytes = copy;
	v->sigset.len = (uint32_t)len;
	return v;
}

struct val *val_struct(struct arena *a, const char *name)
{
	return val_new(a, VAL_STRUCT, name);
}

struct val *val_array(struct arena *a, const char *name)
{
	return val_new(a, VAL_ARRAY, name);
}

struct val *val_join(struct arena *a, const char *name)
{
	return val_new(a, VAL_JOIN, name);
}

struct val *val_written(struct arena *a, const char *name, struct val *inner)
{
	struct val *v = val_new(a, VAL_WRITTEN, name);
	if (inner)
		val_add(v, inner);
	return v;
}

struct val *val_ellipsis(struct arena *a)
{
	return val_new(a, VAL_ELLIPSIS, NULL);
}

struct val *val_add(struct val *parent, struct val *child)
{
	struct val **p = &parent->children;
	while (*p)
		p = &(*p)->next;
	*p = child;
	return child;
}

static const char *copy_cstr(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

struct val *val_copy(struct arena *a, const struct val *v)
{
	struct val *c = arena_alloc(a, sizeof(*c));

	*c = *v;
	c->next = NULL;
	c->children = NULL;
	/* Names, comments and texts may live in the event's arena too. */
	c->name = copy_cstr(a, v->name);
	c->comment = copy_cstr(a, v->comment);
	if (v->kind == VAL_TEXT)
		c->text = copy_cstr(a, v->text);
	if (v->kind == VAL_STR)
		c->str.bytes = arena_strndup(a, v->str.bytes, v->str.len);
	for (const struct val *ch = v->children; ch; ch = ch->next)
		val_add(c, val_copy(a, ch));
	return c;
}
