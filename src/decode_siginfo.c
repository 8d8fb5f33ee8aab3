/*
 * siginfo_t and wait statuses, as strace prints them in "--- SIGCHLD {...} ---"
 * lines and inside wait4's "[...]".
 *
 * The siginfo_t arrives as raw bytes in the tracer's layout (see siginfo.h), so
 * fields are read at explicit offsets for either word size instead of through
 * the host's siginfo_t: a 64-bit ctrace can be unit-tested on 32-bit layouts.
 *
 * Layout facts (include/uapi/asm-generic/siginfo.h): si_signo, si_errno and
 * si_code are three ints; the union follows at offset 16 on 64-bit (aligned for
 * its pointers and longs) and 12 on 32-bit.  Offsets below are relative to
 * the union and scale with the word size W.
 */
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/siginfo.h"
#include "ctrace/xlat.h"

enum {
	SIG_ILL = 4, SIG_TRAP = 5, SIG_BUS = 7, SIG_FPE = 8, SIG_SEGV = 11,
	SIG_CHLD = 17, SIG_POLL = 29, SIG_SYS = 31,
};

/* si_code values that change which fields follow. */
enum {
	CODE_USER = 0, CODE_QUEUE = -1, CODE_TIMER = -2, CODE_SIGIO = -5, CODE_TKILL = -6,
	CODE_CLD_EXITED = 1,
	CODE_SEGV_BNDERR = 3, CODE_SEGV_PKUERR = 4,
	CODE_BUS_MCEERR_AR = 4, CODE_BUS_MCEERR_AO = 5,
	CODE_POLL_IN = 1, CODE_POLL_OUT = 2, CODE_POLL_MSG = 3,
};

/* Which table names a positive (kernel-sent) si_code of each signal. */
static const struct {
	unsigned signo;
	const struct xlat *codes;
} signal_codes[] = {
	{ SIG_ILL, &xlat_sigill_codes },   { SIG_TRAP, &xlat_sigtrap_codes },
	{ SIG_BUS, &xlat_sigbus_codes },   { SIG_FPE, &xlat_sigfpe_codes },
	{ SIG_SEGV, &xlat_sigsegv_codes }, { SIG_CHLD, &xlat_sigchld_codes },
	{ SIG_POLL, &xlat_sigpoll_codes }, { SIG_SYS, &xlat_sigsys_codes },
};

static const struct xlat_entry audit_arch_entries[] = {
	{ 0xc000003e, "AUDIT_ARCH_X86_64" },
	{ 0x40000003, "AUDIT_ARCH_I386" },
	{ 0xc00000b7, "AUDIT_ARCH_AARCH64" },
	{ 0x40000028, "AUDIT_ARCH_ARM" },
	{ 0, NULL }
};
static const struct xlat xlat_audit_arch = { audit_arch_entries, "AUDIT_ARCH_???" };

/*
 * The bytes and their geometry.  Fields are in the tracer's byte order (the
 * kernel wrote them for us); reads past `len` yield 0, so a short buffer
 * cannot be over-read.
 */
struct si_reader {
	const unsigned char *bytes;
	size_t len;
	unsigned w;         /* word size */
	size_t u;           /* offset of the union */
};

static uint32_t rd32(const struct si_reader *r, size_t off)
{
	uint32_t v = 0;
	if (off + 4 <= r->len)
		memcpy(&v, r->bytes + off, 4);
	return v;
}

static int32_t rd_int(const struct si_reader *r, size_t off)
{
	return (int32_t)rd32(r, off);
}

static uint64_t rd_word(const struct si_reader *r, size_t off)
{
	if (r->w == 4)
		return rd32(r, off);
	uint64_t v = 0;
	if (off + 8 <= r->len)
		memcpy(&v, r->bytes + off, 8);
	return v;
}

