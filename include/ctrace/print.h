/*
 * strace-format text for decoded events.
 *
 * These functions only format: they append to a string buffer and know
 * nothing of processes or output streams.  src/output.c decides when and
 * where lines are written (pid prefixes, "<unfinished ...>" interleaving).
 */
#ifndef CTRACE_PRINT_H
#define CTRACE_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "ctrace/event.h"
#include "ctrace/strbuf.h"

/* Column at which strace aligns " = retval". */
#define STRACE_RVAL_COLUMN 40

/* -X: how named constants and flag sets print (strace's --const-print-style). */
enum const_style {
	CONST_STYLE_ABBREV,    /* names: O_RDONLY|O_CLOEXEC (the default) */
	CONST_STYLE_RAW,       /* numbers: 0x80000 */
	CONST_STYLE_VERBOSE,   /* both: 0x80000 and the names in a comment */
};

/* The style for every later call of the functions below (process-wide, set once by main). */
void strace_set_const_style(enum const_style style);
enum const_style strace_const_style(void);
/* -X ARG: sets the style named "raw", "abbrev" or "verbose"; -1 for another word. */
int strace_parse_const_style(const char *arg);

/* One value as strace prints it: "CLONE_VM|SIGCHLD", "{flags=..., ...}". */
void strace_format_val(struct strbuf *out, const struct val *v);

/* "name(" and the arguments appended at entry, plus a pending ", ". */
void strace_format_entry(struct strbuf *out, const struct syscall_event *ev);

/* The arguments appended at exit and the closing ")". */
void strace_format_exit_args(struct strbuf *out, const struct syscall_event *ev);

/* "= 0", "= 0x7f00", "= -1 ENOENT (No such file or directory)", "= ?". */
void strace_format_rval(struct strbuf *out, const struct syscall_event *ev);

/*
 * The whole line strace prints for an uninterrupted syscall, without pid
 * prefix or newline: "clone(child_stack=NULL, flags=SIGCHLD) = 42", padded so
 * that "=" falls at column STRACE_RVAL_COLUMN.  For tests and --decode.
 */
void strace_format_line(struct strbuf *out, const struct syscall_event *ev);

/* Pad with spaces to column STRACE_RVAL_COLUMN, strace's "tabto". */
void strace_pad_to_rval_column(struct strbuf *out, size_t line_start);

#endif
