/* siginfo_t and wait statuses, against lines strace 6.1 printed on x86_64. */
#include <stdio.h>
#include <string.h>

#include "ctrace/print.h"
#include "ctrace/siginfo.h"
#include "unit.h"

/* A siginfo_t built field by field at the layout's offsets. */
struct si {
	unsigned char b[128];
	unsigned w, u;
};

static void si_init(struct si *s, unsigned word_size, int signo, int err, int code)
{
	memset(s, 0, sizeof(*s));
	s->w = word_size;
	s->u = word_size == 4 ? 12 : 16;
	memcpy(s->b, &signo, 4);
	memcpy(s->b + 4, &err, 4);
	memcpy(s->b + 8, &code, 4);
}

static void si_int(struct si *s, unsigned off, int32_t v)
{
	memcpy(s->b + s->u + off, &v, 4);
}

static void si_word(struct si *s, unsigned off, uint64_t v)
{
	if (s->w == 4) {
		uint32_t v32 = (uint32_t)v;
		memcpy(s->b + s->u + off, &v32, 4);
	} else {
		memcpy(s->b + s->u + off, &v, 8);
	}
}

static char text[512];

static const char *fmt(const struct si *s)
{
	struct arena a = { 0 };
	struct strbuf sb = STRBUF_INIT;
	strace_format_val(&sb, decode_siginfo(&a, s->b, sizeof(s->b), s->w));
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	arena_free(&a);
	return text;
}

static const char *fmt_status(int status)
{
	struct arena a = { 0 };
	struct strbuf sb = STRBUF_INIT;
	strace_format_val(&sb, decode_wait_status(&a, status));
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	arena_free(&a);
	return text;
}

START_TEST(sent_by_processes)
{
	static const unsigned sizes[] = { 8, 4 };
	for (int i = 0; i < 2; i++) {
		struct si s;
		unsigned w = sizes[i];
		si_init(&s, w, 10, 0, 0);
		si_int(&s, 0, 2109);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=2109, si_uid=0}");

		si_init(&s, w, 10, 0, -6);
		si_int(&s, 0, 77);
		si_int(&s, 4, -1);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=77, si_uid=-1}");

		/* SI_QUEUE shows the value only when it is not zero */
		si_init(&s, w, 10, 0, -1);
		si_int(&s, 0, 77);
		si_int(&s, 4, -1);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=77, si_uid=-1}");
		si_init(&s, w, 12, 2, -1);
		si_int(&s, 0, 77);
		si_int(&s, 4, -1);
		si_word(&s, 8, 0x1234567);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGUSR2, si_code=SI_QUEUE, si_errno=ENOENT, "
			"si_pid=77, si_uid=-1, si_int=19088743, si_ptr=0x1234567}");

		si_init(&s, w, 14, 0, -2);
		si_word(&s, 8, 9);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, "
			"si_overrun=0, si_int=9, si_ptr=0x9}");

		si_init(&s, w, 10, 0, -10);
		si_int(&s, 0, 77);
		si_int(&s, 4, -1);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGUSR1, si_code=0xfffffff6, si_pid=77, si_uid=-1}");

		si_init(&s, w, 17, 0, -7);
		si_int(&s, 0, 77);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGCHLD, si_code=SI_DETHREAD, si_pid=77, si_uid=0}");
	}
}
END_TEST

/* On 64-bit the whole 8-byte sigval is si_ptr, the low half si_int. */
START_TEST(queue_value_64)
{
	struct si s;
	si_init(&s, 8, 10, 0, -1);
	si_int(&s, 0, 5472);
	si_word(&s, 8, 0x7f7c0000002a);
	ck_assert_str_eq(fmt(&s), "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5472, si_uid=0, "
		"si_int=42, si_ptr=0x7f7c0000002a}");
	/* SI_SIGIO: si_band is a long over si_pid and si_uid */
	si_init(&s, 8, 10, 0, -5);
	si_int(&s, 0, 77);
	si_int(&s, 4, -1);
	ck_assert_str_eq(fmt(&s), "{si_signo=SIGUSR1, si_code=SI_SIGIO, si_band=-4294967219, si_fd=0}");
}
END_TEST

START_TEST(sigchld)
{
	static const unsigned sizes[] = { 8, 4 };
	for (int i = 0; i < 2; i++) {
		struct si s;
		si_init(&s, sizes[i], 17, 0, 1);
		si_int(&s, 0, 2146);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2146, "
			"si_uid=0, si_status=0, si_utime=0, si_stime=0}");
		si_init(&s, sizes[i], 17, 0, 3);
		si_int(&s, 0, 6144);
		si_int(&s, 8, 11);
		si_word(&s, 8 + sizes[i], 7);           /* utime */
		si_word(&s, 8 + 2 * sizes[i], 3);       /* stime */
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGCHLD, si_code=CLD_DUMPED, si_pid=6144, "
			"si_uid=0, si_status=SIGSEGV, si_utime=7, si_stime=3}");
	}
}
END_TEST

