/*
 * Syscall selection: strace's -e trace=SET.
 *
 *   SET := [!]ITEM[,ITEM]...    ITEM := name | %class | all | none
 *
 * Names select by printed name on every architecture at once (so "clone"
 * selects x86_64's 56, i386's 120 and aarch64's 220); classes are the
 * TC_* bits of syscalls.def.  As in strace 6.1, a later -e trace= replaces
 * an earlier one.
 */
#ifndef CTRACE_FILTER_H
#define CTRACE_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctrace/syscalls.h"

struct trace_filter {
	bool given;                         /* any -e trace= at all */
	uint8_t selected[SYS_COUNT];        /* by enum syscall_id */
	bool unknown_selected;              /* numbers with no table entry */
};

/* Everything selected: the default. */
void trace_filter_init(struct trace_filter *f);

/*
 * Applies one SET expression.  Returns 0, or -1 with a message naming the bad
 * item in `err` (at most errlen bytes).
 */
int trace_filter_parse(struct trace_filter *f, const char *set, char *err, size_t errlen);

static inline bool trace_filter_selects(const struct trace_filter *f, enum syscall_id id)
{
	return id == SYS_none ? f->unknown_selected : f->selected[id];
}

/* Class bit for "%process" etc (without the %), 0 if unknown. */
uint32_t syscall_class_by_name(const char *name);
/* The i-th class name (without its %; "%stat" for %%stat), NULL past the
 * last: for --list-classes. */
const char *syscall_class_name(size_t i);

#endif
