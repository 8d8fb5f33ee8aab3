/*
 * Tables of the madvise, mremap, vector I/O, sigaltstack, close_range,
 * waitid, getrusage, itimer, priority and timer_create decoders, from
 * <asm-generic/mman-common.h>, <linux/mman.h>, <linux/fs.h>, <linux/signal.h>,
 * <linux/close_range.h>, <linux/wait.h>, <linux/resource.h>, <linux/time.h>.
 */
#include "ctrace/xlat_calls.h"

static const struct xlat_entry madvise_entries[] = {
	{ 0, "MADV_NORMAL" },
	{ 1, "MADV_RANDOM" },
	{ 2, "MADV_SEQUENTIAL" },
	{ 3, "MADV_WILLNEED" },
	{ 4, "MADV_DONTNEED" },
	{ 8, "MADV_FREE" },
	{ 9, "MADV_REMOVE" },
	{ 10, "MADV_DONTFORK" },
	{ 11, "MADV_DOFORK" },
	{ 12, "MADV_MERGEABLE" },
	{ 13, "MADV_UNMERGEABLE" },
	{ 14, "MADV_HUGEPAGE" },
	{ 15, "MADV_NOHUGEPAGE" },
	{ 16, "MADV_DONTDUMP" },
	{ 17, "MADV_DODUMP" },
	{ 18, "MADV_WIPEONFORK" },
	{ 19, "MADV_KEEPONFORK" },
	{ 20, "MADV_COLD" },
	{ 21, "MADV_PAGEOUT" },
	{ 22, "MADV_POPULATE_READ" },
	{ 23, "MADV_POPULATE_WRITE" },
	{ 24, "MADV_DONTNEED_LOCKED" },
	{ 25, "MADV_COLLAPSE" },
	{ 100, "MADV_HWPOISON" },
	{ 101, "MADV_SOFT_OFFLINE" },
	{ 0, NULL }
};
const struct xlat xlat_madvise_advice = { madvise_entries, "MADV_???" };

static const struct xlat_entry mremap_entries[] = {
	{ 1, "MREMAP_MAYMOVE" },
	{ 2, "MREMAP_FIXED" },
	{ 4, "MREMAP_DONTUNMAP" },
	{ 0, NULL }
};
const struct xlat xlat_mremap_flags = { mremap_entries, "MREMAP_???" };

static const struct xlat_entry rwf_entries[] = {
	{ 0x01, "RWF_HIPRI" },
	{ 0x02, "RWF_DSYNC" },
	{ 0x04, "RWF_SYNC" },
	{ 0x08, "RWF_NOWAIT" },
	{ 0x10, "RWF_APPEND" },
	{ 0, NULL }
};
const struct xlat xlat_rwf_flags = { rwf_entries, "RWF_???" };

static const struct xlat_entry sigaltstack_entries[] = {
	{ 1, "SS_ONSTACK" },
	{ 2, "SS_DISABLE" },
	{ 0x80000000, "SS_AUTODISARM" },
	{ 0, NULL }
};
const struct xlat xlat_sigaltstack_flags = { sigaltstack_entries, "SS_???" };

static const struct xlat_entry close_range_entries[] = {
	{ 1 << 1, "CLOSE_RANGE_UNSHARE" },
	{ 1 << 2, "CLOSE_RANGE_CLOEXEC" },
	{ 0, NULL }
};
const struct xlat xlat_close_range_flags = { close_range_entries, "CLOSE_RANGE_???" };

static const struct xlat_entry waitid_type_entries[] = {
	{ 0, "P_ALL" },
	{ 1, "P_PID" },
	{ 2, "P_PGID" },
	{ 3, "P_PIDFD" },
	{ 0, NULL }
};
const struct xlat xlat_waitid_types = { waitid_type_entries, "P_???" };

static const struct xlat_entry rusage_who_entries[] = {
	{ 0, "RUSAGE_SELF" },
	{ 0xffffffff, "RUSAGE_CHILDREN" },
	{ 1, "RUSAGE_THREAD" },
	{ 0, NULL }
};
const struct xlat xlat_rusage_who = { rusage_who_entries, "RUSAGE_???" };

static const struct xlat_entry itimer_entries[] = {
	{ 0, "ITIMER_REAL" },
	{ 1, "ITIMER_VIRTUAL" },
	{ 2, "ITIMER_PROF" },
	{ 0, NULL }
};
const struct xlat xlat_itimer_which = { itimer_entries, "ITIMER_???" };

static const struct xlat_entry priority_which_entries[] = {
	{ 0, "PRIO_PROCESS" },
	{ 1, "PRIO_PGRP" },
	{ 2, "PRIO_USER" },
	{ 0, NULL }
};
const struct xlat xlat_priority_which = { priority_which_entries, "PRIO_???" };

static const struct xlat_entry sigev_notify_entries[] = {
	{ 0, "SIGEV_SIGNAL" },
	{ 1, "SIGEV_NONE" },
	{ 2, "SIGEV_THREAD" },
	{ 4, "SIGEV_THREAD_ID" },
	{ 0, NULL }
};
const struct xlat xlat_sigev_notify = { sigev_notify_entries, "SIGEV_???" };
