/* Tables of the memory, signal and miscellaneous decoders (include/ctrace/xlat_more.h). */
#include "ctrace/xlat_more.h"

static const struct xlat_entry mmap_prot_entries[] = {
	{ 0x1, "PROT_READ" },
	{ 0x2, "PROT_WRITE" },
	{ 0x4, "PROT_EXEC" },
	{ 0x8, "PROT_SEM" },
	{ 0x01000000, "PROT_GROWSDOWN" },
	{ 0x02000000, "PROT_GROWSUP" },
	{ 0, NULL }
};
const struct xlat xlat_mmap_prot = { mmap_prot_entries, "PROT_???" };

/* The sharing type first (MAP_SHARED_VALIDATE is both of its bits). */
static const struct xlat_entry mmap_flag_entries[] = {
	{ 0x03, "MAP_SHARED_VALIDATE" },
	{ 0x01, "MAP_SHARED" },
	{ 0x02, "MAP_PRIVATE" },
	{ 0x10, "MAP_FIXED" },
	{ 0x20, "MAP_ANONYMOUS" },
	{ 0x40, "MAP_32BIT" },
	{ 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" },
	{ 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" },
	{ 0x4000, "MAP_NORESERVE" },
	{ 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" },
	{ 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" },
	{ 0x80000, "MAP_SYNC" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" },
	{ 0x4000000, "MAP_UNINITIALIZED" },
	{ 0, NULL }
};
const struct xlat xlat_mmap_flags = { mmap_flag_entries, "MAP_???" };

/* The sharing type (flags & MAP_TYPE, 0xf) as strace names it: 0 is MAP_FILE. */
static const struct xlat_entry mmap_type_entries[] = {
	{ 0x0, "MAP_FILE" },
	{ 0x1, "MAP_SHARED" },
	{ 0x2, "MAP_PRIVATE" },
	{ 0x3, "MAP_SHARED_VALIDATE" },
	{ 0, NULL }
};
const struct xlat xlat_mmap_types = { mmap_type_entries, "MAP_???" };

static const struct xlat_entry arch_prctl_entries[] = {
	{ 0x1001, "ARCH_SET_GS" },
	{ 0x1002, "ARCH_SET_FS" },
	{ 0x1003, "ARCH_GET_FS" },
	{ 0x1004, "ARCH_GET_GS" },
	{ 0x1011, "ARCH_GET_CPUID" },
	{ 0x1012, "ARCH_SET_CPUID" },
	{ 0x1021, "ARCH_GET_XCOMP_SUPP" },
	{ 0x1022, "ARCH_GET_XCOMP_GUEST_PERM" },
	{ 0x1023, "ARCH_REQ_XCOMP_PERM" },
	{ 0x1024, "ARCH_GET_XCOMP_PERM" },
	{ 0x1025, "ARCH_REQ_XCOMP_GUEST_PERM" },
	{ 0x2001, "ARCH_MAP_VDSO_X32" },
	{ 0x2002, "ARCH_MAP_VDSO_32" },
	{ 0x2003, "ARCH_MAP_VDSO_64" },
	{ 0, NULL }
};
const struct xlat xlat_arch_prctl_codes = { arch_prctl_entries, "ARCH_???" };

static const struct xlat_entry rlimit_entries[] = {
	{ 0, "RLIMIT_CPU" },
	{ 1, "RLIMIT_FSIZE" },
	{ 2, "RLIMIT_DATA" },
	{ 3, "RLIMIT_STACK" },
	{ 4, "RLIMIT_CORE" },
	{ 5, "RLIMIT_RSS" },
	{ 6, "RLIMIT_NPROC" },
	{ 7, "RLIMIT_NOFILE" },
	{ 8, "RLIMIT_MEMLOCK" },
	{ 9, "RLIMIT_AS" },
	{ 10, "RLIMIT_LOCKS" },
	{ 11, "RLIMIT_SIGPENDING" },
	{ 12, "RLIMIT_MSGQUEUE" },
	{ 13, "RLIMIT_NICE" },
	{ 14, "RLIMIT_RTPRIO" },
	{ 15, "RLIMIT_RTTIME" },
	{ 0, NULL }
};
const struct xlat xlat_rlimit_resources = { rlimit_entries, "RLIMIT_???" };

static const struct xlat_entry getrandom_flag_entries[] = {
	{ 1, "GRND_NONBLOCK" },
	{ 2, "GRND_RANDOM" },
	{ 4, "GRND_INSECURE" },
	{ 0, NULL }
};
const struct xlat xlat_getrandom_flags = { getrandom_flag_entries, "GRND_???" };

static const struct xlat_entry futex_op_entries[] = {
	{ 0, "FUTEX_WAIT" },
	{ 1, "FUTEX_WAKE" },
	{ 2, "FUTEX_FD" },
	{ 3, "FUTEX_REQUEUE" },
	{ 4, "FUTEX_CMP_REQUEUE" },
	{ 5, "FUTEX_WAKE_OP" },
	{ 6, "FUTEX_LOCK_PI" },
	{ 7, "FUTEX_UNLOCK_PI" },
	{ 8, "FUTEX_TRYLOCK_PI" },
	{ 9, "FUTEX_WAIT_BITSET" },
	{ 10, "FUTEX_WAKE_BITSET" },
	{ 11, "FUTEX_WAIT_REQUEUE_PI" },
	{ 12, "FUTEX_CMP_REQUEUE_PI" },
	{ 13, "FUTEX_LOCK_PI2" },
	{ 0, NULL }
};
const struct xlat xlat_futex_ops = { futex_op_entries, "FUTEX_???" };

static const struct xlat_entry sa_flag_entries[] = {
	{ 0x04000000, "SA_RESTORER" },
	{ 0x08000000, "SA_ONSTACK" },
	{ 0x10000000, "SA_RESTART" },
	{ 0x20000000, "SA_INTERRUPT" },
	{ 0x40000000, "SA_NODEFER" },
	{ 0x80000000, "SA_RESETHAND" },
	{ 0x00000004, "SA_SIGINFO" },
	{ 0x00000001, "SA_NOCLDSTOP" },
	{ 0x00000002, "SA_NOCLDWAIT" },
	{ 0x00000400, "SA_UNSUPPORTED" },
	{ 0x00000800, "SA_EXPOSE_TAGBITS" },
	{ 0, NULL }
};
const struct xlat xlat_sa_flags = { sa_flag_entries, "SA_???" };

static const struct xlat_entry sigprocmask_how_entries[] = {
	{ 0, "SIG_BLOCK" },
	{ 1, "SIG_UNBLOCK" },
	{ 2, "SIG_SETMASK" },
	{ 0, NULL }
};
const struct xlat xlat_sigprocmask_how = { sigprocmask_how_entries, "SIG_???" };

static const struct xlat_entry sa_handler_entries[] = {
	{ 0, "SIG_DFL" },
	{ 1, "SIG_IGN" },
	{ 0, NULL }
};
const struct xlat xlat_sa_handlers = { sa_handler_entries, NULL };
