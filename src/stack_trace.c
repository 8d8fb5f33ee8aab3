/*
 * -k: unwinding tracee stacks with libunwind-ptrace (src/stack_trace.h).
 *
 * What makes strace -k slow is libunwind's own name lookup: every
 * unw_get_proc_name() reads /proc/PID/maps again, maps the ELF file and scans
 * its symbol tables.  So ctrace resolves each frame against its own copy of
 * the maps, read once per address space and read again only after a call that
 * can change them (or when an address is found in no mapping), and asks
 * libunwind for a name only once per (file, offset): names are cached for the
 * whole trace.  libunwind's address spaces (with their unwind-info cache) are
 * kept per traced process, shared by its threads, and read registers and
 * memory through src/stack_access.c (one request per walk, pages kept).
 *
 * When strace takes the stack, as observed with strace 6.1: at the syscall's
 * exit stop, but at the entry of execve, execveat, exit and exit_group (after
 * them the stack is gone or another program's); at signal-delivery stops.
 * PROG's first execve is the exception: its entry is still ctrace's own code,
 * so that stack is taken at exit (strace shows the new program's entry point).
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctrace/arch.h"
#include "stack_access.h"
#include "stack_trace.h"

bool stack_trace_watches(enum syscall_id id)
{
	switch (id) {
	case SYS_mmap:
	case SYS_mmap2:
	case SYS_old_mmap:
	case SYS_munmap:
	case SYS_mprotect:
	case SYS_pkey_mprotect:
	case SYS_mremap:
	case SYS_remap_file_pages:
	case SYS_brk:            /* READ_IMPLIES_EXEC makes even the heap code */
	case SYS_shmat:
	case SYS_shmdt:
	case SYS_execve:
	case SYS_execveat:
		return true;
	default:
		return false;
	}
}

#ifdef CTRACE_HAVE_LIBUNWIND
#include <libunwind-ptrace.h>

bool stack_trace_available(void)
{
	return true;
}

/* One traced address space: a thread group (threads share it). */
struct stack_proc {
	struct stack_proc *next;
	pid_t tgid;              /* 0: replaced by an execve, no longer found */
	unsigned refs;           /* tasks using it */
	bool maps_stale;         /* a call that can change the maps finished since */
	/* Maps were read again for an address found in none: not again until
	 * they change (JIT code would have every walk read them). */
	bool reread_on_miss;
	unsigned code_gen;       /* bumped when executable mappings went away */
	struct proc_maps maps;
	struct stack_pages *pages;   /* its memory, as libunwind reads it */
	unw_addr_space_t as;
};

/* Per task. */
struct stack_state {
	struct stack_proc *proc;
	void *upt;               /* _UPT_create(tid): registers and memory of this task */
	unsigned upt_gen;        /* proc->code_gen it was made at (it caches one ELF image) */
	bool maps_call;          /* the current syscall may change the address space */
	bool entry_taken;        /* the current syscall's stack was taken at entry */
	struct stack_trace trace;     /* of the current syscall */
	struct stack_trace sig_trace; /* of the last signal delivery */
};

static struct {
	bool enabled;
	struct stack_proc *procs;
	char *maps_buf;
	size_t maps_cap;
	/* Demangler, from libstdc++ if it is there (strace uses libiberty's). */
	bool demangler_tried;
	char *(*cxa_demangle)(const char *, char *, size_t *, int *);
} sk;

/* ---- names: one libunwind lookup per (file, offset) ------------------------ */

struct sym_entry {
	uint64_t dev, inode, rel, path_hash;
	bool used, prev_instr, found;
	uint64_t off;
	const char *name;
};

#define SYM_CACHE_MAX (1u << 16)   /* entries; then the cache starts over */

static struct {
	struct sym_entry *slots;
	size_t cap, n;
	struct arena names;
	char *buf;               /* for unw_get_proc_name() */
	size_t buf_cap;
} syms;

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;   /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static size_t sym_slot(const struct sym_entry *k, size_t cap)
{
	uint64_t h = k->rel * 0x9e3779b97f4a7c15ull ^ k->inode ^ k->path_hash ^ (k->dev << 32) ^
		     k->prev_instr;
	return (size_t)(h ^ h >> 29) & (cap - 1);
}

static bool sym_same(const struct sym_entry *a, const struct sym_entry *b)
{
	return a->dev == b->dev && a->inode == b->inode && a->rel == b->rel &&
	       a->path_hash == b->path_hash && a->prev_instr == b->prev_instr;
}

