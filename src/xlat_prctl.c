/*
 * Tables of the prctl decoder (src/decode_prctl.c), from <linux/prctl.h>,
 * <linux/capability.h>, <linux/securebits.h> and <linux/seccomp.h>.
 */
#include "ctrace/xlat_calls.h"

static const struct xlat_entry prctl_option_entries[] = {
	{ 1, "PR_SET_PDEATHSIG" },
	{ 2, "PR_GET_PDEATHSIG" },
	{ 3, "PR_GET_DUMPABLE" },
	{ 4, "PR_SET_DUMPABLE" },
	{ 5, "PR_GET_UNALIGN" },
	{ 6, "PR_SET_UNALIGN" },
	{ 7, "PR_GET_KEEPCAPS" },
	{ 8, "PR_SET_KEEPCAPS" },
	{ 9, "PR_GET_FPEMU" },
	{ 10, "PR_SET_FPEMU" },
	{ 11, "PR_GET_FPEXC" },
	{ 12, "PR_SET_FPEXC" },
	{ 13, "PR_GET_TIMING" },
	{ 14, "PR_SET_TIMING" },
	{ 15, "PR_SET_NAME" },
	{ 16, "PR_GET_NAME" },
	{ 19, "PR_GET_ENDIAN" },
	{ 20, "PR_SET_ENDIAN" },
	{ 21, "PR_GET_SECCOMP" },
	{ 22, "PR_SET_SECCOMP" },
	{ 23, "PR_CAPBSET_READ" },
	{ 24, "PR_CAPBSET_DROP" },
	{ 25, "PR_GET_TSC" },
	{ 26, "PR_SET_TSC" },
	{ 27, "PR_GET_SECUREBITS" },
	{ 28, "PR_SET_SECUREBITS" },
	{ 29, "PR_SET_TIMERSLACK" },
	{ 30, "PR_GET_TIMERSLACK" },
	{ 31, "PR_TASK_PERF_EVENTS_DISABLE" },
	{ 32, "PR_TASK_PERF_EVENTS_ENABLE" },
	{ 33, "PR_MCE_KILL" },
	{ 34, "PR_MCE_KILL_GET" },
	{ 35, "PR_SET_MM" },
	{ 36, "PR_SET_CHILD_SUBREAPER" },
	{ 37, "PR_GET_CHILD_SUBREAPER" },
	{ 38, "PR_SET_NO_NEW_PRIVS" },
	{ 39, "PR_GET_NO_NEW_PRIVS" },
	{ 40, "PR_GET_TID_ADDRESS" },
	{ 41, "PR_SET_THP_DISABLE" },
	{ 42, "PR_GET_THP_DISABLE" },
	{ 43, "PR_MPX_ENABLE_MANAGEMENT" },
	{ 44, "PR_MPX_DISABLE_MANAGEMENT" },
	{ 45, "PR_SET_FP_MODE" },
	{ 46, "PR_GET_FP_MODE" },
	{ 47, "PR_CAP_AMBIENT" },
	{ 50, "PR_SVE_SET_VL" },
	{ 51, "PR_SVE_GET_VL" },
	{ 52, "PR_GET_SPECULATION_CTRL" },
	{ 53, "PR_SET_SPECULATION_CTRL" },
	{ 54, "PR_PAC_RESET_KEYS" },
	{ 55, "PR_SET_TAGGED_ADDR_CTRL" },
	{ 56, "PR_GET_TAGGED_ADDR_CTRL" },
	{ 57, "PR_SET_IO_FLUSHER" },
	{ 58, "PR_GET_IO_FLUSHER" },
	{ 59, "PR_SET_SYSCALL_USER_DISPATCH" },
	{ 60, "PR_PAC_SET_ENABLED_KEYS" },
	{ 61, "PR_PAC_GET_ENABLED_KEYS" },
	{ 62, "PR_SCHED_CORE" },
	{ 63, "PR_SME_SET_VL" },
	{ 64, "PR_SME_GET_VL" },
	{ 0x53564d41, "PR_SET_VMA" },
	{ 0x59616d61, "PR_SET_PTRACER" },
	{ 0, NULL }
};
const struct xlat xlat_prctl_options = { prctl_option_entries, "PR_???" };

static const struct xlat_entry dumpable_entries[] = {
	{ 0, "SUID_DUMP_DISABLE" },
	{ 1, "SUID_DUMP_USER" },
	{ 2, "SUID_DUMP_ROOT" },
	{ 0, NULL }
};
const struct xlat xlat_prctl_dumpable = { dumpable_entries, "SUID_DUMP_???" };

