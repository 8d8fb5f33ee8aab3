/*
 * One syscall through the decoder and the strace printer, as the tracer runs
 * it, for the decoder tests: a test crafts the tracee's memory and the
 * options, decodes, and compares the text strace would print.
 *
 *	struct decode_run r;
 *
 *	decode_run_init(&r);
 *	fake_mem_add(&r.mem, 0x1000, "/x", 3);
 *	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_unlink, DECODE_ARGS(0x1000), 0),
 *			 "unlink(\"/x\")                            = 0");
 *	decode_run_fini(&r);
 *
 * A run may decode several calls in turn; each decode_entry() begins a new
 * event, and every text it returns stays valid until the next call on `r`.
 */
#ifndef CTRACE_TEST_DECODE_HARNESS_H
#define CTRACE_TEST_DECODE_HARNESS_H

#include <stdint.h>

#include "ctrace/arch.h"
#include "ctrace/print.h"
#include "unit.h"

struct decode_run {
	struct syscall_event ev;
	struct fake_mem mem;        /* the tracee's memory: empty after init */
	struct decode_opts opts;    /* -s and -v: decode_opts_default after init */
	uint64_t stack_pointer;     /* at entry (rt_sigreturn): 0 after init */
	struct strbuf entry;        /* "name(args known at entry": before " <unfinished ...>" */
	struct strbuf exit;         /* what the exit adds: after "<... name resumed>", up to ")" */
	struct strbuf line;         /* the whole line, " = rval" included */
};

/* The six argument registers, unnamed ones zero: DECODE_ARGS(fd, buf, 3). */
#define DECODE_ARGS(...) ((const uint64_t[6]){ __VA_ARGS__ })

void decode_run_init(struct decode_run *r);
void decode_run_fini(struct decode_run *r);

/*
 * Entry and exit of syscall `id` on `arch` (which must have it) with the
 * registers `args` and the return register `rval`; returns the whole line,
 * and leaves its two halves in r->entry and r->exit.
 */
const char *decode_line(struct decode_run *r, const struct arch *arch, enum syscall_id id,
			const uint64_t args[6], int64_t rval);

/*
 * The entry alone; returns r->entry.  r->line then holds the line of a call
 * that never returns ("exit(0) = ?").  decode_entry_nr() takes a raw number,
 * for numbers no syscall has.
 */
const char *decode_entry(struct decode_run *r, const struct arch *arch, enum syscall_id id,
			 const uint64_t args[6]);
const char *decode_entry_nr(struct decode_run *r, const struct arch *arch, uint64_t nr,
			    const uint64_t args[6]);

/*
 * The exit of the call decode_entry() began, reading r->mem as it is now (a
 * test may change it in between); returns r->exit and updates r->line.
 */
const char *decode_exit(struct decode_run *r, int64_t rval);

#endif