static struct sym_entry *sym_lookup(const struct sym_entry *key)
{
	if (!syms.cap)
		return NULL;
	for (size_t i = sym_slot(key, syms.cap);; i = (i + 1) & (syms.cap - 1)) {
		if (!syms.slots[i].used)
			return NULL;
		if (sym_same(&syms.slots[i], key))
			return &syms.slots[i];
	}
}

static void sym_reset(size_t cap)
{
	free(syms.slots);
	syms.slots = calloc(cap, sizeof(*syms.slots));
	if (!syms.slots)
		abort();
	syms.cap = cap;
	syms.n = 0;
	arena_reset(&syms.names);
}

/* After sym_make_room(), which must come before the entry's name is made. */
static void sym_insert(const struct sym_entry *e)
{
	size_t i = sym_slot(e, syms.cap);
	while (syms.slots[i].used)
		i = (i + 1) & (syms.cap - 1);
	syms.slots[i] = *e;
	syms.slots[i].used = true;
	syms.n++;
}

static void sym_make_room(void)
{
	if (!syms.cap || syms.n >= SYM_CACHE_MAX)
		sym_reset(2 * SYM_CACHE_MAX);      /* load stays under 1/2 */
}

static const char *demangle(const char *name)
{
	if (strncmp(name, "_Z", 2))
		return NULL;
	if (!sk.demangler_tried) {
		sk.demangler_tried = true;
		void *h = dlopen("libstdc++.so.6", RTLD_LAZY | RTLD_LOCAL);
		if (h)
			*(void **)&sk.cxa_demangle = dlsym(h, "__cxa_demangle");
	}
	if (!sk.cxa_demangle)
		return NULL;
	int status = -1;
	char *d = sk.cxa_demangle(name, NULL, NULL, &status);
	if (status != 0) {
		free(d);
		return NULL;
	}
	const char *r = arena_strndup(&syms.names, d, strlen(d));
	free(d);
	return r;
}

/* libunwind's answer for the cursor's frame, demangled, kept in syms.names. */
static void ask_libunwind(unw_cursor_t *c, struct sym_entry *e)
{
	unw_word_t off = 0;
	int rc = 0;

	for (;;) {
		if (syms.buf_cap == 0 || rc == -UNW_ENOMEM) {
			/* The name did not fit: C++ names can be long. */
			syms.buf_cap = syms.buf_cap ? 2 * syms.buf_cap : 256;
			syms.buf = realloc(syms.buf, syms.buf_cap);
			if (!syms.buf)
				abort();
		}
		rc = unw_get_proc_name(c, syms.buf, syms.buf_cap, &off);
		if (rc != -UNW_ENOMEM || syms.buf_cap >= 65536)
			break;
	}
	e->found = rc == 0;
	if (!e->found)
		return;
	e->off = off;
	e->name = demangle(syms.buf);
	if (!e->name)
		e->name = arena_strndup(&syms.names, syms.buf, strlen(syms.buf));
}

static void resolve_symbol(unw_cursor_t *c, const struct proc_mapping *pm, uint64_t rel,
			   bool prev_instr, struct stack_frame *f, struct arena *strings)
{
	struct sym_entry key = {
		.dev = (uint64_t)pm->dev_major << 20 | pm->dev_minor,
		.inode = pm->inode,
		.rel = rel,
		/* [vdso] and other inode-less mappings: told apart by name */
		.path_hash = pm->inode ? 0 : hash_str(pm->path),
		.prev_instr = prev_instr,
	};
	struct sym_entry *e = sym_lookup(&key);

	if (!e) {
		sym_make_room();
		ask_libunwind(c, &key);
		sym_insert(&key);
		e = &key;
	}
	if (e->found) {
		f->symbol = arena_strndup(strings, e->name, strlen(e->name));
		f->sym_off = e->off;
	}
}

/* ---- address spaces ---------------------------------------------------------- */

