/*
 * i386's socketcall(2) multiplexer, decoded as strace 6.1 does: the call
 * number picks the socket call, whose arguments are an array of 32-bit
 * words in the tracee's memory; the line then names that call
 * ("socket(AF_INET, ...)") and decodes it as if it had been made directly.
 * An unknown number or an unreadable array leaves "socketcall" with the
 * number (by its SYS_* name when it has one) and the array's address.
 */
#include <string.h>

#include "ctrace/decode.h"
#include "ctrace/decode_net.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_net.h"

/* send and recv have no syscall of their own on the arches ctrace knows:
 * they exist only as socketcall's calls 9 and 10. */
static const struct syscall_desc send_desc = { "send", 4, TC_NETWORK, dec_sendto };
static const struct syscall_desc recv_desc = { "recv", 4, TC_NETWORK, dec_recvfrom };

#define D(id) (&syscall_descs[SYS_##id])

/* By call number (linux/net.h SYS_SOCKET = 1 ... SYS_SENDMMSG = 20). */
static const struct syscall_desc *const socketcall_calls[] = {
	NULL, D(socket), D(bind), D(connect), D(listen), D(accept), D(getsockname),
	D(getpeername), D(socketpair), &send_desc, &recv_desc, D(sendto), D(recvfrom),
	D(shutdown), D(setsockopt), D(getsockopt), D(sendmsg), D(recvmsg), D(accept4),
	D(recvmmsg), D(sendmmsg),
};

#define NCALLS (sizeof(socketcall_calls) / sizeof(socketcall_calls[0]))

const struct syscall_desc *socketcall_call_desc(uint64_t call)
{
	return call < NCALLS ? socketcall_calls[call] : NULL;
}

/* What strace prints when it cannot decode the call: "socketcall(99, 0xffd0)". */
static void undecoded(struct decode_ctx *ctx)
{
	struct arena *a = ctx_arena(ctx);
	uint32_t call = (uint32_t)ctx->ev->args[0];
	const char *name = xlat_name(&xlat_socketcall_calls, call);

	if (ctx->exiting)
		return;
	ctx_arg(ctx, name ? val_text(a, NULL, name) : val_uint(a, NULL, call));
	arg_ptr(ctx, NULL, ctx->ev->args[1]);
}

/*
 * Entry only: once the event names the real call, the exit is that call's
 * decoder's (decode_syscall_exit() runs ev->desc->decode).
 */
void dec_socketcall(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const struct syscall_desc *call = socketcall_call_desc(ev->args[0]);
	uint32_t words[6];

	if (ctx->exiting || !call ||
	    !mem_read_full(ctx, ev->args[1], words, call->nargs * sizeof(words[0]))) {
		undecoded(ctx);
		return;
	}
	ev->desc = call;
	for (unsigned i = 0; i < 6; i++)
		ev->args[i] = i < call->nargs ? words[i] : 0;
	call->decode(ctx);
}
