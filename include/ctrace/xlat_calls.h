/*
 * Tables of the poll/select/epoll, clock, prctl, vector I/O and other
 * everyday-call decoders (src/xlat_poll.c, src/xlat_time.c, src/xlat_prctl.c,
 * src/xlat_calls.c), each in the order strace 6.1 prints its names.
 */
#ifndef CTRACE_XLAT_CALLS_H
#define CTRACE_XLAT_CALLS_H

#include "ctrace/xlat.h"

extern const struct xlat xlat_poll_events;       /* POLLIN, ... */
extern const struct xlat xlat_epoll_events;      /* EPOLLIN, ..., EPOLLET */
extern const struct xlat xlat_epoll_ctl_ops;     /* EPOLL_CTL_ADD, ... */
extern const struct xlat xlat_epoll_create_flags;/* EPOLL_CLOEXEC */
extern const struct xlat xlat_eventfd_flags;     /* EFD_* */

extern const struct xlat xlat_clocks;            /* CLOCK_REALTIME, ... */
extern const struct xlat xlat_timer_flags;       /* TIMER_ABSTIME */
extern const struct xlat xlat_timerfd_create_flags;  /* TFD_CLOEXEC, TFD_NONBLOCK */
extern const struct xlat xlat_timerfd_settime_flags; /* TFD_TIMER_ABSTIME, ... */

extern const struct xlat xlat_prctl_options;     /* PR_SET_PDEATHSIG, ... */
extern const struct xlat xlat_prctl_dumpable;    /* SUID_DUMP_* */
extern const struct xlat xlat_capabilities;      /* CAP_CHOWN, ... by number */
extern const struct xlat xlat_securebits;        /* SECBIT_* */
extern const struct xlat xlat_cap_ambient_ops;   /* PR_CAP_AMBIENT_* */
extern const struct xlat xlat_seccomp_modes;     /* SECCOMP_MODE_* */
extern const struct xlat xlat_mce_kill_ops, xlat_mce_kill_policies;
extern const struct xlat xlat_prctl_tsc;         /* PR_TSC_* */
extern const struct xlat xlat_prctl_set_vma;     /* PR_SET_VMA_ANON_NAME */
extern const struct xlat xlat_prctl_set_mm;      /* PR_SET_MM_* */

extern const struct xlat xlat_madvise_advice;    /* MADV_* */
extern const struct xlat xlat_mremap_flags;      /* MREMAP_* */
extern const struct xlat xlat_rwf_flags;         /* RWF_* of preadv2/pwritev2 */
extern const struct xlat xlat_sigaltstack_flags; /* SS_* */
extern const struct xlat xlat_close_range_flags; /* CLOSE_RANGE_* */
extern const struct xlat xlat_waitid_types;      /* P_ALL, P_PID, ... */
extern const struct xlat xlat_rusage_who;        /* RUSAGE_SELF, RUSAGE_CHILDREN, ... */
extern const struct xlat xlat_itimer_which;      /* ITIMER_REAL, ... */
extern const struct xlat xlat_priority_which;    /* PRIO_PROCESS, ... */
extern const struct xlat xlat_sigev_notify;      /* SIGEV_SIGNAL, ... */

#endif
