/*
 * Registers and memory of a stopped task for libunwind (src/stack_access.h).
 *
 * _UPT_accessors read each register with PTRACE_PEEKUSER and each word with
 * PTRACE_PEEKDATA: some twenty ptrace requests per stack, and more when
 * libunwind reads unwind tables out of the tracee.  Here the registers come
 * from one PTRACE_GETREGS per walk (x86_64), and memory from whole pages read
 * with process_vm_readv.  Anything else (writes, other registers, a word
 * across two pages, a failed read) goes to libunwind-ptrace's own accessor.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

#include "stack_access.h"

#ifdef CTRACE_HAVE_LIBUNWIND

#define PAGE_SIZE_ 4096u
#define PAGE_SLOTS 16        /* 64 KiB per traced process */

struct page_slot {
	uint64_t page;           /* address; valid when `serial` or `ro` says so */
	unsigned serial;         /* walk it was read in */
	bool used, ro;
	unsigned char bytes[PAGE_SIZE_];
};

struct stack_pages {
	struct page_slot slot[PAGE_SLOTS];
};

static struct {
	pid_t tid;
	struct stack_pages *pg;
	const struct proc_maps *maps;
	unsigned serial;
#if defined(__x86_64__)
	bool have_regs;
	struct user_regs_struct regs;
#endif
} cur;

struct stack_pages *stack_pages_new(void)
{
	struct stack_pages *pg = calloc(1, sizeof(*pg));
	if (!pg)
		abort();
	return pg;
}

void stack_pages_free(struct stack_pages *pg)
{
	free(pg);
}

void stack_pages_flush(struct stack_pages *pg)
{
	for (unsigned i = 0; i < PAGE_SLOTS; i++)
		pg->slot[i].used = false;
}

void stack_access_begin(pid_t tid, struct stack_pages *pg, const struct proc_maps *maps)
{
	cur.tid = tid;
	cur.pg = pg;
	cur.maps = maps;
	cur.serial++;            /* writable pages read before are stale */
#if defined(__x86_64__)
	cur.have_regs = ptrace(PTRACE_GETREGS, tid, 0L, &cur.regs) == 0;
#endif
}

void stack_access_end(void)
{
	cur.pg = NULL;
	cur.maps = NULL;
}

static const unsigned char *page_of(uint64_t page)
{
	struct page_slot *s = &cur.pg->slot[(page / PAGE_SIZE_) % PAGE_SLOTS];

	if (s->used && s->page == page && (s->ro || s->serial == cur.serial))
		return s->bytes;
	struct iovec local = { s->bytes, PAGE_SIZE_ };
	struct iovec remote = { (void *)(uintptr_t)page, PAGE_SIZE_ };
	s->used = false;
	if (process_vm_readv(cur.tid, &local, 1, &remote, 1, 0) != (ssize_t)PAGE_SIZE_)
		return NULL;
	const struct proc_mapping *pm = proc_maps_find(cur.maps, page);
	s->used = true;
	s->page = page;
	s->serial = cur.serial;
	s->ro = pm && !pm->write;
	return s->bytes;
}

static int access_mem(unw_addr_space_t as, unw_word_t addr, unw_word_t *val, int write,
		      void *arg)
{
	uint64_t in_page = addr % PAGE_SIZE_;

	if (!write && cur.pg && in_page + sizeof(*val) <= PAGE_SIZE_) {
		const unsigned char *p = page_of(addr - in_page);
		if (p) {
			memcpy(val, p + in_page, sizeof(*val));
			return 0;
		}
	}
	return _UPT_access_mem(as, addr, val, write, arg);
}

static int access_reg(unw_addr_space_t as, unw_regnum_t reg, unw_word_t *val, int write,
		      void *arg)
{
#if defined(__x86_64__)
	if (!write && cur.pg && cur.have_regs) {
		const struct user_regs_struct *r = &cur.regs;
		/* libunwind-x86_64.h's numbering */
		const unsigned long long by_unw[] = {
			[UNW_X86_64_RAX] = r->rax, [UNW_X86_64_RDX] = r->rdx,
			[UNW_X86_64_RCX] = r->rcx, [UNW_X86_64_RBX] = r->rbx,
			[UNW_X86_64_RSI] = r->rsi, [UNW_X86_64_RDI] = r->rdi,
			[UNW_X86_64_RBP] = r->rbp, [UNW_X86_64_RSP] = r->rsp,
			[UNW_X86_64_R8] = r->r8, [UNW_X86_64_R9] = r->r9,
			[UNW_X86_64_R10] = r->r10, [UNW_X86_64_R11] = r->r11,
			[UNW_X86_64_R12] = r->r12, [UNW_X86_64_R13] = r->r13,
			[UNW_X86_64_R14] = r->r14, [UNW_X86_64_R15] = r->r15,
			[UNW_X86_64_RIP] = r->rip,
		};
		if (reg >= 0 && (size_t)reg < sizeof(by_unw) / sizeof(by_unw[0])) {
			*val = by_unw[reg];
			return 0;
		}
	}
#endif
	return _UPT_access_reg(as, reg, val, write, arg);
}

unw_accessors_t stack_accessors = {
	.find_proc_info = _UPT_find_proc_info,
	.put_unwind_info = _UPT_put_unwind_info,
	.get_dyn_info_list_addr = _UPT_get_dyn_info_list_addr,
	.access_mem = access_mem,
	.access_reg = access_reg,
	.access_fpreg = _UPT_access_fpreg,
	.resume = _UPT_resume,
	.get_proc_name = _UPT_get_proc_name,
};

#endif
