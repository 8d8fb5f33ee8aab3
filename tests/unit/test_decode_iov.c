/* readv, writev, preadv*, pwritev*: strace 6.1's lines for the same arguments and memory. */
#include <string.h>

#include "decode_text.h"

START_TEST(iov_calls)
{
	struct decode_run r;
	static const char b1[] = "hel", b2[] = "lo";
	static const char abc[] = "abc", alpha[] = "defghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP";
	uint64_t rd[4] = { 0x5000, 3, 0x5100, 100 };
	uint64_t wr[4] = { 0x5200, 3, 0x5300, 40 };
	uint32_t wr32[4] = { 0x5200, 3, 0x5300, 40 };

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, rd, sizeof(rd));
	fake_mem_add(&r.mem, 0x2000, wr, sizeof(wr));
	fake_mem_add(&r.mem, 0x3000, wr32, sizeof(wr32));
	fake_mem_add(&r.mem, 0x5000, b1, 3);
	fake_mem_add(&r.mem, 0x5100, b2, 2);
	fake_mem_add(&r.mem, 0x5200, abc, 3);
	fake_mem_add(&r.mem, 0x5300, alpha, 40);
	/* readv: the fd at entry, the 5 bytes read spread over both buffers at exit */
	decode_entry(&r, &arch_x86_64, SYS_readv, DECODE_ARGS(3, 0x1000, 2));
	ck_assert_str_eq(r.entry.buf, "readv(3, ");
	decode_exit(&r, 5);
	ck_assert_str_eq(squeeze_line(&r), "readv(3, [{iov_base=\"hel\", iov_len=3}, "
			 "{iov_base=\"lo\", iov_len=100}], 2) = 5");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_readv, DECODE_ARGS(3, 0x1000, 2), 3),
			 "readv(3, [{iov_base=\"hel\", iov_len=3}, {iov_base=\"\", iov_len=100}], "
			 "2)"
			 " = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_readv, DECODE_ARGS(3, 0x1000, 0), 0),
			 "readv(3, [], 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_readv, DECODE_ARGS(7, 8, 1), -14),
			 "readv(7, 0x8, 1) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_writev, DECODE_ARGS(4, 0x2000, 2), 43),
			 "writev(4, [{iov_base=\"abc\", iov_len=3}, "
			 "{iov_base=\"defghijklmnopqrstuvwxyzABCDEFGHI\"..., iov_len=40}], 2) = "
			 "43");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pwritev, DECODE_ARGS(7, 0x2000, 1, 10), 3),
			 "pwritev(7, [{iov_base=\"abc\", iov_len=3}], 1, 10) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_preadv2,
			       DECODE_ARGS(7, 0x1000, 1, 5, 0, 8), 3),
			 "preadv2(7, [{iov_base=\"hel\", iov_len=3}], 1, 5, RWF_NOWAIT) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pwritev2,
			       DECODE_ARGS(7, 0x2000, 1, (uint64_t)-1, 0, 0x11), 3),
			 "pwritev2(7, [{iov_base=\"abc\", iov_len=3}], 1, -1, RWF_HIPRI|RWF_APPEND)"
			 " = 3");
	/* i386: 32-bit iovecs, the offset in two registers */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_pwritev_32,
			       DECODE_ARGS(7, 0x3000, 1, 0, 1), 3),
			 "pwritev(7, [{iov_base=\"abc\", iov_len=3}], 1, 4294967296) = 3");
	/* -s 2: each buffer and the array cut */
	r.opts.strsize = 2;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_writev, DECODE_ARGS(4, 0x2000, 3), 43),
			 "writev(4, [{iov_base=\"ab\"..., iov_len=3}, "
			 "{iov_base=\"de\"..., iov_len=40}, ...], 3) = 43");
	/* an unreadable buffer prints as its address */
	rd[0] = 0x9000;
	r.opts.strsize = 32;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_readv, DECODE_ARGS(3, 0x1000, 1), 3),
			 "readv(3, [{iov_base=0x9000, iov_len=3}], 1) = 3");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_iov");
	TCase *tc = tcase_create("iov");
	tcase_add_test(tc, iov_calls);
	suite_add_tcase(s, tc);
	return s;
}
