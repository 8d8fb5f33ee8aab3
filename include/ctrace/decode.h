/*
 * Pure decoding.
 *
 * A decoder sees the architecture, the syscall number and arguments, the
 * return value (at exit) and a callback that reads tracee memory; it appends
 * structured values to the event.  It never calls ptrace, never prints, and
 * never assumes the host's architecture: unit tests drive it with crafted
 * arguments and crafted memory.
 */
#ifndef CTRACE_DECODE_H
#define CTRACE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "ctrace/event.h"

/*
 * Reads up to `len` bytes of tracee memory at `addr` into `buf`.  Returns the
 * number of bytes read, which is short when the range runs into an unmapped
 * page, or -1 when nothing could be read.
 */
typedef ssize_t mem_read_fn(void *opaque, uint64_t addr, void *buf, size_t len);

/*
 * -y: writes what fd `fd` of the tracee refers to into `buf` (at most `size`
 * bytes, NUL-terminated), as readlink(/proc/PID/fd/N) gives it ("/etc/passwd",
 * "pipe:[1234]", "anon_inode:[pidfd]", "/tmp/x (deleted)"); fd AT_FDCWD (-100)
 * names the working directory.  Returns false when the fd is not open.  The
 * tracer implements it; unit tests fake it; NULL: fds are never resolved.
 */
typedef bool fd_path_fn(void *opaque, int fd, char *buf, size_t size);

/* What a decoder may ask of the tracee: its memory, and (-y) its fds. */
struct mem_reader {
	mem_read_fn *read;
	void *opaque;
	fd_path_fn *fd_path;    /* called with `opaque` too; may be NULL */
};

/* Longest network interface name, NUL included (IF_NAMESIZE). */
#define IFNAME_MAX 16

/* User options that change how values are decoded. */
struct decode_opts {
	unsigned strsize;     /* -s: longest string printed (default 32) */
	bool verbose;         /* -v: unabbreviated structures */
	/* Names the interface of an index (an IPv6 scope id) as strace does,
	 * from the host's if_indextoname: false when there is none.  NULL in
	 * tests and fuzzers, which must not depend on the host's interfaces. */
	bool (*ifname)(unsigned index, char name[IFNAME_MAX]);
	bool fd_paths;        /* -y: fds carry what they refer to (mem_reader.fd_path) */
};

extern const struct decode_opts decode_opts_default;

struct decode_ctx {
	const struct arch *arch;
	const struct decode_opts *opts;
	struct mem_reader mem;
	struct syscall_event *ev;
	bool exiting;         /* false at entry, true at exit */
};

/*
 * Drivers, called by the tracer (and by tests, fuzzers, --decode).
 * decode_syscall_entry() begins the event and runs the decoder's entry half;
 * decode_syscall_exit() records the return value and runs the exit half.
 * `rval` is the raw value of the return register, sign-extended; an error is
 * a value in [-4095, -1], as the kernel defines it.
 */
void decode_syscall_entry(struct syscall_event *ev, const struct arch *arch,
			  uint64_t nr, const uint64_t args[6],
			  const struct mem_reader *mem, const struct decode_opts *opts);
/* The same with the stack pointer at entry, which rt_sigreturn needs. */
void decode_syscall_entry_sp(struct syscall_event *ev, const struct arch *arch,
			     uint64_t nr, const uint64_t args[6], uint64_t stack_pointer,
			     const struct mem_reader *mem, const struct decode_opts *opts);
void decode_syscall_exit(struct syscall_event *ev, int64_t rval,
			 const struct mem_reader *mem, const struct decode_opts *opts);

/* Helpers for decoders. */

/* Whole read or nothing: true only when all `len` bytes were read. */
bool mem_read_full(const struct decode_ctx *ctx, uint64_t addr, void *buf, size_t len);

/* A tracee word (arch->word_size bytes), zero-extended. */
bool mem_read_word(const struct decode_ctx *ctx, uint64_t addr, uint64_t *out);

/*
 * A NUL-terminated string of at most `max` bytes.  Sets *truncated when no
 * NUL was found within `max` bytes.  Returns the length, or -1 when the
 * address is unreadable.  Reads across page boundaries safely.
 */
ssize_t mem_read_string(const struct decode_ctx *ctx, uint64_t addr, char *buf,
			size_t max, bool *truncated);

/*
 * A file descriptor value, with -y the path it refers to now: decoders call
 * it at entry for the fds a call is given (close(3</etc/passwd>) before the
 * close) and at exit for those it returns or writes (pipe's [3<pipe:[N]>, 4...]).
 */
struct val *ctx_fd_val(struct decode_ctx *ctx, const char *name, int64_t fd);

/* Append an argument to the event. */
struct val *ctx_arg(struct decode_ctx *ctx, struct val *v);

/* The arena that values for this event are allocated in. */
static inline struct arena *ctx_arena(struct decode_ctx *ctx)
{
	return &ctx->ev->arena;
}

/* Common argument shapes. */
struct val *arg_ptr(struct decode_ctx *ctx, const char *name, uint64_t addr);
struct val *arg_int(struct decode_ctx *ctx, const char *name, uint64_t raw);   /* C int */
struct val *arg_hex(struct decode_ctx *ctx, const char *name, uint64_t raw);
/* A C string: NULL, "string" ("string"... when longer than -s), or the
 * address when unreadable.  string_val() builds it, arg_string() appends it. */
struct val *string_val(struct decode_ctx *ctx, const char *name, uint64_t addr);
/* The same with another limit than -s (paths: PATH_MAX - 1, whatever -s says). */
struct val *string_val_max(struct decode_ctx *ctx, const char *name, uint64_t addr, size_t max);
struct val *arg_string(struct decode_ctx *ctx, const char *name, uint64_t addr);

/* True when the syscall failed (valid at exit). */
static inline bool ctx_failed(const struct decode_ctx *ctx)
{
	return ctx->ev->error != 0;
}

#endif
