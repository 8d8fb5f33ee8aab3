/* mmap, mmap2, mprotect, munmap, brk: strace 6.1's lines for the same arguments. */
#include "decode_text.h"

START_TEST(mmap_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mmap,
			       DECODE_ARGS(0, 8192, 3, 0x22, 0xffffffff, 0), 0x7f6b58078000),
			 "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
			 "0x7f6b58078000");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mmap,
			       DECODE_ARGS(0x7f961c642000, 1400832, 5, 0x812, 3, 0x26000),
			       0x7f961c642000),
			 "mmap(0x7f961c642000, 1400832, PROT_READ|PROT_EXEC, "
			 "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f961c642000");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mmap,
			       DECODE_ARGS(0, 27028, 1, 1, 3, 0), 0x7fcefb103000),
			 "mmap(NULL, 27028, PROT_READ, MAP_SHARED, 3, 0) = 0x7fcefb103000");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mmap,
			       DECODE_ARGS(0, 4096, 0, 0x20022, 0xffffffff, 0), -12),
			 "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_STACK, -1, 0) = "
			 "-1 ENOMEM (Cannot allocate memory)");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_mmap2,
			       DECODE_ARGS(0, 8192, 3, 0x22, 0xffffffff, 0), 0xf7f00000),
			 "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
			 "0xf7f00000");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mmap,
			       DECODE_ARGS(0, 4096, 0x10, 0x8000000, 3, 0), -22),
			 "mmap(NULL, 4096, 0x10 /* PROT_??? */, MAP_FILE|2<<MAP_HUGE_SHIFT, 3, 0) = "
			 "-1 EINVAL (Invalid argument)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(mprotect_munmap_brk)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mprotect,
			       DECODE_ARGS(0x7f6b5802b000, 16384, 1), 0),
			 "mprotect(0x7f6b5802b000, 16384, PROT_READ) = 0");
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_mprotect,
			       DECODE_ARGS(0xffff8000, 4096, 0), 0),
			 "mprotect(0xffff8000, 4096, PROT_NONE) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_munmap,
			       DECODE_ARGS(0x7f6b5806c000, 46891), 0),
			 "munmap(0x7f6b5806c000, 46891) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_brk, DECODE_ARGS(0), 0x55a95438b000),
			 "brk(NULL) = 0x55a95438b000");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_brk, DECODE_ARGS(0x56441df53000),
			       0x56441df53000),
			 "brk(0x56441df53000) = 0x56441df53000");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_memory");
	TCase *tc = tcase_create("memory");
	tcase_add_test(tc, mmap_calls);
	tcase_add_test(tc, mprotect_munmap_brk);
	suite_add_tcase(s, tc);
	return s;
}
