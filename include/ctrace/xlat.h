/*
 * Value-to-name tables ("xlat", after strace's term): data shared by every
 * printer.  A table is an array of {value, name} pairs ending in {0, NULL}.
 */
#ifndef CTRACE_XLAT_H
#define CTRACE_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct xlat_entry {
	uint64_t value;
	const char *name;
};

struct xlat {
	const struct xlat_entry *entries;   /* terminated by a NULL name */
	const char *unknown;                /* comment for unknown values: "CLONE_???" */
};

/* Name of `value` in `table`, or NULL. */
const char *xlat_name(const struct xlat *table, uint64_t value);

/* Value named `name` in `table`; returns 0 and leaves *value untouched if absent. */
int xlat_value(const struct xlat *table, const char *name, uint64_t *value);

/*
 * Tables used by the process-creation decoders.
 */
extern const struct xlat xlat_clone_flags;   /* CLONE_* bits, without CSIGNAL: clone3's names */
extern const struct xlat xlat_clone2_flags;  /* clone(2)'s names: strace's table stops at CLONE_IO */
extern const struct xlat xlat_unshare_flags; /* unshare's own table, CLONE_NEWTIME first */
extern const struct xlat xlat_setns_types;   /* CLONE_NEW* accepted by setns */
extern const struct xlat xlat_signals;       /* SIGHUP..SIGSYS by number (x86/arm generic numbering) */
extern const struct xlat xlat_errno_names;   /* EPERM..EHWPOISON, ERESTARTSYS.. */
extern const struct xlat xlat_wait4_options; /* WNOHANG, WUNTRACED, ... */

/* si_code names: the generic SI_* codes and those of each signal. */
extern const struct xlat xlat_si_codes, xlat_sigchld_codes, xlat_sigsegv_codes,
	xlat_sigbus_codes, xlat_sigill_codes, xlat_sigfpe_codes, xlat_sigtrap_codes,
	xlat_sigpoll_codes, xlat_sigsys_codes;

/* "SIGCHLD", "SIGRTMIN", "SIGRT_3", or NULL for an unnamed number. */
const char *signal_name(unsigned sig);

/* Description strace prints after an errno name: "No such file or directory". */
const char *errno_description(unsigned err);

#endif
