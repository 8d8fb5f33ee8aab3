/*
 * Decoders for the socket calls that move no message headers or options:
 * socket, socketpair, bind, connect, listen, accept, accept4, getsockname,
 * getpeername, shutdown, sendto and recvfrom.  Formats are strace 6.1's (see
 * tests/unit/test_decode_net.c): addresses the kernel writes back print at
 * exit, with their in/out length as "[16]" or "[110 => 6]".
 */
#include "ctrace/decode_net.h"
#include "ctrace/decode_path.h"
#include "ctrace/decode_sockaddr.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_net.h"

#define AF_PACKET_ 17
#define SOCK_TYPE_MASK 0xf

/* scratch[] slots kept from entry to exit. */
enum { NET_HAVE_LEN, NET_LEN };

static bool is_desc(const struct decode_ctx *ctx, enum syscall_id id)
{
	return ctx->ev->desc == &syscall_descs[id];
}

struct val *socklen_val(struct decode_ctx *ctx, int32_t in, int32_t out)
{
	struct arena *a = ctx_arena(ctx);
	struct val *w = val_written(a, NULL, val_int(a, NULL, in));

	if (in != out)
		val_add(w, val_int(a, NULL, out))->sep = SEP_ARROW;
	return w;
}

struct val *msg_flags_val(struct decode_ctx *ctx, const char *name, uint64_t flags)
{
	return val_flags(ctx_arena(ctx), name, (uint32_t)flags, &xlat_msg_flags, 0);
}

/* The type by name, then SOCK_CLOEXEC/SOCK_NONBLOCK; an unknown type joins
 * the unknown bits: "SOCK_CLOEXEC|0x1007f", or "0x7 slash-star SOCK_??? star-slash". */
struct val *socket_type_val(struct decode_ctx *ctx, uint64_t type)
{
	struct val *v = val_flags(ctx_arena(ctx), NULL, (uint32_t)type, &xlat_socket_flags, 0);
	v->flags.field_mask = SOCK_TYPE_MASK;
	v->flags.field_xlat = &xlat_socket_types;
	v->flags.field_apart = true;
	return v;
}

/* socket(2)'s protocol: named after the domain's table, "htons(ETH_P_ALL)"
 * for AF_PACKET, a number elsewhere. */
static struct val *protocol_val(struct decode_ctx *ctx, uint32_t domain, uint32_t protocol)
{
	struct arena *a = ctx_arena(ctx);
	const struct xlat *table = socket_protocol_table(domain);

	if (table)
		return val_enum(a, NULL, protocol, table);
	if (domain == AF_PACKET_) {
		uint16_t p = (uint16_t)((protocol & 0xff) << 8 | (protocol >> 8 & 0xff));
		const char *n = xlat_name(&xlat_ethernet_protocols, p);
		if (!n)
			return val_text(a, NULL, arena_printf(a, "htons(%#x /* ETH_P_??? */)", p));
		struct val *v = val_sym(a, NULL, protocol, VAL_HEX, arena_printf(a, "htons(%s)", n));
		v->sym.raw_text = arena_printf(a, "htons(%#x)", p);
		v->sym.verbose_text = arena_printf(a, "htons(%#x /* %s */)", p, n);
		v->sym.verbose_whole = true;
		return v;
	}
	return val_int(a, NULL, (int32_t)protocol);
}

/* socketpair prints its protocol as a number, whatever the domain. */
static void socket_triple(struct decode_ctx *ctx, const uint64_t *args, bool named_protocol)
{
	struct arena *a = ctx_arena(ctx);

	ctx_arg(ctx, val_enum(a, NULL, (uint32_t)args[0], &xlat_address_families));
	ctx_arg(ctx, socket_type_val(ctx, args[1]));
	if (named_protocol)
		ctx_arg(ctx, protocol_val(ctx, (uint32_t)args[0], (uint32_t)args[2]));
	else
		ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
}

void dec_socket(struct decode_ctx *ctx)
{
	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;
		return;
	}
	socket_triple(ctx, ctx->ev->args, true);
}

/* socketpair(domain, type, protocol, sv): the pair "[3, 4]" at exit. */
void dec_socketpair(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	int32_t fds[2];

	if (!ctx->exiting) {
		socket_triple(ctx, args, false);
		ctx->ev->entry_sep_pending = true;
		return;
	}
	if (!ctx_failed(ctx) && args[3] && mem_read_full(ctx, args[3], fds, sizeof(fds))) {
		struct val *arr = val_array(a, NULL);
		val_add(arr, ctx_fd_val(ctx, NULL, fds[0]));
		val_add(arr, ctx_fd_val(ctx, NULL, fds[1]));
		ctx_arg(ctx, arr);
	} else {
		arg_ptr(ctx, NULL, args[3]);
	}
}

