/* Syscall timing at ptrace stops (src/syscall_time.h). */
#include <string.h>

#include "syscall_time.h"

static struct {
	bool wall, stime;
	struct rusage ru;         /* of the stop last reported by wait4() */
} st;

void syscall_time_setup(const struct options *opts)
{
	bool summary = opts->summary.mode != SUMMARY_OFF;

	st.wall = summary && opts->summary.wall_clock;
	st.stime = summary && !opts->summary.wall_clock;
}

struct rusage *syscall_time_rusage(void)
{
	return st.stime ? &st.ru : NULL;
}

static uint64_t stime_ns(void)
{
	return (uint64_t)st.ru.ru_stime.tv_sec * 1000000000u +
	       (uint64_t)st.ru.ru_stime.tv_usec * 1000u;
}

void syscall_time_entry(struct syscall_time *t)
{
	if (st.wall)
		clock_gettime(CLOCK_MONOTONIC, &t->entry_wall);
	if (st.stime)
		t->entry_stime_ns = stime_ns();
}

void syscall_time_exit(struct syscall_time *t)
{
	if (st.wall)
		clock_gettime(CLOCK_MONOTONIC, &t->exit_wall);
	if (st.stime)
		t->exit_stime_ns = stime_ns();
}
