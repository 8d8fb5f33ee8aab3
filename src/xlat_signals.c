/*
 * Signal names and si_code names.
 *
 * i386, x86_64 and aarch64 share the "generic" Linux signal numbering
 * (asm-generic/signal.h and arch/x86/include/uapi/asm/signal.h agree), so a
 * single table serves all three.  Real-time signals have no fixed names:
 * strace calls the kernel's SIGRTMIN (32, not glibc's, which is 34)
 * "SIGRTMIN" and signal 32 + n "SIGRT_n", up to SIGRT_32 for signal 64.
 */
#include <stddef.h>

#include "ctrace/xlat.h"

static const struct xlat_entry signal_entries[] = {
	{ 1, "SIGHUP" },     { 2, "SIGINT" },     { 3, "SIGQUIT" },   { 4, "SIGILL" },
	{ 5, "SIGTRAP" },    { 6, "SIGABRT" },    { 7, "SIGBUS" },    { 8, "SIGFPE" },
	{ 9, "SIGKILL" },    { 10, "SIGUSR1" },   { 11, "SIGSEGV" },  { 12, "SIGUSR2" },
	{ 13, "SIGPIPE" },   { 14, "SIGALRM" },   { 15, "SIGTERM" },  { 16, "SIGSTKFLT" },
	{ 17, "SIGCHLD" },   { 18, "SIGCONT" },   { 19, "SIGSTOP" },  { 20, "SIGTSTP" },
	{ 21, "SIGTTIN" },   { 22, "SIGTTOU" },   { 23, "SIGURG" },   { 24, "SIGXCPU" },
	{ 25, "SIGXFSZ" },   { 26, "SIGVTALRM" }, { 27, "SIGPROF" },  { 28, "SIGWINCH" },
	/* SIGPOLL is the same signal; strace prints SIGIO. */
	{ 29, "SIGIO" },     { 30, "SIGPWR" },    { 31, "SIGSYS" },
	{ 0, NULL }
};

const struct xlat xlat_signals = { signal_entries, NULL };

#define SIG_RTMIN 32    /* the kernel's, see above */
#define SIG_MAX   64    /* _NSIG on all three architectures */

/* Index n: the name of signal SIG_RTMIN + n.  Static strings: no shared buffer. */
static const char *const rt_signal_names[SIG_MAX - SIG_RTMIN + 1] = {
	"SIGRTMIN", "SIGRT_1", "SIGRT_2", "SIGRT_3", "SIGRT_4", "SIGRT_5", "SIGRT_6",
	"SIGRT_7", "SIGRT_8", "SIGRT_9", "SIGRT_10", "SIGRT_11", "SIGRT_12", "SIGRT_13",
	"SIGRT_14", "SIGRT_15", "SIGRT_16", "SIGRT_17", "SIGRT_18", "SIGRT_19", "SIGRT_20",
	"SIGRT_21", "SIGRT_22", "SIGRT_23", "SIGRT_24", "SIGRT_25", "SIGRT_26", "SIGRT_27",
	"SIGRT_28", "SIGRT_29", "SIGRT_30", "SIGRT_31", "SIGRT_32",
};

const char *signal_name(unsigned sig)
{
	if (sig >= SIG_RTMIN && sig <= SIG_MAX)
		return rt_signal_names[sig - SIG_RTMIN];
	/* 0 ("kill(pid, 0)") and out-of-range numbers print as numbers. */
	return xlat_name(&xlat_signals, sig);
}

/*
 * si_code names.  Values at or below zero say who sent the signal and mean
 * the same for every signal; positive values are per signal.  Values are
 * stored as the unsigned 32-bit si_code, which is how the decoder looks them up.
 */
#define NEG(n) ((uint64_t)(uint32_t)(n))

static const struct xlat_entry si_code_entries[] = {
	{ 0, "SI_USER" },             /* kill(2) */
	{ 0x80, "SI_KERNEL" },
	{ NEG(-1), "SI_QUEUE" },      /* sigqueue(3) */
	{ NEG(-2), "SI_TIMER" },      /* POSIX timer expiry */
	{ NEG(-3), "SI_MESGQ" },
	{ NEG(-4), "SI_ASYNCIO" },
	{ NEG(-5), "SI_SIGIO" },
	{ NEG(-6), "SI_TKILL" },      /* tkill(2), tgkill(2) */
	{ NEG(-7), "SI_DETHREAD" },   /* sent by execve() killing subthreads */
	{ NEG(-60), "SI_ASYNCNL" },   /* glibc's getaddrinfo_a() */
	{ 0, NULL }
};
const struct xlat xlat_si_codes = { si_code_entries, NULL };

static const struct xlat_entry sigchld_code_entries[] = {
	{ 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" },
	{ 4, "CLD_TRAPPED" }, { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" },
	{ 0, NULL }
};
const struct xlat xlat_sigchld_codes = { sigchld_code_entries, NULL };

static const struct xlat_entry sigsegv_code_entries[] = {
	{ 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" }, { 3, "SEGV_BNDERR" },
	{ 4, "SEGV_PKUERR" }, { 5, "SEGV_ACCADI" }, { 6, "SEGV_ADIDERR" },
	{ 7, "SEGV_ADIPERR" }, { 8, "SEGV_MTEAERR" }, { 9, "SEGV_MTESERR" },
	{ 0, NULL }
};
const struct xlat xlat_sigsegv_codes = { sigsegv_code_entries, NULL };

static const struct xlat_entry sigbus_code_entries[] = {
	{ 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" },
	{ 4, "BUS_MCEERR_AR" }, { 5, "BUS_MCEERR_AO" },
	{ 0, NULL }
};
const struct xlat xlat_sigbus_codes = { sigbus_code_entries, NULL };

static const struct xlat_entry sigill_code_entries[] = {
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" },
	{ 4, "ILL_ILLTRP" }, { 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" },
	{ 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" }, { 9, "ILL_BADIADDR" },
	{ 0, NULL }
};
const struct xlat xlat_sigill_codes = { sigill_code_entries, NULL };

/* 9-13 are ia64-only codes that these architectures never send. */
static const struct xlat_entry sigfpe_code_entries[] = {
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" },
	{ 4, "FPE_FLTOVF" }, { 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" },
	{ 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" }, { 14, "FPE_FLTUNK" },
	{ 15, "FPE_CONDTRAP" },
	{ 0, NULL }
};
const struct xlat xlat_sigfpe_codes = { sigfpe_code_entries, NULL };

static const struct xlat_entry sigtrap_code_entries[] = {
	{ 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" }, { 3, "TRAP_BRANCH" },
	{ 4, "TRAP_HWBKPT" }, { 5, "TRAP_UNK" }, { 6, "TRAP_PERF" },
	{ 0, NULL }
};
const struct xlat xlat_sigtrap_codes = { sigtrap_code_entries, NULL };

static const struct xlat_entry sigpoll_code_entries[] = {
	{ 1, "POLL_IN" }, { 2, "POLL_OUT" }, { 3, "POLL_MSG" },
	{ 4, "POLL_ERR" }, { 5, "POLL_PRI" }, { 6, "POLL_HUP" },
	{ 0, NULL }
};
const struct xlat xlat_sigpoll_codes = { sigpoll_code_entries, NULL };

static const struct xlat_entry sigsys_code_entries[] = {
	{ 1, "SYS_SECCOMP" }, { 2, "SYS_USER_DISPATCH" },
	{ 0, NULL }
};
const struct xlat xlat_sigsys_codes = { sigsys_code_entries, NULL };
