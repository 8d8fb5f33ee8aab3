/*
 * The decoding drivers and the helpers every decoder shares
 * (include/ctrace/decode.h).  Nothing here knows about ptrace.
 */
#include <stdlib.h>
#include <string.h>

#include "ctrace/decode.h"

const struct decode_opts decode_opts_default = {
	.strsize = 32,
	.verbose = false,
};

/* Largest errno the kernel returns: values in [-4095, -1] are errors. */
#define MAX_ERRNO 4095

#define FD_PATH_MAX 4096

/* What fd refers to, in the event's arena; NULL without -y or when unknown. */
static const char *fd_path(struct syscall_event *ev, const struct mem_reader *mem,
			   const struct decode_opts *opts, int fd)
{
	char buf[FD_PATH_MAX];

	if (!opts || !opts->fd_paths || !mem || !mem->fd_path)
		return NULL;
	if (!mem->fd_path(mem->opaque, fd, buf, sizeof(buf)))
		return NULL;
	buf[sizeof(buf) - 1] = '\0';
	return arena_strndup(&ev->arena, buf, strlen(buf));
}

struct val *ctx_fd_val(struct decode_ctx *ctx, const char *name, int64_t fd)
{
	struct val *v = val_fd(ctx_arena(ctx), name, fd);
	if (fd >= INT32_MIN && fd <= INT32_MAX && (fd >= 0 || fd == -100))
		v->fd.path = fd_path(ctx->ev, &ctx->mem, ctx->opts, (int)fd);
	return v;
}

static void run_decoder(struct syscall_event *ev, const struct mem_reader *mem,
			const struct decode_opts *opts, bool exiting)
{
	struct decode_ctx ctx = {
		.arch = ev->arch,
		.opts = opts ? opts : &decode_opts_default,
		.mem = *mem,
		.ev = ev,
		.exiting = exiting,
	};
	decoder_fn *decode = ev->desc && ev->desc->decode ? ev->desc->decode : dec_generic;
	decode(&ctx);
}

void decode_syscall_entry(struct syscall_event *ev, const struct arch *arch, uint64_t nr,
			  const uint64_t args[6], const struct mem_reader *mem,
			  const struct decode_opts *opts)
{
	decode_syscall_entry_sp(ev, arch, nr, args, 0, mem, opts);
}

void decode_syscall_entry_sp(struct syscall_event *ev, const struct arch *arch, uint64_t nr,
			     const uint64_t args[6], uint64_t stack_pointer,
			     const struct mem_reader *mem, const struct decode_opts *opts)
{
	event_begin(ev, arch, nr, args);
	ev->stack_pointer = stack_pointer;
	run_decoder(ev, mem, opts, false);
	ev->entry_tail = ev->args_list.tail;
	if (ev->entry_sep_pending)
		ev->exit_pending = true;
}

void decode_syscall_exit(struct syscall_event *ev, int64_t rval, const struct mem_reader *mem,
			 const struct decode_opts *opts)
{
	/* A 32-bit tracee's return register is 32 bits wide: sign-extend it. */
	if (ev->arch->reg_size == 4)
		rval = (int32_t)rval;
	ev->exited = true;
	ev->rval = rval;
	ev->error = rval < 0 && rval >= -MAX_ERRNO ? (unsigned)-rval : 0;
	run_decoder(ev, mem, opts, true);
	/* -y: a returned fd is resolved after the call made it ("= 3</etc/passwd>") */
	if (ev->rval_format == RVAL_FD && !ev->error && rval >= 0 && rval <= INT32_MAX)
		ev->rval_path = fd_path(ev, mem, opts, (int)rval);
}

/*
 * Every read goes through here: an address is a tracee pointer, so on x32
 * (64-bit registers, 32-bit pointers) only its low half names memory.
 */
static ssize_t mem_read(const struct decode_ctx *ctx, uint64_t addr, void *buf, size_t len)
{
	if (!ctx->mem.read)
		return -1;
	return ctx->mem.read(ctx->mem.opaque, arch_word(ctx->arch, addr), buf, len);
}

bool mem_read_full(const struct decode_ctx *ctx, uint64_t addr, void *buf, size_t len)
{
	return mem_read(ctx, addr, buf, len) == (ssize_t)len;
}

bool mem_read_word(const struct decode_ctx *ctx, uint64_t addr, uint64_t *out)
{
	if (ctx->arch->word_size == 4) {
		uint32_t w;
		if (!mem_read_full(ctx, addr, &w, sizeof(w)))
			return false;
		*out = w;
		return true;
	}
	return mem_read_full(ctx, addr, out, sizeof(*out));
}

ssize_t mem_read_string(const struct decode_ctx *ctx, uint64_t addr, char *buf, size_t max,
			bool *truncated)
{
	/*
	 * Read in pieces that never cross a page boundary, so that a string
	 * ending just before an unmapped page is still read whole.
	 */
	const size_t page = 4096;
	size_t got = 0;

	*truncated = false;
	if (!ctx->mem.read)
		return -1;
	while (got < max) {
		size_t want = page - ((addr + got) & (page - 1));
		if (want > max - got)
			want = max - got;
		ssize_t n = mem_read(ctx, addr + got, buf + got, want);
		if (n <= 0)
			return -1;      /* unreadable before the NUL: strace shows the address */
		char *nul = memchr(buf + got, '\0', (size_t)n);
		if (nul)
			return nul - buf;
		got += (size_t)n;
		if ((size_t)n < want)
			return -1;      /* ran into an unmapped page before the NUL */
	}
	*truncated = true;
	return (ssize_t)got;
}

struct val *ctx_arg(struct decode_ctx *ctx, struct val *v)
{
	return event_arg(ctx->ev, v);
}

struct val *arg_ptr(struct decode_ctx *ctx, const char *name, uint64_t addr)
{
	return ctx_arg(ctx, val_ptr(ctx_arena(ctx), name, addr));
}

struct val *arg_int(struct decode_ctx *ctx, const char *name, uint64_t raw)
{
	return ctx_arg(ctx, val_int(ctx_arena(ctx), name, (int32_t)raw));
}

struct val *arg_hex(struct decode_ctx *ctx, const char *name, uint64_t raw)
{
	return ctx_arg(ctx, val_hex(ctx_arena(ctx), name, raw));
}

struct val *string_val_max(struct decode_ctx *ctx, const char *name, uint64_t addr, size_t max)
{
	/* Read into scratch, keep only what is shown: a path may be 4 KiB long,
	 * and a tracee's value arena should not grow to that for every open.
	 * ctrace is single-threaded; the buffer lives as long as the process. */
	static char *scratch;
	static size_t scratch_size;
	struct arena *a = ctx_arena(ctx);

	if (!addr)
		return val_ptr(a, name, 0);
	/* One byte more than shown, so that "..." appears only when more follows. */
	if (scratch_size < max + 1) {
		char *p = realloc(scratch, max + 1);
		if (!p)
			abort();
		scratch = p;
		scratch_size = max + 1;
	}
	bool no_nul;
	ssize_t n = mem_read_string(ctx, addr, scratch, max + 1, &no_nul);
	if (n < 0)
		return val_ptr(a, name, addr);
	bool truncated = (size_t)n > max;
	return val_str(a, name, scratch, truncated ? max : (size_t)n, truncated);
}

struct val *string_val(struct decode_ctx *ctx, const char *name, uint64_t addr)
{
	return string_val_max(ctx, name, addr, ctx->opts->strsize);
}

struct val *arg_string(struct decode_ctx *ctx, const char *name, uint64_t addr)
{
	return ctx_arg(ctx, string_val(ctx, name, addr));
}