/* bind, connect: (fd, addr, addrlen), all read at entry. */
void dec_bind_connect(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, sockaddr_val(ctx, NULL, args[1], (int32_t)args[2]));
	arg_int(ctx, NULL, args[2]);
}

void dec_listen(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_fdnum(ctx, ctx->ev->args[0]);
	arg_int(ctx, NULL, ctx->ev->args[1]);
}

void dec_shutdown(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_fdnum(ctx, ctx->ev->args[0]);
	ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)ctx->ev->args[1],
			      &xlat_shutdown_modes));
}

/* The caller's *addrlen before the call, when both pointers are set. */
static bool fetch_socklen(struct decode_ctx *ctx, uint64_t addr, uint64_t lenp, int32_t *len)
{
	return addr && lenp && mem_read_full(ctx, lenp, len, sizeof(*len));
}

/* The address and its length the kernel wrote, given the length before. */
static void written_sockaddr(struct decode_ctx *ctx, uint64_t addr, uint64_t lenp, int32_t ulen)
{
	int32_t rlen;

	if (ctx_failed(ctx) || !mem_read_full(ctx, lenp, &rlen, sizeof(rlen))) {
		arg_ptr(ctx, NULL, addr);
		ctx_arg(ctx,
			val_written(ctx_arena(ctx), NULL, val_int(ctx_arena(ctx), NULL, ulen)));
		return;
	}
	ctx_arg(ctx, sockaddr_val(ctx, NULL, addr, ulen > rlen ? rlen : ulen));
	ctx_arg(ctx, socklen_val(ctx, ulen, rlen));
}

/*
 * accept, accept4, getsockname, getpeername: (fd, addr, addrlen[, flags]).
 * Without both pointers (or an unreadable length) strace prints them at
 * entry and is done; otherwise the address comes at exit.
 */
void dec_sockname(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	bool accepts = is_desc(ctx, SYS_accept) || is_desc(ctx, SYS_accept4);
	bool flags = is_desc(ctx, SYS_accept4);

	if (!ctx->exiting) {
		int32_t ulen;
		arg_fdnum(ctx, args[0]);
		if (fetch_socklen(ctx, args[1], args[2], &ulen)) {
			ev->scratch[NET_HAVE_LEN] = 1;
			ev->scratch[NET_LEN] = (uint32_t)ulen;
			ev->entry_sep_pending = true;
			return;
		}
		ev->scratch[NET_HAVE_LEN] = 0;
		arg_ptr(ctx, NULL, args[1]);
		arg_ptr(ctx, NULL, args[2]);
		if (flags)
			ctx_arg(ctx, socket_type_val(ctx, args[3]));
		return;
	}
	if (accepts)
		ev->rval_format = RVAL_FD;
	if (!ev->scratch[NET_HAVE_LEN])
		return;
	written_sockaddr(ctx, args[1], args[2], (int32_t)ev->scratch[NET_LEN]);
	if (flags)
		ctx_arg(ctx, socket_type_val(ctx, args[3]));
}

/* sendto(fd, buf, len, flags, addr, addrlen), and socketcall's send without
 * the last two: all at entry. */
void dec_sendto(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, buffer_val(ctx, args[1], arch_word(ctx->arch, args[2])));
	arg_ulong(ctx, args[2]);
	ctx_arg(ctx, msg_flags_val(ctx, NULL, args[3]));
	if (ctx->ev->desc->nargs < 6)
		return;     /* send, a socketcall */
	ctx_arg(ctx, sockaddr_val(ctx, NULL, args[4], (int32_t)args[5]));
	arg_int(ctx, NULL, args[5]);
}

/* recvfrom(fd, buf, len, flags, addr, addrlen), and socketcall's recv without
 * the last two: the fd at entry, the rest at exit. */
void dec_recvfrom(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	int32_t len;

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ev->scratch[NET_HAVE_LEN] = fetch_socklen(ctx, args[4], args[5], &len);
		ev->scratch[NET_LEN] = ev->scratch[NET_HAVE_LEN] ? (uint32_t)len : 0;
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[1]);
	else
		ctx_arg(ctx, buffer_val(ctx, args[1], (uint64_t)ev->rval));
	arg_ulong(ctx, args[2]);
	ctx_arg(ctx, msg_flags_val(ctx, NULL, args[3]));
	if (ev->desc->nargs < 6)
		return;     /* recv, a socketcall */
	if (!fetch_socklen(ctx, args[4], args[5], &len)) {
		arg_ptr(ctx, NULL, args[4]);
		arg_ptr(ctx, NULL, args[5]);
		return;
	}
	written_sockaddr(ctx, args[4], args[5], (int32_t)ev->scratch[NET_LEN]);
}