START_TEST(faults)
{
	static const unsigned sizes[] = { 8, 4 };
	for (int i = 0; i < 2; i++) {
		struct si s;
		si_init(&s, sizes[i], 11, 0, 1);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}");
		si_init(&s, sizes[i], 11, 0, 2);
		si_word(&s, 0, 0x7e8ae001);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGSEGV, si_code=SEGV_ACCERR, si_addr=0x7e8ae001}");
		si_init(&s, sizes[i], 4, 0, 2);
		si_word(&s, 0, 0x557e108d);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGILL, si_code=ILL_ILLOPN, si_addr=0x557e108d}");
		si_init(&s, sizes[i], 7, 0, 2);
		si_word(&s, 0, 0x7fbf000);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x7fbf000}");
		si_init(&s, sizes[i], 5, 0, 0x80);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL}");
		si_init(&s, sizes[i], 8, 0, 1);
		si_word(&s, 0, 0x1000);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGFPE, si_code=FPE_INTDIV, si_addr=0x1000}");
		si_init(&s, sizes[i], 20, 0, 0x80);
		ck_assert_str_eq(fmt(&s), "{si_signo=SIGTSTP, si_code=SI_KERNEL}");
	}
}
END_TEST

START_TEST(seccomp)
{
	struct si s;
	si_init(&s, 8, 31, 5, 1);
	si_word(&s, 0, 0x7fbfae7c3829);
	si_int(&s, 8, 110);                     /* getppid on x86_64 */
	si_int(&s, 12, (int32_t)0xc000003e);
	ck_assert_str_eq(fmt(&s), "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_errno=EIO, "
		"si_call_addr=0x7fbfae7c3829, si_syscall=__NR_getppid, si_arch=AUDIT_ARCH_X86_64}");
	si_init(&s, 4, 31, 0, 1);
	si_word(&s, 0, 0x8048000);
	si_int(&s, 4, 64);                      /* getppid on i386 */
	si_int(&s, 8, 0x40000003);
	ck_assert_str_eq(fmt(&s), "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x8048000, "
		"si_syscall=__NR_getppid, si_arch=AUDIT_ARCH_I386}");
}
END_TEST

START_TEST(empty_siginfo)
{
	struct si s;
	si_init(&s, 8, 0, 0, 0);
	ck_assert_str_eq(fmt(&s), "{}");
}
END_TEST

START_TEST(wait_statuses)
{
	ck_assert_str_eq(fmt_status(0), "{WIFEXITED(s) && WEXITSTATUS(s) == 0}");
	ck_assert_str_eq(fmt_status(3 << 8), "{WIFEXITED(s) && WEXITSTATUS(s) == 3}");
	ck_assert_str_eq(fmt_status(0x8b),
			 "{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}");
	ck_assert_str_eq(fmt_status(15), "{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}");
	ck_assert_str_eq(fmt_status(0x137f), "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}");
	ck_assert_str_eq(fmt_status(0xffff), "{WIFCONTINUED(s)}");
	/* ptrace stops: the event in bits 16-23, TRACESYSGOOD's 0x80 */
	ck_assert_str_eq(fmt_status(0x1057f),
			 "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | PTRACE_EVENT_FORK << 16");
	ck_assert_str_eq(fmt_status(0x857f), "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}");
	ck_assert_str_eq(fmt_status(0x80057f),
			 "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | PTRACE_EVENT_STOP << 16");
	ck_assert_str_eq(fmt_status(0x22 << 8 | 0x7f), "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGRT_2}");
	ck_assert_str_eq(fmt_status(0x80), "{WIFEXITED(s) && WEXITSTATUS(s) == 0} | 0x80");
	ck_assert_str_eq(fmt_status(0xff), "0xff");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_siginfo");
	TCase *tc = tcase_create("siginfo");

	tcase_add_test(tc, sent_by_processes);
	tcase_add_test(tc, queue_value_64);
	tcase_add_test(tc, sigchld);
	tcase_add_test(tc, faults);
	tcase_add_test(tc, seccomp);
	tcase_add_test(tc, empty_siginfo);
	tcase_add_test(tc, wait_statuses);
	suite_add_tcase(s, tc);
	return s;
}