/* A C long (si_band, si_utime): the word, sign-extended. */
static int64_t rd_long(const struct si_reader *r, size_t off)
{
	return r->w == 4 ? (int64_t)rd_int(r, off) : (int64_t)rd_word(r, off);
}

/* Union members, relative to r->u. */
/* U_PID is also si_timerid, si_band, si_addr and si_call_addr. */
#define U_PID(r)      ((r)->u)
#define U_UID(r)      ((r)->u + 4)              /* also si_overrun */
#define U_VALUE(r)    ((r)->u + 8)              /* sigval: si_int / si_ptr; also si_status */
#define U_UTIME(r)    ((r)->u + 8 + (r)->w)     /* after si_status, aligned to a word */
#define U_STIME(r)    (U_UTIME(r) + (r)->w)
#define U_AFTER_ADDR(r) ((r)->u + (r)->w)       /* si_addr_lsb, si_fd, si_syscall */
#define U_LOWER(r)    ((r)->u + 2 * (r)->w)     /* si_lower, si_pkey */
#define U_UPPER(r)    ((r)->u + 3 * (r)->w)

/* si_uid is unsigned, but strace shows (uid_t)-1 as -1. */
static struct val *uid_val(struct arena *a, const char *name, uint32_t uid)
{
	return uid == UINT32_MAX ? val_int(a, name, -1) : val_uint(a, name, uid);
}

static void add_source(struct arena *a, struct val *s, const struct si_reader *r)
{
	val_add(s, val_int(a, "si_pid", rd_int(r, U_PID(r))));
	val_add(s, uid_val(a, "si_uid", rd32(r, U_UID(r))));
}

static void add_sigval(struct arena *a, struct val *s, const struct si_reader *r)
{
	val_add(s, val_int(a, "si_int", rd_int(r, U_VALUE(r))));
	val_add(s, val_ptr(a, "si_ptr", rd_word(r, U_VALUE(r))));
}

static struct val *signal_val(struct arena *a, const char *name, int sig)
{
	return sig < 0 ? val_int(a, name, sig) : val_signal(a, name, (unsigned)sig);
}

static struct val *si_code_val(struct arena *a, int signo, int code)
{
	const struct xlat *table = &xlat_si_codes;

	/* The generic codes first: SI_KERNEL means the same for every signal. */
	if (!xlat_name(table, (uint32_t)code)) {
		table = NULL;
		for (size_t i = 0; i < sizeof(signal_codes) / sizeof(signal_codes[0]); i++)
			if (signal_codes[i].signo == (unsigned)signo &&
			    xlat_name(signal_codes[i].codes, (uint32_t)code))
				table = signal_codes[i].codes;
	}
	/* strace shows an unnamed code as bare unsigned hex: "si_code=0xfffffff6". */
	if (!table)
		return val_hex(a, "si_code", (uint32_t)code);
	return val_enum(a, "si_code", (uint32_t)code, table);
}

/* si_code <= 0: sent by a process; the code alone says what follows. */
static void add_user_fields(struct arena *a, struct val *s, const struct si_reader *r, int code)
{
	switch (code) {
	case CODE_USER:
	case CODE_TKILL:
		add_source(a, s, r);
		break;
	case CODE_TIMER:
		val_add(s, val_hex(a, "si_timerid", rd32(r, U_PID(r))));
		val_add(s, val_int(a, "si_overrun", rd_int(r, U_UID(r))));
		add_sigval(a, s, r);
		break;
	case CODE_SIGIO:
		val_add(s, val_int(a, "si_band", rd_long(r, U_PID(r))));
		val_add(s, val_fd(a, "si_fd", rd_int(r, U_AFTER_ADDR(r))));
		break;
	default:        /* SI_QUEUE, SI_MESGQ, ...: the value only when there is one */
		add_source(a, s, r);
		if (rd_word(r, U_VALUE(r)))
			add_sigval(a, s, r);
		break;
	}
}

