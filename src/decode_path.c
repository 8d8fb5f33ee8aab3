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
	/* -y: AT_FDCWD</cwd/of/the/task> */
	struct val *v = ctx_fd_val(ctx, NULL, (int32_t)raw);
	if ((int32_t)raw == DIRFD_CWD)
		v->fd.name = "AT_FDCWD";
	return v;
}

struct val *arg_dirfd(struct decode_ctx *ctx, uint64_t raw)
{
	return ctx_arg(ctx, dirfd_val(ctx, raw));
}

struct val *arg_fdnum(struct decode_ctx *ctx, uint64_t raw)
{
	return ctx_arg(ctx, ctx_fd_val(ctx, NULL, (int32_t)raw));
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

/* The printers name the members and choose strace's "~[...]" form. */
struct val *sigset_val(struct decode_ctx *ctx, const uint8_t *set, unsigned bytes)
{
	if (bytes > SIGSET_MAX_BYTES)
		bytes = SIGSET_MAX_BYTES;
	return val_sigset(ctx_arena(ctx), NULL, set, bytes);
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
	struct val *v = val_flags(ctx_arena(ctx), NULL, bits, x, 0);
	if (strcmp(zero, "0"))
		v->flags.zero = zero;
	return v;
}
