/* A growable string buffer: the one way printers build text. */
#ifndef CTRACE_STRBUF_H
#define CTRACE_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;      /* NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_reset(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);
/* The text so far ("" when empty). */
const char *strbuf_str(const struct strbuf *sb);

#endif
