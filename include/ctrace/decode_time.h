/*
 * Time values as strace 6.1 prints them, shared by the clock, sleep, poll,
 * select and utimensat decoders (src/decode_time.c).
 */
#ifndef CTRACE_DECODE_TIME_H
#define CTRACE_DECODE_TIME_H

#include <stdint.h>

#include "ctrace/decode.h"

/*
 * Bytes of a time word for this call: 8 for the *time64 calls, else the
 * kernel's long (4 on i386, 8 on x86_64, x32 and aarch64).
 */
unsigned time_word_size(const struct decode_ctx *ctx);

/* {tv_sec=1, tv_nsec=500} of `width`-byte words: NULL, the struct, or the
 * address when unreadable. */
struct val *timespec_at(struct decode_ctx *ctx, uint64_t addr, unsigned width);
/* {tv_sec=1, tv_usec=5} of kernel longs. */
struct val *timeval_at(struct decode_ctx *ctx, uint64_t addr);

/* True for the kernel's restart errnos (the call was interrupted). */
bool ctx_erestart(const struct decode_ctx *ctx);

#endif