static pid_t read_tgid(pid_t tid)
{
	char path[64], line[128];
	pid_t tgid = tid;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	FILE *f = fopen(path, "re");
	if (!f)
		return tid;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

static bool same_mapping(const struct proc_mapping *a, const struct proc_mapping *b)
{
	return a->start == b->start && a->end == b->end && a->offset == b->offset &&
	       a->inode == b->inode && a->exec == b->exec;
}

/* Reads /proc/TID/maps (the task's own: a thread group's leader may be gone). */
static void read_maps(struct stack_proc *p, pid_t tid)
{
	char path[64];
	size_t len = 0;

	p->maps_stale = false;
	snprintf(path, sizeof(path), "/proc/%d/maps", tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	for (;;) {
		if (sk.maps_cap - len < 4096) {
			size_t cap = sk.maps_cap ? 2 * sk.maps_cap : 65536;
			char *b = realloc(sk.maps_buf, cap);
			if (!b)
				abort();
			sk.maps_buf = b;
			sk.maps_cap = cap;
		}
		ssize_t n = read(fd, sk.maps_buf + len, sk.maps_cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);

	struct proc_maps fresh = { 0 };
	proc_maps_parse(&fresh, sk.maps_buf, len);
	/* An executable mapping that went away (dlclose, munmap, exec) may come
	 * back as other code at the same address: libunwind's cached unwind
	 * info for it must go. */
	bool code_gone = false;
	for (size_t i = 0; i < p->maps.n && !code_gone; i++) {
		const struct proc_mapping *old = &p->maps.v[i];
		if (!old->exec)
			continue;
		const struct proc_mapping *now = proc_maps_find(&fresh, old->start);
		code_gone = !now || !same_mapping(old, now);
	}
	if (code_gone) {
		unw_flush_cache(p->as, 0, 0);
		p->code_gen++;
	}
	proc_maps_free(&p->maps);
	p->maps = fresh;
	stack_pages_flush(p->pages);
}

static struct stack_proc *proc_get(pid_t tid)
{
	pid_t tgid = read_tgid(tid);

	for (struct stack_proc *p = sk.procs; p; p = p->next)
		if (p->tgid == tgid) {
			p->refs++;
			return p;
		}
	unw_addr_space_t as = unw_create_addr_space(&stack_accessors, 0);
	if (!as)
		return NULL;
	unw_set_caching_policy(as, UNW_CACHE_GLOBAL);
	struct stack_proc *p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->tgid = tgid;
	p->refs = 1;
	p->maps_stale = true;
	p->as = as;
	p->pages = stack_pages_new();
	p->next = sk.procs;
	sk.procs = p;
	return p;
}

static void proc_put(struct stack_proc *p)
{
	if (!p || --p->refs)
		return;
	for (struct stack_proc **pp = &sk.procs; *pp; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	unw_destroy_addr_space(p->as);
	stack_pages_free(p->pages);
	proc_maps_free(&p->maps);
	free(p);
}

static struct stack_state *state(struct tracee *t)
{
	if (!t->stack) {
		t->stack = calloc(1, sizeof(*t->stack));
		if (!t->stack)
			abort();
	}
	return t->stack;
}

/* ---- the walk ------------------------------------------------------------------ */

static bool usable(const struct proc_mapping *pm)
{
	/* strace resolves only addresses in executable file mappings ([vdso]
	 * counts); JIT code in anonymous memory ends the walk. */
	return pm && pm->exec && pm->path;
}

static void walk(struct tracee *t, struct stack_proc *p, void *upt, struct stack_trace *out)
{
	unw_cursor_t c;
	if (unw_init_remote(&c, p->as, upt) < 0)
		return;
	bool after_signal_frame = false;
	for (unsigned depth = 0; depth < STACK_MAX_FRAMES; depth++) {
		unw_word_t ip;
		if (unw_get_reg(&c, UNW_REG_IP, &ip) < 0)
			break;
		struct stack_frame *f = stack_trace_push(out);
		f->ip = ip;
		const struct proc_mapping *pm = proc_maps_find(&p->maps, ip);
		if (!usable(pm) && !p->reread_on_miss) {
			/* A mapping made by a call we did not stop at (one that
			 * no table of ours names, say). */
			p->reread_on_miss = true;
			read_maps(p, t->pid);
			pm = proc_maps_find(&p->maps, ip);
		}
		if (!usable(pm))
			break;
		f->path = arena_strndup(&out->strings, pm->path, strlen(pm->path));
		f->rel = ip - pm->start + pm->offset;
		/* libunwind looks a caller's name up at ip - 1 (inside the call),
		 * except after a signal frame: the key says which. */
		resolve_symbol(&c, pm, f->rel, depth > 0 && !after_signal_frame, f, &out->strings);
		after_signal_frame = unw_is_signal_frame(&c) > 0;
		if (unw_step(&c) <= 0)
			break;
	}
}

static void capture(struct tracee *t, struct stack_trace *out)
{
	struct stack_state *s = state(t);

	stack_trace_clear(out);
	/* libunwind-ptrace unwinds the native ABI only: an i386 program's
	 * 4-byte frames would be read as 8-byte ones.  No stack, rather than a
	 * wrong one. */
	if (t->arch != arch_native())
		return;
	if (!s->proc && !(s->proc = proc_get(t->pid)))
		return;
	struct stack_proc *p = s->proc;
	if (p->maps_stale)
		read_maps(p, t->pid);
	if (!s->upt || s->upt_gen != p->code_gen) {
		if (s->upt)
			_UPT_destroy(s->upt);
		s->upt = _UPT_create(t->pid);
		s->upt_gen = p->code_gen;
		if (!s->upt)
			return;
	}

	stack_access_begin(t->pid, p->pages, &p->maps);
	walk(t, p, s->upt, out);
	stack_access_end();
}

/* ---- hooks ---------------------------------------------------------------------- */

static void shutdown(void)
{
	free(sk.maps_buf);
	free(syms.slots);
	free(syms.buf);
	arena_free(&syms.names);
	memset(&syms, 0, sizeof(syms));
}

int stack_trace_enable(void)
{
	if (!sk.enabled)
		atexit(shutdown);
	sk.enabled = true;
	return 0;
}

static bool taken_at_entry(enum syscall_id id)
{
	return id == SYS_execve || id == SYS_execveat || id == SYS_exit || id == SYS_exit_group;
}

void stack_trace_syscall_entry(struct tracee *t, enum syscall_id id)
{
	if (!sk.enabled)
		return;
	struct stack_state *s = state(t);
	s->maps_call = stack_trace_watches(id);
	s->entry_taken = taken_at_entry(id) && !t->hide_until_execve;
	if (s->entry_taken) {
		capture(t, &s->trace);
		s->trace.at_entry = true;
	}
}

void stack_trace_syscall_exit(struct tracee *t)
{
	if (!sk.enabled)
		return;
	struct stack_state *s = state(t);
	if (t->syscall_shown) {
		if (!s->entry_taken)
			capture(t, &s->trace);
		t->ev.stack = &s->trace;
	}
	/* After the capture: the call's own frames are in the old mappings. */
	if (s->maps_call && s->proc) {
		s->proc->maps_stale = true;
		s->proc->reread_on_miss = false;
	}
	s->maps_call = s->entry_taken = false;
}

void stack_trace_task_died(struct tracee *t)
{
	if (!sk.enabled || !t->stack)
		return;
	if (t->syscall_shown && t->stack->entry_taken)
		t->ev.stack = &t->stack->trace;
}

const struct stack_trace *stack_trace_signal(struct tracee *t)
{
	if (!sk.enabled)
		return NULL;
	struct stack_state *s = state(t);
	capture(t, &s->sig_trace);
	return &s->sig_trace;
}

static void drop_address_space(struct stack_state *s)
{
	if (s->upt)
		_UPT_destroy(s->upt);
	s->upt = NULL;
	proc_put(s->proc);
	s->proc = NULL;
}

void stack_trace_exec(struct tracee *t)
{
	if (!sk.enabled || !t->stack)
		return;
	struct stack_state *s = t->stack;
	/* The old image's object may outlive this call (its other threads are
	 * reported dead later): it must not be found by tgid again. */
	if (s->proc)
		s->proc->tgid = 0;
	drop_address_space(s);
}

void stack_trace_forget(struct tracee *t)
{
	struct stack_state *s = t->stack;

	if (!s)
		return;
	drop_address_space(s);
	stack_trace_free(&s->trace);
	stack_trace_free(&s->sig_trace);
	free(s);
	t->stack = NULL;
}

#else  /* built without libunwind (the static QEMU guest builds): no -k */

bool stack_trace_available(void)
{
	return false;
}

int stack_trace_enable(void)
{
	fprintf(stderr, "ctrace: -k: this ctrace was built without libunwind-ptrace, "
			"it cannot print stack traces\n");
	return -1;
}

void stack_trace_syscall_entry(struct tracee *t, enum syscall_id id) {}
void stack_trace_syscall_exit(struct tracee *t) {}
void stack_trace_task_died(struct tracee *t) {}
const struct stack_trace *stack_trace_signal(struct tracee *t) { return NULL; }
void stack_trace_exec(struct tracee *t) {}
void stack_trace_forget(struct tracee *t) {}

#endif
