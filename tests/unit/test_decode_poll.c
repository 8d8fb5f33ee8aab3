/*
 * poll, ppoll, select, pselect6, epoll_*, eventfd: strace 6.1's lines for the
 * same arguments and memory (taken from strace runs of the same calls).
 */
#include <string.h>

#include "decode_text.h"

struct pfd {
	int32_t fd;
	uint16_t events, revents;
};

START_TEST(poll_calls)
{
	struct decode_run r;
	struct pfd in[3] = { { 3, 1, 0 }, { 4, 5, 0 }, { -1, 1, 0 } };
	struct pfd out[3] = { { 3, 1, 1 }, { 4, 5, 4 }, { -1, 1, 0 } };
	static const uint64_t ts[2] = { 0, 1000 }, left[2] = { 0, 0 };
	static const uint64_t mask = 1u << 9;   /* USR1 */

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, in, sizeof(in));
	fake_mem_add(&r.mem, 0x2000, ts, sizeof(ts));
	fake_mem_add(&r.mem, 0x3000, &mask, sizeof(mask));
	fake_mem_add(&r.mem, 0x4000, left, sizeof(left));
	/* revents appear only at exit: the entry reads the array as it was. */
	decode_entry(&r, &arch_x86_64, SYS_poll, DECODE_ARGS(0x1000, 3, 0));
	ck_assert_str_eq(r.entry.buf,
			 "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}, {fd=-1}], 3, "
			 "0");
	memcpy(in, out, sizeof(in));
	decode_exit(&r, 2);
	ck_assert_str_eq(squeeze_line(&r),
			 "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}, {fd=-1}], 3, "
			 "0)"
			 " = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_poll, DECODE_ARGS(0, 0, 1), 0),
			 "poll(NULL, 0, 1) = 0 (Timeout)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_poll, DECODE_ARGS(1, 1, 0), -14),
			 "poll(0x1, 1, 0) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ppoll,
			       DECODE_ARGS(0x1000, 2, 0x2000, 0x3000, 8), 2),
			 "ppoll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}], 2, "
			 "{tv_sec=0, tv_nsec=1000}, [USR1], 8) = 2 ([{fd=3, revents=POLLIN}, "
			 "{fd=4, revents=POLLOUT}], left {tv_sec=0, tv_nsec=1000})");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ppoll, DECODE_ARGS(0x1000, 1, 0, 0, 8), 1),
			 "ppoll([{fd=3, events=POLLIN}], 1, NULL, NULL, 8) = 1 "
			 "([{fd=3, revents=POLLIN}])");
	/* -s 2: two elements, then "...", at entry and in the ready list */
	r.opts.strsize = 2;
	out[2].fd = 5;
	out[2].revents = 1;
	memcpy(in, out, sizeof(in));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_poll, DECODE_ARGS(0x1000, 3, 0), 3),
			 "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}, ...], 3, 0) "
			 "= 3 "
			 "([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}, ...])");
	/* an array running into an unmapped page: the address of the element */
	r.opts.strsize = 32;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_poll, DECODE_ARGS(0x1000 + 16, 2, 0), -14),
			 "poll([{fd=5, events=POLLIN}, 0x1018], 2, 0) = -1 EFAULT (Bad address)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(select_calls)
{
	struct decode_run r;
	uint64_t rset = (1u << 0) | (1u << 3), wset = 1u << 4;
	static const uint64_t tv[2] = { 0, 10 }, ts[2] = { 0, 10000 };
	static const uint64_t sigarg[2] = { 0x3000, 8 };
	static const uint64_t mask = 1u << 9;
	uint32_t rset32 = 1u << 3;
	static const uint32_t tv32[2] = { 1, 5 };

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &rset, sizeof(rset));
	fake_mem_add(&r.mem, 0x1100, &wset, sizeof(wset));
	fake_mem_add(&r.mem, 0x2000, tv, sizeof(tv));
	fake_mem_add(&r.mem, 0x2100, ts, sizeof(ts));
	fake_mem_add(&r.mem, 0x3000, &mask, sizeof(mask));
	fake_mem_add(&r.mem, 0x3100, sigarg, sizeof(sigarg));
	fake_mem_add(&r.mem, 0x4000, &rset32, sizeof(rset32));
	fake_mem_add(&r.mem, 0x4100, tv32, sizeof(tv32));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pselect6,
			       DECODE_ARGS(5, 0x1000, 0x1100, 0, 0x2100, 0), 3),
			 "pselect6(5, [0 3], [4], NULL, {tv_sec=0, tv_nsec=10000}, NULL) = 3 "
			 "(in [0 3], out [4], left {tv_sec=0, tv_nsec=10000})");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pselect6,
			       DECODE_ARGS(5, 0x1000, 0, 0, 0x2100, 0x3100), 0),
			 "pselect6(5, [0 3], NULL, NULL, {tv_sec=0, tv_nsec=10000}, "
			 "{sigmask=[USR1], sigsetsize=8}) = 0 (Timeout)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_select, DECODE_ARGS(5, 0, 0x1100, 0, 0), 1),
			 "select(5, NULL, [4], NULL, NULL) = 1 (out [4])");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_select,
			       DECODE_ARGS(5, 0, 0x1100, 0, 0x2000), 1),
			 "select(5, NULL, [4], NULL, {tv_sec=0, tv_usec=10}) = 1 "
			 "(out [4], left {tv_sec=0, tv_usec=10})");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_select,
			       DECODE_ARGS((uint32_t)-1, 0x1000, 0, 0, 0), -22),
			 "select(-1, 0x1000, NULL, NULL, NULL) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_select, DECODE_ARGS(200, 0x1000, 0, 0, 0),
			       -14),
			 "select(200, 0x1000, NULL, NULL, NULL) = -1 EFAULT (Bad address)");
	/* i386: sets in 32-bit longs, a timeval of 32-bit longs */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS__newselect,
			       DECODE_ARGS(4, 0x4000, 0, 0, 0x4100), 0),
			 "_newselect(4, [3], NULL, NULL, {tv_sec=1, tv_usec=5}) = 0 (Timeout)");
	decode_run_fini(&r);
}
END_TEST

