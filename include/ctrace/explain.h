/*
 * Teaching output: what a clone, clone3, fork, vfork, unshare or setns call
 * asked the kernel for, in sentences ("--explain", "--decode").
 *
 * The sentences are data (src/xlat_clone_meaning.c), keyed by the same flag
 * values as the xlat tables; the explainer (src/explain.c) is pure: it reads
 * a decoded event and the architecture descriptor and appends text.
 */
#ifndef CTRACE_EXPLAIN_H
#define CTRACE_EXPLAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "ctrace/event.h"
#include "ctrace/strbuf.h"
#include "ctrace/syscalls.h"

/* One sentence per flag value; a table ends with a NULL text. */
struct xlat_meaning {
	uint64_t value;
	const char *text;
};

/* Every CLONE_* bit of xlat_clone_flags, and CLONE_DETACHED (0x400000). */
extern const struct xlat_meaning clone_flag_meanings[];
/* What unshare does with each flag it accepts. */
extern const struct xlat_meaning unshare_flag_meanings[];
/* Each setns nstype bit, and 0 ("any type"). */
extern const struct xlat_meaning setns_type_meanings[];
/* The exit signal: clone's low byte (CSIGNAL), clone3's exit_signal. */
extern const char clone_exit_signal_meaning[];
extern const char clone_no_exit_signal_meaning[];

#define CLONE_DETACHED_BIT 0x00400000ULL

/* The sentence for `value` in `table`, or NULL. */
const char *xlat_meaning(const struct xlat_meaning *table, uint64_t value);

/*
 * What the explainer needs to know of a call.  explain_call_from_event()
 * fills it from a decoded event; --decode fills it from the command line.
 */
struct explain_call {
	const struct arch *arch;
	enum syscall_id id;        /* SYS_clone, clone3, fork, vfork, unshare, setns */
	bool flags_known;          /* clone3: false when the struct was unreadable */
	uint64_t flags;            /* clone: with its CSIGNAL byte; setns: nstype */
	uint64_t exit_signal;      /* clone3's exit_signal field */
	bool exit_signal_known;    /* clone3: false when --decode was not given one */
	bool have_regs;            /* the registers' values are known (a traced call) */
	uint64_t args[6];
};

/* false when `ev` is none of the explained syscalls (or its number is unknown). */
bool explain_call_from_event(struct explain_call *call, const struct syscall_event *ev);

/* The explanation: lines starting with `indent`, each ending in a newline. */
void explain_format(struct strbuf *out, const struct explain_call *call, const char *indent);

/* Both: false (and nothing appended) for a syscall that has no explanation. */
bool explain_event(struct strbuf *out, const struct syscall_event *ev, const char *indent);

/*
 * The command-line tools (src/cli_tools.c), run before any tracing:
 * "--decode SYSCALL VALUE" and "--list-syscalls", with "--arch=NAME".
 * Returns -1 when argv asks for neither, else the exit status.
 */
int cli_tools_run(int argc, char **argv);

#endif