static void add_syscall_fields(struct arena *a, struct val *s, const struct si_reader *r)
{
	int nr = rd_int(r, U_AFTER_ADDR(r));
	uint32_t audit = rd32(r, U_AFTER_ADDR(r) + 4);
	const struct arch *arch = arch_by_audit(audit);
	const struct syscall_desc *desc = arch && nr >= 0 ? arch_syscall(arch, (uint64_t)nr) : NULL;

	val_add(s, val_ptr(a, "si_call_addr", rd_word(r, U_PID(r))));
	if (desc && desc->name)
		val_add(s, val_text(a, "si_syscall", arena_printf(a, "__NR_%s", desc->name)));
	else
		val_add(s, val_uint(a, "si_syscall", (uint32_t)nr));
	val_add(s, val_enum(a, "si_arch", audit, &xlat_audit_arch));
}

/* si_code > 0: sent by the kernel; the signal says what follows. */
static void add_kernel_fields(struct arena *a, struct val *s, const struct si_reader *r,
			      int signo, int code)
{
	switch (signo) {
	case SIG_CHLD:
		add_source(a, s, r);
		if (code == CODE_CLD_EXITED)
			val_add(s, val_int(a, "si_status", rd_int(r, U_VALUE(r))));
		else
			val_add(s, signal_val(a, "si_status", rd_int(r, U_VALUE(r))));
		val_add(s, val_int(a, "si_utime", rd_long(r, U_UTIME(r))));
		val_add(s, val_int(a, "si_stime", rd_long(r, U_STIME(r))));
		break;
	case SIG_ILL:
	case SIG_FPE:
	case SIG_TRAP:
		val_add(s, val_ptr(a, "si_addr", rd_word(r, U_PID(r))));
		break;
	case SIG_BUS:
		val_add(s, val_ptr(a, "si_addr", rd_word(r, U_PID(r))));
		if (code == CODE_BUS_MCEERR_AR || code == CODE_BUS_MCEERR_AO) {
			uint16_t lsb = 0;
			if (U_AFTER_ADDR(r) + 2 <= r->len)
				memcpy(&lsb, r->bytes + U_AFTER_ADDR(r), 2);
			val_add(s, val_hex(a, "si_addr_lsb", lsb));
		}
		break;
	case SIG_SEGV:
		val_add(s, val_ptr(a, "si_addr", rd_word(r, U_PID(r))));
		if (code == CODE_SEGV_BNDERR) {
			val_add(s, val_ptr(a, "si_lower", rd_word(r, U_LOWER(r))));
			val_add(s, val_ptr(a, "si_upper", rd_word(r, U_UPPER(r))));
		} else if (code == CODE_SEGV_PKUERR) {
			val_add(s, val_uint(a, "si_pkey", rd32(r, U_LOWER(r))));
		}
		break;
	case SIG_POLL:
		if (code == CODE_POLL_IN || code == CODE_POLL_OUT || code == CODE_POLL_MSG) {
			val_add(s, val_int(a, "si_band", rd_long(r, U_PID(r))));
			val_add(s, val_fd(a, "si_fd", rd_int(r, U_AFTER_ADDR(r))));
		}
		break;
	case SIG_SYS:
		add_syscall_fields(a, s, r);
		break;
	default:        /* e.g. SI_KERNEL for SIGTSTP: only what is there */
		if (rd_int(r, U_PID(r)) || rd32(r, U_UID(r)))
			add_source(a, s, r);
		if (rd_word(r, U_VALUE(r)))
			add_sigval(a, s, r);
		break;
	}
}

struct val *decode_siginfo(struct arena *a, const void *bytes, size_t len, unsigned word_size)
{
	const struct si_reader r = {
		.bytes = bytes,
		.len = len,
		.w = word_size == 4 ? 4 : 8,
		.u = word_size == 4 ? 12 : 16,
	};
	struct val *s = val_struct(a, NULL);
	int signo = rd_int(&r, 0);
	int err = rd_int(&r, 4);
	int code = rd_int(&r, 8);

