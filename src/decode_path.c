/*
 * Argument shapes shared by the file, memory and signal decoders
 * (include/ctrace/decode_path.h).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "ctrace/decode_path.h"

/* AT_FDCWD as the int the kernel sees in a dirfd argument. */
#define DIRFD_CWD (-100)

/* Signals a set can name on every architecture ctrace knows (_NSIG). */
#define SIGSET_MAX_BYTES 8

int64_t ctx_word_signed(const struct decode_ctx *ctx, uint64_t w)
{
	return ctx->arch->word_size == 4 ? (int64_t)(int32_t)w : (int64_t)w;
}

int64_t ctx_reg_signed(const struct decode_ctx *ctx, uint64_t r)
{
	return ctx->arch->reg_size == 4 ? (int64_t)(int32_t)r : (int64_t)r;
}

int64_t ctx_kword_signed(const struct decode_ctx *ctx, uint64_t w)
{
	return ctx_reg_signed(ctx, w);
}

bool mem_read_kword(const struct decode_ctx *ctx, uint64_t addr, uint64_t *out)
{
	if (ctx->arch->reg_size == 4) {
		uint32_t w;
		if (!mem_read_full(ctx, addr, &w, sizeof(w)))
			return false;
		*out = w;
		return true;
	}
	return mem_read_full(ctx, addr, out, sizeof(*out));
}

struct val *path_val(struct decode_ctx *ctx, const char *name, uint64_t addr)
{
	return string_val_max(ctx, name, addr, PATH_MAX - 1);
}

struct val *arg_path(struct decode_ctx *ctx, uint64_t addr)
{
	return ctx_arg(ctx, path_val(ctx, NULL, addr));
}

struct val *dirfd_val(struct decode_ctx *ctx, uint64_t raw)
{
	if ((int32_t)raw == DIRFD_CWD)
		return val_text(ctx_arena(ctx), NULL, "AT_FDCWD");
	return val_fd(ctx_arena(ctx), NULL, (int32_t)raw);
}

struct val *arg_dirfd(struct decode_ctx *ctx, uint64_t raw)
{
	return ctx_arg(ctx, dirfd_val(ctx, raw));
}

struct val *arg_fdnum(struct decode_ctx *ctx, uint64_t raw)
{
	return ctx_arg(ctx, val_fd(ctx_arena(ctx), NULL, (int32_t)raw));
}

struct val *arg_ulong(struct decode_ctx *ctx, uint64_t raw)
{
	return ctx_arg(ctx, val_uint(ctx_arena(ctx), NULL, arch_word(ctx->arch, raw)));
}

struct val *arg_long(struct decode_ctx *ctx, uint64_t raw)
{
	return ctx_arg(ctx, val_int(ctx_arena(ctx), NULL, ctx_reg_signed(ctx, raw)));
}

/* Reads the first min(len, -s + 1) bytes; NULL when nothing could be read. */
static char *read_prefix(struct decode_ctx *ctx, uint64_t addr, uint64_t len, size_t *shown,
			 bool *truncated)
{
	size_t max = ctx->opts->strsize;
	size_t want = len > max ? max : (size_t)len;
	char *buf = arena_alloc(ctx_arena(ctx), want + 1);

	*truncated = len > max;
	*shown = want;
	if (want && !mem_read_full(ctx, addr, buf, want))
		return NULL;
	return buf;
}

struct val *buffer_val(struct decode_ctx *ctx, uint64_t addr, uint64_t len)
{
	struct arena *a = ctx_arena(ctx);
	size_t shown;
	bool truncated;

	if (!addr)
		return val_ptr(a, NULL, 0);
	char *buf = read_prefix(ctx, addr, len, &shown, &truncated);
	if (!buf)
		return val_ptr(a, NULL, addr);
	return val_str(a, NULL, buf, shown, truncated);
}

struct val *hex_buffer_val(struct decode_ctx *ctx, uint64_t addr, uint64_t len)
{
	struct arena *a = ctx_arena(ctx);
	size_t shown;
	bool truncated;

	if (!addr)
		return val_ptr(a, NULL, 0);
	char *buf = read_prefix(ctx, addr, len, &shown, &truncated);
	if (!buf)
		return val_ptr(a, NULL, addr);
	char *text = arena_alloc(a, shown * 4 + 6);
	char *p = text;
	*p++ = '"';
	for (size_t i = 0; i < shown; i++) {
		static const char digits[] = "0123456789abcdef";
		unsigned char c = (unsigned char)buf[i];
		*p++ = '\\';
		*p++ = 'x';
		*p++ = digits[c >> 4];
		*p++ = digits[c & 15];
	}
	*p++ = '"';
	if (truncated) {
		memcpy(p, "...", 3);
		p += 3;
	}
	*p = '\0';
	return val_text(a, NULL, text);
}

static unsigned popcount8(uint8_t b)
{
	unsigned n = 0;
	for (; b; b &= (uint8_t)(b - 1))
		n++;
	return n;
}

/*
 * Preformatted text: the printers have no space-separated list, and strace's
 * "~" prefix belongs to no value kind.
 */
struct val *sigset_val(struct decode_ctx *ctx, const uint8_t *set, unsigned bytes)
{
	struct arena *a = ctx_arena(ctx);
	unsigned nsig, count = 0;

	if (bytes > SIGSET_MAX_BYTES)
		bytes = SIGSET_MAX_BYTES;
	nsig = bytes * 8;
	for (unsigned i = 0; i < bytes; i++)
		count += popcount8(set[i]);
	bool invert = count * 2 > nsig;

	/* "~[" + up to 64 names of at most 9 bytes and a space each + "]" */
	char *text = arena_alloc(a, 4 + nsig * 10 + 1);
	char *p = text;
	if (invert)
		*p++ = '~';
	*p++ = '[';
	bool first = true;
	for (unsigned sig = 1; sig <= nsig; sig++) {
		bool in = set[(sig - 1) / 8] & (1u << ((sig - 1) % 8));
		if (in == invert)
			continue;
		const char *name = signal_name(sig);
		if (!first)
			*p++ = ' ';
		first = false;
		if (name)
			p += sprintf(p, "%s", name + 3);  /* without "SIG" */
		else
			p += sprintf(p, "%u", sig);
	}
	*p++ = ']';
	*p = '\0';
	return val_text(a, NULL, text);
}

struct val *sigset_at(struct decode_ctx *ctx, uint64_t addr, uint64_t size)
{
	struct arena *a = ctx_arena(ctx);
	uint8_t set[SIGSET_MAX_BYTES];

	if (!addr)
		return val_ptr(a, NULL, 0);
	/* The kernel accepts only its own sigset size; strace shows others as the address. */
	if (size == 0 || size > SIGSET_MAX_BYTES || !mem_read_full(ctx, addr, set, size))
		return val_ptr(a, NULL, addr);
	return sigset_val(ctx, set, (unsigned)size);
}

struct val *flags_or_zero(struct decode_ctx *ctx, uint64_t bits, const struct xlat *x,
			  const char *zero)
{
	if (!bits)
		return val_text(ctx_arena(ctx), NULL, zero);
	return val_flags(ctx_arena(ctx), NULL, bits, x, 0);
}
