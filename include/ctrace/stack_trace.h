/*
 * Stack traces (-k): the frames of a task's user stack, and the parsed
 * /proc/PID/maps they are resolved against.
 *
 * This header is the pure part: data, the maps parser and the printers.  The
 * unwinding itself (libunwind-ptrace, tracer-side) is src/stack_trace.c.
 */
#ifndef CTRACE_STACK_TRACE_H
#define CTRACE_STACK_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctrace/strbuf.h"
#include "ctrace/val.h"

/* strace's depth limit: a corrupt stack cannot make a trace endless. */
#define STACK_MAX_FRAMES 256

struct stack_frame {
	uint64_t ip;          /* absolute address (a return address, but for frame 0) */
	/* The rest is known only when `path` is: the address is in a file-backed
	 * executable mapping. */
	const char *path;     /* the mapping's path; NULL: unwinding failed here */
	uint64_t rel;         /* ip - mapping start + mapping file offset */
	const char *symbol;   /* nearest symbol (demangled); NULL: none found */
	uint64_t sym_off;     /* ip - symbol */
};

/* The frames of one stop, innermost first.  Strings live in `strings`. */
struct stack_trace {
	struct stack_frame *frames;
	unsigned n, cap;
	/* Taken at a syscall's entry (execve, exit): strace 6.1 then prints a
	 * frame with no symbol as "path(+0x0) [...]", not "path() [...]". */
	bool at_entry;
	struct arena strings;
};

void stack_trace_clear(struct stack_trace *st);     /* keeps memory for reuse */
void stack_trace_free(struct stack_trace *st);
/* Appends a zeroed frame (never fails). */
struct stack_frame *stack_trace_push(struct stack_trace *st);

/* ---- /proc/PID/maps ---------------------------------------------------- */

struct proc_mapping {
	uint64_t start, end;  /* [start, end) */
	uint64_t offset;      /* file offset of `start` */
	uint64_t inode;
	uint32_t dev_major, dev_minor;
	bool write, exec;     /* 'w', 'x' permissions */
	const char *path;     /* as the kernel prints it; NULL: anonymous */
};

struct proc_maps {
	struct proc_mapping *v;   /* sorted by address, as the kernel lists them */
	size_t n, cap;
	struct arena strings;
};

/* Parses the text of a maps file (replacing what `m` held).  Lines that do
 * not parse are skipped.  Returns the number of mappings. */
size_t proc_maps_parse(struct proc_maps *m, const char *text, size_t len);
/* The mapping that contains addr, or NULL. */
const struct proc_mapping *proc_maps_find(const struct proc_maps *m, uint64_t addr);
void proc_maps_free(struct proc_maps *m);

/* ---- printers ------------------------------------------------------------ */

/*
 * strace -k's lines, one per frame, each ending in a newline:
 *   " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x14) [0x10e1d4]"
 *   " > [vdso]() [0xbe1]"                       (no symbol found; "(+0x0)"
 *                                                 in a stack taken at entry)
 *   " > unexpected_backtracing_error [0x7f4426cb3007]"  (no mapping: the walk
 *                                                 stops there, as strace's does)
 */
void strace_format_stack(struct strbuf *out, const struct stack_trace *st);

/* The JSON array of frames (man ctrace, JSON OUTPUT: "stack"). */
void json_format_stack(struct strbuf *out, const struct stack_trace *st);
/* Adds "stack":[...] as the last member of the JSON object that `out` ends
 * with (the printers of print_json.h close their objects themselves). */
void json_append_stack(struct strbuf *out, const struct stack_trace *st);

/* Whether this build has libunwind (-k); the QEMU guests' static builds do not. */
bool stack_trace_available(void);

#endif
