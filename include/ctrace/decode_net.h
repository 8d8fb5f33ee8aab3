/*
 * Shapes shared by the socket decoders (src/decode_net.c, decode_msghdr.c,
 * decode_sockopt.c).
 */
#ifndef CTRACE_DECODE_NET_H
#define CTRACE_DECODE_NET_H

#include <stdint.h>

#include "ctrace/decode.h"
#include "ctrace/syscalls.h"

/* A socklen_t the kernel updated: "[16]" when unchanged, "[110 => 6]". */
struct val *socklen_val(struct decode_ctx *ctx, int32_t in, int32_t out);

/* MSG_* flags; 0 prints as 0. */
struct val *msg_flags_val(struct decode_ctx *ctx, const char *name, uint64_t flags);

/* "SOCK_STREAM|SOCK_CLOEXEC": a socket type with its flags. */
struct val *socket_type_val(struct decode_ctx *ctx, uint64_t type);

/*
 * [{iov_base="...", iov_len=N}, ...] of `count` iovecs at `addr`: `data`
 * bytes shown in all (the total sent or received; UINT64_MAX: every buffer
 * whole), each cut at -s; more than -s iovecs end in "..." unless -v.
 */
struct val *iovec_array_val(struct decode_ctx *ctx, const char *name, uint64_t addr,
			    uint64_t count, uint64_t data);

/* struct msghdr: seven words (the int fields padded to one). */
#define MSGHDR_SIZE(word_size) (7u * (word_size))

/*
 * The msghdr at `addr` as strace prints it; `user_namelen` (NULL for the
 * send calls) is the msg_namelen the caller passed in, shown as "in => out"
 * when the kernel changed it; `data` the bytes the iovecs show in all.
 */
struct val *msghdr_val(struct decode_ctx *ctx, const char *name, uint64_t addr,
		       const int32_t *user_namelen, uint64_t data);

/* The call socketcall(2)'s number `call` makes, or NULL (src/decode_socketcall.c). */
const struct syscall_desc *socketcall_call_desc(uint64_t call);

#endif
