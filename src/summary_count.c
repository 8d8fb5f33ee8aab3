/*
 * The summary's counts (include/ctrace/summary.h): one counter per syscall
 * number of each personality, filled as syscalls return, turned into
 * table rows at the end.  With -f every task adds to the same counters, as
 * strace does.
 */
#include <stdlib.h>
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/summary.h"

struct counter {
	uint64_t calls, errors, time_ns, min_ns, max_ns;
};

/* A personality's counters, allocated at its first counted call. */
struct personality_counts {
	const struct arch *arch;
	struct counter *c;        /* indexed by syscall number */
};

/* x86_64 hosts see three personalities, the others one or two. */
#define MAX_PERSONALITIES 4

static struct {
	struct summary_opts opts;
	struct personality_counts pers[MAX_PERSONALITIES];
} sum;

void summary_init(const struct summary_opts *o)
{
	sum.opts = *o;
}

bool summary_hides_trace(void)
{
	return sum.opts.mode == SUMMARY_ONLY;
}

/* strace's order of personalities: the native one (untitled), then on
 * x86_64 "32 bit", then "x32". */
static int personality_rank(const struct arch *arch)
{
	if (arch == arch_native())
		return 0;
	return arch == &arch_x32 ? 2 : 1;
}

static struct counter *counters_of(const struct arch *arch)
{
	struct personality_counts *free_slot = NULL;

	for (int i = 0; i < MAX_PERSONALITIES; i++) {
		if (sum.pers[i].arch == arch)
			return sum.pers[i].c;
		if (!sum.pers[i].arch && !free_slot)
			free_slot = &sum.pers[i];
	}
	if (!free_slot)
		return NULL;
	free_slot->c = calloc(arch->nsyscalls, sizeof(struct counter));
	if (!free_slot->c)
		abort();
	free_slot->arch = arch;
	return free_slot->c;
}

static uint64_t ns_between(const struct timespec *a, const struct timespec *b)
{
	int64_t ns = (int64_t)(b->tv_sec - a->tv_sec) * 1000000000 + (b->tv_nsec - a->tv_nsec);

	return ns > 0 ? (uint64_t)ns : 0;
}

void summary_syscall(const struct syscall_event *ev, const struct syscall_time *t)
{
	if (sum.opts.mode == SUMMARY_OFF || !ev->exited)
		return;
	/* As strace: a number with no name in the table is not counted. */
	if (!ev->desc || ev->nr >= ev->arch->nsyscalls)
		return;
	struct counter *all = counters_of(ev->arch);
	if (!all)
		return;
	struct counter *c = &all[ev->nr];
	uint64_t ns;
	if (sum.opts.wall_clock)
		ns = ns_between(&t->entry_wall, &t->exit_wall);
	else
		ns = t->exit_stime_ns > t->entry_stime_ns ? t->exit_stime_ns - t->entry_stime_ns : 0;
	if (!c->calls || ns < c->min_ns)
		c->min_ns = ns;
	if (ns > c->max_ns)
		c->max_ns = ns;
	c->calls++;
	c->time_ns += ns;
	if (ev->error)
		c->errors++;
}

static size_t rows_of(const struct personality_counts *p, struct summary_row *rows)
{
	size_t n = 0;

	for (uint32_t nr = 0; nr < p->arch->nsyscalls; nr++) {
		const struct counter *c = &p->c[nr];
		if (!c->calls)
			continue;
		rows[n++] = (struct summary_row){
			.name = arch_syscall(p->arch, nr)->name, .nr = nr,
			.calls = c->calls, .errors = c->errors, .time_ns = c->time_ns,
			.min_ns = c->min_ns, .max_ns = c->max_ns,
		};
	}
	return n;
}

void summary_finish(FILE *fp, bool json)
{
	struct strbuf sb = STRBUF_INIT;

	for (int rank = 0; rank < MAX_PERSONALITIES; rank++) {
		for (int i = 0; i < MAX_PERSONALITIES; i++) {
			struct personality_counts *p = &sum.pers[i];
			if (!p->arch || personality_rank(p->arch) != rank)
				continue;
			struct summary_row *rows = malloc(p->arch->nsyscalls * sizeof(*rows));
			if (!rows)
				abort();
			size_t n = rows_of(p, rows);
			if (json) {
				summary_format_json(&sb, rows, n, &sum.opts, p->arch);
				strbuf_putc(&sb, '\n');
			} else {
				if (rank)
					strbuf_printf(&sb, "System call usage summary for %s mode:\n",
						      p->arch->mode_name);
				summary_format_table(&sb, rows, n, &sum.opts);
			}
			free(rows);
			free(p->c);
			p->c = NULL;
			p->arch = NULL;
		}
	}
	if (sb.len && fp)
		fwrite(strbuf_str(&sb), 1, sb.len, fp);
	strbuf_free(&sb);
}
