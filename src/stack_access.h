/*
 * libunwind's view of a stopped task for -k (src/stack_access.c): the
 * _UPT_accessors of libunwind-ptrace, with the registers read in one request
 * and memory read a page at a time and kept, instead of one ptrace request
 * per register and per word.
 */
#ifndef CTRACE_SRC_STACK_ACCESS_H
#define CTRACE_SRC_STACK_ACCESS_H

#ifdef CTRACE_HAVE_LIBUNWIND
#include <libunwind-ptrace.h>
#include <sys/types.h>

#include "ctrace/stack_trace.h"

/* Pages of one address space: those of read-only mappings (code, unwind
 * tables) are kept until its maps are read again; writable ones (the stack)
 * only for the walk they were read in. */
struct stack_pages;

struct stack_pages *stack_pages_new(void);
void stack_pages_free(struct stack_pages *pg);
/* The maps changed: nothing kept is trusted any more. */
void stack_pages_flush(struct stack_pages *pg);

/* The accessors: pass to unw_create_addr_space(); their `arg` is a
 * _UPT_create() handle, as for _UPT_accessors. */
extern unw_accessors_t stack_accessors;

/* Brackets one walk of task `tid`'s stack (ctrace is single-threaded: one at
 * a time).  `maps` says which pages are read-only. */
void stack_access_begin(pid_t tid, struct stack_pages *pg, const struct proc_maps *maps);
void stack_access_end(void);

#endif
#endif