/* A huge nfds: no more than a million descriptors' worth is read. */
START_TEST(select_huge_nfds)
{
	struct decode_run r;
	static uint8_t big[1024 * 1024 / 8];

	big[0] = 1;
	big[sizeof(big) - 1] = 0x80;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x100000, big, sizeof(big));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_select,
			       DECODE_ARGS(0x7fffffff, 0x100000, 0, 0, 0), -22),
			 "select(2147483647, [0 1048575], NULL, NULL, NULL) = -1 EINVAL "
			 "(Invalid argument)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(epoll_calls)
{
	struct decode_run r;
	uint8_t ev[12], ev2[24], ev64[16];
	uint32_t events = 0x80000001;   /* EPOLLIN|EPOLLET */
	uint64_t data = 0x1234567800000003ULL;

	memcpy(ev, &events, 4);
	memcpy(ev + 4, &data, 8);
	memcpy(ev2, ev, 12);
	memcpy(ev2 + 12, ev, 12);
	memset(ev64, 0xee, sizeof(ev64));
	memcpy(ev64, &events, 4);
	memcpy(ev64 + 8, &data, 8);
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, ev, sizeof(ev));
	fake_mem_add(&r.mem, 0x2000, ev2, sizeof(ev2));
	fake_mem_add(&r.mem, 0x3000, ev64, sizeof(ev64));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_create1, DECODE_ARGS(02000000), 5),
			 "epoll_create1(EPOLL_CLOEXEC) = 5");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_create, DECODE_ARGS(5), 6),
			 "epoll_create(5) = 6");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_ctl, DECODE_ARGS(5, 1, 3, 0x1000), 0),
			 "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, "
			 "data={u32=3, u64=1311768464867721219}}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_ctl, DECODE_ARGS(5, 2, 4, 0), 0),
			 "epoll_ctl(5, EPOLL_CTL_DEL, 4, NULL) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_ctl, DECODE_ARGS(5, 7, 3, 0x10), -14),
			 "epoll_ctl(5, 0x7 /* EPOLL_CTL_??? */, 3, 0x10) = -1 EFAULT (Bad "
			 "address)");
	/* aarch64's struct is not packed: data at offset 8 */
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_epoll_ctl, DECODE_ARGS(5, 3, 3, 0x3000), 0),
			 "epoll_ctl(5, EPOLL_CTL_MOD, 3, {events=EPOLLIN|EPOLLET, "
			 "data={u32=3, u64=1311768464867721219}}) = 0");
	decode_entry(&r, &arch_x86_64, SYS_epoll_wait, DECODE_ARGS(5, 0x2000, 4, (uint32_t)-1));
	ck_assert_str_eq(r.entry.buf, "epoll_wait(5, ");
	decode_exit(&r, 2);
	ck_assert_str_eq(squeeze_line(&r),
			 "epoll_wait(5, [{events=EPOLLIN|EPOLLET, data={u32=3, "
			 "u64=1311768464867721219}}, "
			 "{events=EPOLLIN|EPOLLET, data={u32=3, u64=1311768464867721219}}], 4, -1) "
			 "= 2");
	r.opts.strsize = 1;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_pwait,
			       DECODE_ARGS(5, 0x2000, 4, 0, 0, 8), 2),
			 "epoll_pwait(5, [{events=EPOLLIN|EPOLLET, data={u32=3, "
			 "u64=1311768464867721219}}, ...], 4, 0, NULL, 8) = 2");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_wait, DECODE_ARGS(5, 0x2000, 4, 0), 0),
			 "epoll_wait(5, [], 4, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_epoll_wait, DECODE_ARGS(5, 0x9000, 4, 0),
			       -14),
			 "epoll_wait(5, 0x9000, 4, 0) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_eventfd2, DECODE_ARGS(3, 02004000), 8),
			 "eventfd2(3, EFD_CLOEXEC|EFD_NONBLOCK) = 8");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_poll");
	TCase *tc = tcase_create("poll");
	tcase_add_test(tc, poll_calls);
	tcase_add_test(tc, select_calls);
	tcase_add_test(tc, select_huge_nfds);
	tcase_add_test(tc, epoll_calls);
	suite_add_tcase(s, tc);
	return s;
}
