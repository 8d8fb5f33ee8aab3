/*
 * A decoded syscall: what the decoders produce and the printers consume.
 *
 * A syscall is decoded in two phases, like strace does: at entry the
 * decoder appends the arguments that are meaningful before the kernel runs
 * (printed at once, so that a blocking call shows up while it blocks), at
 * exit those the kernel wrote back and the return value.  `entry_tail`
 * marks the last argument appended at entry.
 */
#ifndef CTRACE_EVENT_H
#define CTRACE_EVENT_H

#include <stdbool.h>
#include <stdint.h>

#include "ctrace/arch.h"
#include "ctrace/timestamps.h"
#include "ctrace/val.h"

struct stack_trace;

/* How the return value prints when the call succeeded. */
enum rval_format {
	RVAL_DECIMAL,     /* = 42 */
	RVAL_HEX,         /* = 0x7f12... (mmap, brk) */
	RVAL_OCTAL,       /* = 022 (umask) */
	RVAL_UDECIMAL,
	RVAL_FD,          /* = 3 */
	RVAL_TID,         /* = 1234: the pid/tid of a created task */
};

struct syscall_event {
	const struct arch *arch;
	uint64_t nr;
	const struct syscall_desc *desc;  /* NULL: number unknown on this arch */
	uint64_t args[6];                 /* already truncated to the arch's word size */

	struct val_list args_list;        /* every printed argument, in order */
	struct val *entry_tail;           /* last one appended at entry (NULL: none) */
	/* The decoder printed the separator for the first exit-time argument at
	 * entry ("wait4(-1, <unfinished ...>"): strace's own quirk, kept. */
	bool entry_sep_pending;
	/* The decoder has more to print at exit (strace: it did not return
	 * RVAL_DECODED at entry).  If the task dies inside the call, strace
	 * marks that loss: "read(3,  <unfinished ...>) = ?".  Implied by
	 * entry_sep_pending; decoders set it when they print at exit without
	 * having printed the separator (clone, clone3). */
	bool exit_pending;

	/* Filled at exit. */
	bool exited;                      /* false: the task vanished inside the call */
	int64_t rval;
	unsigned error;                   /* errno, 0 on success */
	enum rval_format rval_format;
	const char *rval_comment;         /* printed after the value: "(flags O_RDONLY)" */
	/* Values the kernel returned besides the result, printed after it in
	 * parentheses instead of a comment: poll's "([{fd=3, revents=POLLIN}])",
	 * select's "(in [3], left {...})" (a named value prints as "name value"). */
	struct val_list rval_detail;
	/* The stack pointer at entry (0: unknown): where rt_sigreturn finds the
	 * signal frame whose mask it restores. */
	uint64_t stack_pointer;

	/* When the tracer saw the entry stop (set after decoding: decoders never
	 * read clocks); -T and --json measure the call from there. */
	struct stop_time entry_time;

	/* -k: the user stack, printed under the line (owned by the tracer's
	 * src/stack_trace.c; NULL without -k). */
	const struct stack_trace *stack;
	/* A decoded value printed after rval_comment inside its parentheses, so
	 * that -X applies to it: fcntl(F_GETFL)'s "(flags O_RDONLY)" is the
	 * comment "flags" and this VAL_FLAGS.  NULL: the comment alone. */
	struct val *rval_val;
	/* strace 6.1 prints fcntl(F_GETFL)'s flags by name whatever -X says. */
	bool rval_val_abbrev;
	/* With -y, what a returned fd refers to ("= 3</etc/passwd>"); NULL otherwise. */
	const char *rval_path;

	uint64_t scratch[4];              /* decoder state kept from entry to exit */
	struct arena arena;               /* owns every val above */
};

/* Prepare `ev` for a new syscall (keeps its arena's memory for reuse). */
void event_begin(struct syscall_event *ev, const struct arch *arch, uint64_t nr,
		 const uint64_t args[6]);
void event_release(struct syscall_event *ev);

/* Append an argument (allocated in ev->arena). */
struct val *event_arg(struct syscall_event *ev, struct val *v);

#endif
