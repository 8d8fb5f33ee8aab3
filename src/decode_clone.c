/*
 * clone(2), fork(2) and vfork(2).
 *
 * Formats follow strace 6.1 (tests/unit/test_decode_clone.c holds the lines
 * it printed).  clone's arguments split between the phases like strace's:
 *
 *   entry: child_stack=..., flags=...
 *   exit:  parent_tid=[N], tls=..., child_tidptr=...   (only the ones whose
 *          flag is set, always in this order, whatever the register order)
 *
 * so an interrupted call prints "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD
 * <unfinished ...>" and resumes with ", parent_tid=[42]) = 42".
 */
#include "ctrace/decode.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat.h"

/* The low byte of clone(2)'s flags is the signal sent to the parent on exit. */
#define CLONE_CSIGNAL 0x000000ffULL

#include "decode_clone.h"

/* Tracee memory is little-endian on every architecture ctrace knows. */
static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * The int the kernel stored at `addr` (a tid, or a pidfd): "[42]".  Like
 * strace, the bare address when it is NULL ("NULL"), when the call failed (the
 * kernel stored nothing) or when it cannot be read.
 */
struct val *clone_written_id(struct decode_ctx *ctx, const char *name, uint64_t addr, bool is_fd)
{
	struct arena *a = ctx_arena(ctx);
	unsigned char buf[4];

	if (!addr || ctx_failed(ctx) || !mem_read_full(ctx, addr, buf, sizeof(buf)))
		return val_ptr(a, name, addr);
	int32_t id = (int32_t)le32(buf);
	return val_written(a, name, is_fd ? ctx_fd_val(ctx, NULL, id) : val_int(a, NULL, id));
}

/*
 * i386's struct user_desc (asm/ldt.h): three words, then bit-fields in the
 * fourth, listed here in strace's printing order.  strace shows no "lm" bit
 * for 32-bit tasks.
 */
struct user_desc_bits {
	const char *name;
	unsigned shift;
	unsigned width;
};

static const struct user_desc_bits user_desc_bits[] = {
	{ "seg_32bit",       0, 1 },
	{ "contents",        1, 2 },
	{ "read_exec_only",  3, 1 },
	{ "limit_in_pages",  4, 1 },
	{ "seg_not_present", 5, 1 },
	{ "useable",         6, 1 },
};

#define USER_DESC_SIZE 16

/*
 * {entry_number=12, base_addr=0xf7f75540, limit=0x0fffff, seg_32bit=1, ...}.
 * strace prints base_addr and limit with printf's "%#08x": eight characters
 * counting the "0x", and "00000000" for zero (the '#' adds no prefix to 0).
 */
static struct val *user_desc_val(struct arena *a, const char *name, const unsigned char *d)
{
	struct val *s = val_struct(a, name);
	uint32_t entry = le32(d);

	/* An entry number of -1 asks the kernel to choose one: strace prints it signed. */
	val_add(s, entry == UINT32_MAX ? val_int(a, "entry_number", -1)
				       : val_uint(a, "entry_number", entry));
	val_add(s, val_text(a, "base_addr", arena_printf(a, "%#08x", le32(d + 4))));
	val_add(s, val_text(a, "limit", arena_printf(a, "%#08x", le32(d + 8))));
	uint32_t bits = le32(d + 12);
	for (size_t i = 0; i < sizeof(user_desc_bits) / sizeof(user_desc_bits[0]); i++) {
		const struct user_desc_bits *b = &user_desc_bits[i];
		val_add(s, val_uint(a, b->name, (bits >> b->shift) & ((1u << b->width) - 1)));
	}
	return s;
}

/*
 * The tls argument: an address, except where it points to a struct user_desc
 * (i386).  That struct is read when this is called: at clone's exit, or at
 * clone3's entry; after a failed call strace shows just the address.
 */
struct val *clone_tls(struct decode_ctx *ctx, const char *name, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	unsigned char desc[USER_DESC_SIZE];

	if (!ctx->arch->tls_is_user_desc || !addr || ctx_failed(ctx) ||
	    !mem_read_full(ctx, addr, desc, sizeof(desc)))
		return val_ptr(a, name, addr);
	return user_desc_val(a, name, desc);
}

void dec_clone(struct decode_ctx *ctx)
{
	const struct clone_arg_index *idx = &clone_layouts[ctx->arch->clone_layout];
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	uint64_t flags = args[idx->flags];

	ctx->ev->rval_format = RVAL_TID;
	if (!ctx->exiting) {
		arg_ptr(ctx, "child_stack", args[idx->stack]);
		/*
		 * Only layouts that pass a stack size have one to show; strace
		 * prints it (in hex) between child_stack and flags, as for
		 * ia64's clone2.
		 */
		if (idx->stack_size >= 0)
			arg_hex(ctx, "stack_size", args[idx->stack_size]);
		ctx_arg(ctx, val_flags(a, "flags", flags, &xlat_clone2_flags, CLONE_CSIGNAL));
		/* Pointer arguments are shown at exit, with what the kernel wrote. */
		ctx->ev->exit_pending = (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD |
						  CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
						  CLONE_SETTLS)) != 0;
		return;
	}

	/* With CLONE_PIDFD the kernel stores the pidfd where parent_tid points. */
	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD))
		ctx_arg(ctx, clone_written_id(ctx, "parent_tid", args[idx->parent_tid],
					      !(flags & CLONE_PARENT_SETTID)));
	if (flags & CLONE_SETTLS)
		ctx_arg(ctx, clone_tls(ctx, "tls", args[idx->tls]));
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		arg_ptr(ctx, "child_tidptr", args[idx->child_tid]);
}

/* fork() and vfork(): no arguments; the return value is the child's pid. */
void dec_fork(struct decode_ctx *ctx)
{
	ctx->ev->rval_format = RVAL_TID;
}