	if (!signo)
		return s;       /* "{}": no signal information at all */

	val_add(s, signal_val(a, "si_signo", signo));
	val_add(s, si_code_val(a, signo, code));
	if (err) {
		struct val *e = val_new(a, VAL_ERRNO, "si_errno");
		e->u = (uint32_t)err;
		val_add(s, e);
	}
	/* SI_KERNEL (0x80) is positive: the kernel sent it, so the signal decides. */
	if (code <= 0)
		add_user_fields(a, s, &r, code);
	else
		add_kernel_fields(a, s, &r, signo, code);
	return s;
}

/*
 * Wait statuses.  strace has no constructor syntax to show, so it writes the
 * test a program would make: "{WIFEXITED(s) && WEXITSTATUS(s) == 0}", then any
 * bits that test does not account for: the ptrace event in bits 16-23 by name
 * ("| PTRACE_EVENT_FORK << 16") and the rest in hex ("| 0x80").
 */
static const struct xlat_entry ptrace_event_entries[] = {
	{ 1, "PTRACE_EVENT_FORK" }, { 2, "PTRACE_EVENT_VFORK" }, { 3, "PTRACE_EVENT_CLONE" },
	{ 4, "PTRACE_EVENT_EXEC" }, { 5, "PTRACE_EVENT_VFORK_DONE" }, { 6, "PTRACE_EVENT_EXIT" },
	{ 7, "PTRACE_EVENT_SECCOMP" }, { 128, "PTRACE_EVENT_STOP" },
	{ 0, NULL }
};
static const struct xlat xlat_ptrace_events = { ptrace_event_entries, "PTRACE_EVENT_???" };

/* "SIGSEGV", or the number, as strace's wait status text shows signals. */
static const char *sig_text(struct arena *a, unsigned sig)
{
	const char *name = signal_name(sig);
	return name ? name : arena_printf(a, "%u", sig);
}

struct val *decode_wait_status(struct arena *a, int status)
{
	unsigned s = (unsigned)status;
	const char *text;

	/* Tested in the order of strace, which matters for odd values like 0x137f. */
	if ((s & 0xff) == 0x7f) {                            /* WIFSTOPPED */
		unsigned sig = (s >> 8) & 0xff;
		/* 0x80: PTRACE_O_TRACESYSGOOD's syscall-stop marker */
		text = arena_printf(a, "{WIFSTOPPED(s) && WSTOPSIG(s) == %s%s}",
				    sig_text(a, sig & 0x7f), sig & 0x80 ? " | 0x80" : "");
		s &= ~0xffffu;
	} else if ((s & 0x7f) != 0 && (s & 0x7f) != 0x7f) {  /* WIFSIGNALED */
		text = arena_printf(a, "{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}",
				    sig_text(a, s & 0x7f), s & 0x80 ? " && WCOREDUMP(s)" : "");
		s &= ~0xffu;
	} else if ((s & 0x7f) == 0) {                        /* WIFEXITED */
		text = arena_printf(a, "{WIFEXITED(s) && WEXITSTATUS(s) == %u}", (s >> 8) & 0xff);
		s &= ~0xff00u;
	} else if (s == 0xffff) {                            /* WIFCONTINUED */
		text = "{WIFCONTINUED(s)}";
		s = 0;
	} else {                                /* no macro matches: the number itself */
		return val_hex(a, NULL, s);
	}

	if (s >> 16) {
		const char *event = xlat_name(&xlat_ptrace_events, s >> 16);
		text = event ? arena_printf(a, "%s | %s << 16", text, event)
			     : arena_printf(a, "%s | %#x /* %s */ << 16", text, s >> 16,
					    xlat_ptrace_events.unknown);
		s &= 0xffff;
	}
	if (s)
		text = arena_printf(a, "%s | %#x", text, s);
	return val_text(a, NULL, text);
}
