/*
 * newfstatat, fstat, stat, fstatat64 (i386's struct stat64), aarch64's
 * struct stat and statx: the lines strace 6.1 printed, with crafted structs.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode_text.h"

#define AT_FDCWD_RAW ((uint64_t)(uint32_t)-100)

static unsigned char st[144];
static const char empty[] = "";
static const char dot[] = ".";

static void put(unsigned off, unsigned size, uint64_t v)
{
	if (size == 4) {
		uint32_t w = (uint32_t)v;
		memcpy(st + off, &w, 4);
	} else {
		memcpy(st + off, &v, 8);
	}
}

/* x86_64 struct stat */
static void stat_x86_64(uint32_t mode, uint64_t size, uint64_t rdev)
{
	memset(st, 0, sizeof(st));
	put(0, 8, 0xfe00);          /* st_dev makedev(0xfe, 0) */
	put(8, 8, 409604);
	put(16, 8, 1);
	put(24, 4, mode);
	put(40, 8, rdev);
	put(48, 8, size);
	put(56, 8, 4096);
	put(64, 8, 96);
	put(72, 8, 1700000000);
	put(80, 8, 5);
	put(88, 8, 1700000000);
	put(104, 8, 0);
}

START_TEST(newfstatat_short)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, empty, sizeof(empty));
	fake_mem_add(&r.mem, 0x1100, dot, sizeof(dot));
	fake_mem_add(&r.mem, 0x2000, st, sizeof(st));
	stat_x86_64(0100644, 46891, 0);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_newfstatat,
			       DECODE_ARGS(3, 0x1000, 0x2000, 0x1000), 0),
			 "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=46891, ...}, "
			 "AT_EMPTY_PATH) = 0");
	ck_assert_str_eq(strbuf_str(&r.entry), "newfstatat(3, \"\", ");
	stat_x86_64(020666, 0, 0x103);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_newfstatat,
			       DECODE_ARGS(1, 0x1000, 0x2000, 0x1000), 0),
			 "newfstatat(1, \"\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, "
			 "AT_EMPTY_PATH) = 0");
	stat_x86_64(044755, 4096, 0);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_newfstatat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1100, 0x2000, 0), 0),
			 "newfstatat(AT_FDCWD, \".\", {st_mode=S_IFDIR|S_ISUID|0755, st_size=4096, ...}, "
			 "0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_newfstatat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1100, 0x2000, 0x100), -2),
			 "newfstatat(AT_FDCWD, \".\", 0x2000, AT_SYMLINK_NOFOLLOW) = "
			 "-1 ENOENT (No such file or directory)");
	stat_x86_64(0100600, 5, 0);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fstat, DECODE_ARGS(0, 0x2000), 0),
			 "fstat(0, {st_mode=S_IFREG|0600, st_size=5, ...}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_stat, DECODE_ARGS(0x1100, 0x2000), 0),
			 "stat(\".\", {st_mode=S_IFREG|0600, st_size=5, ...}) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(newfstatat_verbose)
{
	struct decode_run r;
	decode_run_init(&r);
	setenv("TZ", "UTC", 1);
	tzset();
	fake_mem_add(&r.mem, 0x1000, empty, sizeof(empty));
	fake_mem_add(&r.mem, 0x2000, st, sizeof(st));
	stat_x86_64(0100644, 46891, 0);
	r.opts.verbose = true;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_newfstatat,
			       DECODE_ARGS(3, 0x1000, 0x2000, 0x1000), 0),
			 "newfstatat(3, \"\", {st_dev=makedev(0xfe, 0), st_ino=409604, "
			 "st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, "
			 "st_blocks=96, st_size=46891, "
			 "st_atime=1700000000 /* 2023-11-14T22:13:20.000000005+0000 */, "
			 "st_atime_nsec=5, st_mtime=1700000000 /* 2023-11-14T22:13:20+0000 */, "
			 "st_mtime_nsec=0, st_ctime=0, st_ctime_nsec=0}, AT_EMPTY_PATH) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(stat_other_arches)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, empty, sizeof(empty));
	fake_mem_add(&r.mem, 0x2000, st, sizeof(st));
	/* aarch64: mode at 16, size at 48 */
	memset(st, 0, sizeof(st));
	put(16, 4, 0100755);
	put(48, 8, 1926232);
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_newfstatat,
			       DECODE_ARGS(3, 0x1000, 0x2000, 0x1000), 0),
			 "newfstatat(3, \"\", {st_mode=S_IFREG|0755, st_size=1926232, ...}, "
			 "AT_EMPTY_PATH) = 0");
	/* i386 stat64: mode at 16, size at 44 */
	memset(st, 0, sizeof(st));
	put(16, 4, 0100644);
	put(44, 8, 0x100000000ULL);
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_fstatat64,
			       DECODE_ARGS(3, 0x1000, 0x2000, 0x1000), 0),
			 "fstatat64(3, \"\", {st_mode=S_IFREG|0644, st_size=4294967296, ...}, "
			 "AT_EMPTY_PATH) = 0");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_fstat64, DECODE_ARGS(3, 0x2000), 0),
			 "fstat64(3, {st_mode=S_IFREG|0644, st_size=4294967296, ...}) = 0");
	/* x32: 32-bit pointers, but x86_64's struct stat */
	stat_x86_64(0100600, 77, 0);
	ck_assert_str_eq(dline(&r, &arch_x32, SYS_newfstatat,
			       DECODE_ARGS(3, 0x1000, 0x2000, 0x1000), 0),
			 "newfstatat(3, \"\", {st_mode=S_IFREG|0600, st_size=77, ...}, "
			 "AT_EMPTY_PATH) = 0");
	decode_run_fini(&r);
}
END_TEST