static const struct xlat_entry cap_entries[] = {
	{ 0, "CAP_CHOWN" },
	{ 1, "CAP_DAC_OVERRIDE" },
	{ 2, "CAP_DAC_READ_SEARCH" },
	{ 3, "CAP_FOWNER" },
	{ 4, "CAP_FSETID" },
	{ 5, "CAP_KILL" },
	{ 6, "CAP_SETGID" },
	{ 7, "CAP_SETUID" },
	{ 8, "CAP_SETPCAP" },
	{ 9, "CAP_LINUX_IMMUTABLE" },
	{ 10, "CAP_NET_BIND_SERVICE" },
	{ 11, "CAP_NET_BROADCAST" },
	{ 12, "CAP_NET_ADMIN" },
	{ 13, "CAP_NET_RAW" },
	{ 14, "CAP_IPC_LOCK" },
	{ 15, "CAP_IPC_OWNER" },
	{ 16, "CAP_SYS_MODULE" },
	{ 17, "CAP_SYS_RAWIO" },
	{ 18, "CAP_SYS_CHROOT" },
	{ 19, "CAP_SYS_PTRACE" },
	{ 20, "CAP_SYS_PACCT" },
	{ 21, "CAP_SYS_ADMIN" },
	{ 22, "CAP_SYS_BOOT" },
	{ 23, "CAP_SYS_NICE" },
	{ 24, "CAP_SYS_RESOURCE" },
	{ 25, "CAP_SYS_TIME" },
	{ 26, "CAP_SYS_TTY_CONFIG" },
	{ 27, "CAP_MKNOD" },
	{ 28, "CAP_LEASE" },
	{ 29, "CAP_AUDIT_WRITE" },
	{ 30, "CAP_AUDIT_CONTROL" },
	{ 31, "CAP_SETFCAP" },
	{ 32, "CAP_MAC_OVERRIDE" },
	{ 33, "CAP_MAC_ADMIN" },
	{ 34, "CAP_SYSLOG" },
	{ 35, "CAP_WAKE_ALARM" },
	{ 36, "CAP_BLOCK_SUSPEND" },
	{ 37, "CAP_AUDIT_READ" },
	{ 38, "CAP_PERFMON" },
	{ 39, "CAP_BPF" },
	{ 40, "CAP_CHECKPOINT_RESTORE" },
	{ 0, NULL }
};
const struct xlat xlat_capabilities = { cap_entries, "CAP_???" };

static const struct xlat_entry securebits_entries[] = {
	{ 1 << 0, "SECBIT_NOROOT" },
	{ 1 << 1, "SECBIT_NOROOT_LOCKED" },
	{ 1 << 2, "SECBIT_NO_SETUID_FIXUP" },
	{ 1 << 3, "SECBIT_NO_SETUID_FIXUP_LOCKED" },
	{ 1 << 4, "SECBIT_KEEP_CAPS" },
	{ 1 << 5, "SECBIT_KEEP_CAPS_LOCKED" },
	{ 1 << 6, "SECBIT_NO_CAP_AMBIENT_RAISE" },
	{ 1 << 7, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED" },
	{ 0, NULL }
};
const struct xlat xlat_securebits = { securebits_entries, "SECBIT_???" };

static const struct xlat_entry cap_ambient_entries[] = {
	{ 1, "PR_CAP_AMBIENT_IS_SET" },
	{ 2, "PR_CAP_AMBIENT_RAISE" },
	{ 3, "PR_CAP_AMBIENT_LOWER" },
	{ 4, "PR_CAP_AMBIENT_CLEAR_ALL" },
	{ 0, NULL }
};
const struct xlat xlat_cap_ambient_ops = { cap_ambient_entries, "PR_CAP_AMBIENT_???" };

static const struct xlat_entry seccomp_mode_entries[] = {
	{ 0, "SECCOMP_MODE_DISABLED" },
	{ 1, "SECCOMP_MODE_STRICT" },
	{ 2, "SECCOMP_MODE_FILTER" },
	{ 0, NULL }
};
const struct xlat xlat_seccomp_modes = { seccomp_mode_entries, "SECCOMP_MODE_???" };

static const struct xlat_entry mce_kill_entries[] = {
	{ 0, "PR_MCE_KILL_CLEAR" },
	{ 1, "PR_MCE_KILL_SET" },
	{ 0, NULL }
};
const struct xlat xlat_mce_kill_ops = { mce_kill_entries, "PR_MCE_KILL_???" };

static const struct xlat_entry mce_kill_policy_entries[] = {
	{ 0, "PR_MCE_KILL_LATE" },
	{ 1, "PR_MCE_KILL_EARLY" },
	{ 2, "PR_MCE_KILL_DEFAULT" },
	{ 0, NULL }
};
const struct xlat xlat_mce_kill_policies = { mce_kill_policy_entries, "PR_MCE_KILL_???" };

static const struct xlat_entry tsc_entries[] = {
	{ 1, "PR_TSC_ENABLE" },
	{ 2, "PR_TSC_SIGSEGV" },
	{ 0, NULL }
};
const struct xlat xlat_prctl_tsc = { tsc_entries, "PR_TSC_???" };

static const struct xlat_entry set_vma_entries[] = {
	{ 0, "PR_SET_VMA_ANON_NAME" },
	{ 0, NULL }
};
const struct xlat xlat_prctl_set_vma = { set_vma_entries, "PR_SET_VMA_???" };

static const struct xlat_entry set_mm_entries[] = {
	{ 1, "PR_SET_MM_START_CODE" },
	{ 2, "PR_SET_MM_END_CODE" },
	{ 3, "PR_SET_MM_START_DATA" },
	{ 4, "PR_SET_MM_END_DATA" },
	{ 5, "PR_SET_MM_START_STACK" },
	{ 6, "PR_SET_MM_START_BRK" },
	{ 7, "PR_SET_MM_BRK" },
	{ 8, "PR_SET_MM_ARG_START" },
	{ 9, "PR_SET_MM_ARG_END" },
	{ 10, "PR_SET_MM_ENV_START" },
	{ 11, "PR_SET_MM_ENV_END" },
	{ 12, "PR_SET_MM_AUXV" },
	{ 13, "PR_SET_MM_EXE_FILE" },
	{ 14, "PR_SET_MM_MAP" },
	{ 15, "PR_SET_MM_MAP_SIZE" },
	{ 0, NULL }
};
const struct xlat xlat_prctl_set_mm = { set_mm_entries, "PR_SET_MM_???" };
