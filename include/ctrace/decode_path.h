/*
 * Argument shapes shared by the file, memory and signal decoders: whole
 * paths, directory fds, buffers read back at exit, signal sets.
 */
#ifndef CTRACE_DECODE_PATH_H
#define CTRACE_DECODE_PATH_H

#include <stdint.h>

#include "ctrace/decode.h"

/* A file name, shown whole (up to PATH_MAX - 1 bytes) whatever -s says:
 * NULL, "path", or the address when unreadable. */
struct val *path_val(struct decode_ctx *ctx, const char *name, uint64_t addr);
struct val *arg_path(struct decode_ctx *ctx, uint64_t addr);

/* A dirfd argument (a C int): AT_FDCWD or the number. */
struct val *dirfd_val(struct decode_ctx *ctx, uint64_t raw);
struct val *arg_dirfd(struct decode_ctx *ctx, uint64_t raw);

/* An fd argument (a C int). */
struct val *arg_fdnum(struct decode_ctx *ctx, uint64_t raw);

/*
 * `len` bytes at `addr` as a quoted string cut at -s (strace's printstrn):
 * the address when unreadable, NULL for a null pointer.
 */
struct val *buffer_val(struct decode_ctx *ctx, uint64_t addr, uint64_t len);

/* The same bytes with every byte as \xNN (strace's forced-hex strings: getrandom). */
struct val *hex_buffer_val(struct decode_ctx *ctx, uint64_t addr, uint64_t len);

/* An unsigned long argument in decimal (lengths, sizes). */
struct val *arg_ulong(struct decode_ctx *ctx, uint64_t raw);
/* A signed long argument in decimal (offsets). */
struct val *arg_long(struct decode_ctx *ctx, uint64_t raw);

/*
 * A signal set of `bytes` bytes (bit n-1 is signal n) as strace prints it:
 * "[]", "[INT CHLD]", or "~[RTMIN RT_1]" when more than half is set.
 */
struct val *sigset_val(struct decode_ctx *ctx, const uint8_t *set, unsigned bytes);
/* The set at `addr`: NULL, the set, or the address when unreadable. */
struct val *sigset_at(struct decode_ctx *ctx, uint64_t addr, uint64_t size);

/* A flag set where 0 prints as `zero` (PROT_NONE), as text-free data. */
struct val *flags_or_zero(struct decode_ctx *ctx, uint64_t bits, const struct xlat *x,
			  const char *zero);

/* The tracee's signed word (a long in its memory). */
int64_t ctx_word_signed(const struct decode_ctx *ctx, uint64_t w);
/* A signed register argument (arch->reg_size: 64-bit on x32). */
int64_t ctx_reg_signed(const struct decode_ctx *ctx, uint64_t r);

/*
 * A __kernel_long_t in tracee memory: reg_size bytes, so 8 on x32, whose
 * statfs, sysinfo and timespec are the 64-bit ones.
 */
bool mem_read_kword(const struct decode_ctx *ctx, uint64_t addr, uint64_t *out);
int64_t ctx_kword_signed(const struct decode_ctx *ctx, uint64_t w);

#endif
