/*
 * -z / -Z (strace's --successful-only, --failed-only): print only the
 * syscalls that returned without / with an error.  A call whose task died
 * inside it ("= ?") is neither, and is not printed with either.  Lines are
 * then written whole when the call returns, as strace 6.1 does, since
 * whether they are shown is known only then.  The summary (-c, -C) still
 * counts every call.
 */
#ifndef CTRACE_STATUS_FILTER_H
#define CTRACE_STATUS_FILTER_H

#include <stdbool.h>

#include "ctrace/event.h"

enum status_filter {
	STATUS_ALL,
	STATUS_SUCCESSFUL,        /* -z */
	STATUS_FAILED,            /* -Z */
};

static inline bool status_filter_shows(enum status_filter f, const struct syscall_event *ev)
{
	if (f == STATUS_ALL)
		return true;
	if (!ev->exited)
		return false;
	return f == STATUS_FAILED ? ev->error != 0 : ev->error == 0;
}

#endif
