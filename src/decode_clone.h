/*
 * Shared by the clone(2) and clone3(2) decoders: the CLONE_* bits whose
 * presence decides which arguments are meaningful, and the two printers both
 * need (a pid or pidfd the kernel wrote back, and the tls argument, which is
 * a struct user_desc on i386).  Values from linux/sched.h.
 */
#ifndef CTRACE_DECODE_CLONE_H
#define CTRACE_DECODE_CLONE_H

#include <stdbool.h>
#include <stdint.h>

#include "ctrace/decode.h"

#define CLONE_PIDFD          0x00001000ULL
#define CLONE_SETTLS         0x00080000ULL
#define CLONE_PARENT_SETTID  0x00100000ULL
#define CLONE_CHILD_CLEARTID 0x00200000ULL
#define CLONE_CHILD_SETTID   0x01000000ULL
#define CLONE_INTO_CGROUP    0x200000000ULL

/* [N] when the kernel's write-back at `addr` is readable, else the address. */
struct val *clone_written_id(struct decode_ctx *ctx, const char *name, uint64_t addr, bool is_fd);
/* The tls argument: an address, or i386's struct user_desc. */
struct val *clone_tls(struct decode_ctx *ctx, const char *name, uint64_t addr);

#endif