static unsigned char stx[256];
static const char root[] = "/";

START_TEST(statx_short)
{
	struct decode_run r;
	decode_run_init(&r);
	uint32_t mask = 0x17ff, mode = 040755;
	uint64_t attrs = 0x2000, size = 4096;
	memset(stx, 0, sizeof(stx));
	memcpy(stx, &mask, 4);
	memcpy(stx + 8, &attrs, 8);
	memcpy(stx + 28, &mode, 2);
	memcpy(stx + 40, &size, 8);
	fake_mem_add(&r.mem, 0x1000, root, sizeof(root));
	fake_mem_add(&r.mem, 0x2000, stx, sizeof(stx));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_statx,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 0x900, 0x25e, 0x2000), 0),
			 "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|"
			 "AT_NO_AUTOMOUNT, STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|STATX_MTIME|"
			 "STATX_SIZE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, "
			 "stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, stx_size=4096, "
			 "...}) = 0");
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_statx,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 0x1000, 0xfff, 0x2000), -2),
			 "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH, STATX_ALL, "
			 "0x2000) = -1 ENOENT (No such file or directory)");
	decode_run_fini(&r);
}
END_TEST

static uint64_t sfs[16];

START_TEST(statfs_call)
{
	struct decode_run r;
	static const char slash[] = "/";
	uint32_t fsid[2] = { 0xd8487176, 0 };
	decode_run_init(&r);
	memset(sfs, 0, sizeof(sfs));
	sfs[0] = 0xef53;
	sfs[1] = 4096;
	sfs[2] = 66053021;
	sfs[3] = 61548492;
	sfs[4] = 20579768;
	sfs[5] = 16777216;
	sfs[6] = 16345971;
	memcpy(&sfs[7], fsid, 8);
	sfs[8] = 255;
	sfs[9] = 4096;
	sfs[10] = 0x1020;
	fake_mem_add(&r.mem, 0x1000, slash, sizeof(slash));
	fake_mem_add(&r.mem, 0x2000, sfs, sizeof(sfs));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_statfs, DECODE_ARGS(0x1000, 0x2000), 0),
			 "statfs(\"/\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, "
			 "f_bfree=61548492, f_bavail=20579768, f_files=16777216, f_ffree=16345971, "
			 "f_fsid={val=[0xd8487176, 0]}, f_namelen=255, f_frsize=4096, "
			 "f_flags=ST_VALID|ST_RELATIME}) = 0");
	/* x32: __kernel_long_t words are 64-bit there too */
	ck_assert_str_eq(dline(&r, &arch_x32, SYS_statfs, DECODE_ARGS(0x1000, 0x2000), 0),
			 "statfs(\"/\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, "
			 "f_bfree=61548492, f_bavail=20579768, f_files=16777216, f_ffree=16345971, "
			 "f_fsid={val=[0xd8487176, 0]}, f_namelen=255, f_frsize=4096, "
			 "f_flags=ST_VALID|ST_RELATIME}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_statfs, DECODE_ARGS(0x1000, 0x2000), -2),
			 "statfs(\"/\", 0x2000) = -1 ENOENT (No such file or directory)");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_stat");
	TCase *tc = tcase_create("stat");
	tcase_add_test(tc, newfstatat_short);
	tcase_add_test(tc, newfstatat_verbose);
	tcase_add_test(tc, stat_other_arches);
	tcase_add_test(tc, statx_short);
	tcase_add_test(tc, statfs_call);
	suite_add_tcase(s, tc);
	return s;
}
