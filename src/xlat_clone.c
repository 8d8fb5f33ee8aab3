/*
 * CLONE_* flag tables for clone, clone3, unshare and setns.
 *
 * Values come from the kernel's include/uapi/linux/sched.h; they are written
 * out here rather than taken from the host's headers so that an old build
 * host still names the newest bits.  The printer names bits in table order,
 * so the order of the rows is strace 6.1's printing order, checked against
 * its output on x86_64:
 *
 *   clone(2)  ascending bit order, CLONE_VM .. CLONE_IO, and nothing above
 *             bit 31: "flags=CLONE_PARENT_SETTID|0x100000000|SIGCHLD" for
 *             CLONE_CLEAR_SIGHAND.  CLONE_DETACHED (0x400000, ignored by the
 *             kernel) is not named either: "CLONE_UNTRACED|CLONE_IO|0x400000".
 *   clone3    the clone(2) rows, then CLONE_NEWTIME, CLONE_CLEAR_SIGHAND and
 *             CLONE_INTO_CGROUP: "CLONE_VM|CLONE_SETTLS|CLONE_NEWTIME|...".
 *   unshare   its own subset, CLONE_NEWTIME first:
 *             "CLONE_NEWTIME|CLONE_VM|CLONE_FS|...", while CLONE_PTRACE, CLONE_IO
 *             and other bits unshare rejects print in hex: "CLONE_FS|0x2000".
 *   setns     the namespace bits only, CLONE_NEWTIME first; a value with no
 *             known bit is commented "CLONE_NEW???" rather than "CLONE_???".
 */
#include "ctrace/xlat.h"

#define ROW(value, name) { value, name },

/*
 * clone(2)'s table.  CLONE_NEWTIME (0x80) lies inside CSIGNAL, so clone(2)
 * can never mean it: it is not here.
 */
#define CLONE2_ROWS \
	ROW(0x00000100, "CLONE_VM") \
	ROW(0x00000200, "CLONE_FS") \
	ROW(0x00000400, "CLONE_FILES") \
	ROW(0x00000800, "CLONE_SIGHAND") \
	ROW(0x00001000, "CLONE_PIDFD") \
	ROW(0x00002000, "CLONE_PTRACE") \
	ROW(0x00004000, "CLONE_VFORK") \
	ROW(0x00008000, "CLONE_PARENT") \
	ROW(0x00010000, "CLONE_THREAD") \
	ROW(0x00020000, "CLONE_NEWNS") \
	ROW(0x00040000, "CLONE_SYSVSEM") \
	ROW(0x00080000, "CLONE_SETTLS") \
	ROW(0x00100000, "CLONE_PARENT_SETTID") \
	ROW(0x00200000, "CLONE_CHILD_CLEARTID") \
	ROW(0x00800000, "CLONE_UNTRACED") \
	ROW(0x01000000, "CLONE_CHILD_SETTID") \
	ROW(0x02000000, "CLONE_NEWCGROUP") \
	ROW(0x04000000, "CLONE_NEWUTS") \
	ROW(0x08000000, "CLONE_NEWIPC") \
	ROW(0x10000000, "CLONE_NEWUSER") \
	ROW(0x20000000, "CLONE_NEWPID") \
	ROW(0x40000000, "CLONE_NEWNET") \
	ROW(0x80000000, "CLONE_IO")

/* Bits only clone3's 64-bit flags field can carry, printed after the rest. */
#define CLONE3_ONLY_ROWS \
	ROW(0x00000080, "CLONE_NEWTIME") \
	ROW(0x100000000ULL, "CLONE_CLEAR_SIGHAND") \
	ROW(0x200000000ULL, "CLONE_INTO_CGROUP")

static const struct xlat_entry clone_flag_entries[] = {
	CLONE2_ROWS
	CLONE3_ONLY_ROWS
	{ 0, NULL }
};

static const struct xlat_entry clone2_flag_entries[] = {
	CLONE2_ROWS
	{ 0, NULL }
};

static const struct xlat_entry unshare_flag_entries[] = {
	ROW(0x00000080, "CLONE_NEWTIME")
	ROW(0x00000100, "CLONE_VM")
	ROW(0x00000200, "CLONE_FS")
	ROW(0x00000400, "CLONE_FILES")
	ROW(0x00000800, "CLONE_SIGHAND")
	ROW(0x00010000, "CLONE_THREAD")
	ROW(0x00020000, "CLONE_NEWNS")
	ROW(0x00040000, "CLONE_SYSVSEM")
	ROW(0x02000000, "CLONE_NEWCGROUP")
	ROW(0x04000000, "CLONE_NEWUTS")
	ROW(0x08000000, "CLONE_NEWIPC")
	ROW(0x10000000, "CLONE_NEWUSER")
	ROW(0x20000000, "CLONE_NEWPID")
	ROW(0x40000000, "CLONE_NEWNET")
	{ 0, NULL }
};

static const struct xlat_entry setns_type_entries[] = {
	ROW(0x00000080, "CLONE_NEWTIME")
	ROW(0x00020000, "CLONE_NEWNS")
	ROW(0x02000000, "CLONE_NEWCGROUP")
	ROW(0x04000000, "CLONE_NEWUTS")
	ROW(0x08000000, "CLONE_NEWIPC")
	ROW(0x10000000, "CLONE_NEWUSER")
	ROW(0x20000000, "CLONE_NEWPID")
	ROW(0x40000000, "CLONE_NEWNET")
	{ 0, NULL }
};

/* Every CLONE_* bit, in clone3's printing order. */
const struct xlat xlat_clone_flags = { clone_flag_entries, "CLONE_???" };
/* clone(2)'s flags argument (its low byte, CSIGNAL, is the exit signal). */
const struct xlat xlat_clone2_flags = { clone2_flag_entries, "CLONE_???" };
const struct xlat xlat_unshare_flags = { unshare_flag_entries, "CLONE_???" };
const struct xlat xlat_setns_types = { setns_type_entries, "CLONE_NEW???" };
