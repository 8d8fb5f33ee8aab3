/*
 * openat, close, read, write, pread64, lseek, access, faccessat2, readlink,
 * getdents64, dup*, fcntl, ioctl, pipe2, getxattr: the lines strace 6.1
 * printed on x86_64 for the same arguments (addresses changed to the crafted ones).
 */
#include <string.h>

#include "decode_text.h"

#define AT_FDCWD_RAW ((uint64_t)(uint32_t)-100)
#define ENOENT_TEXT "-1 ENOENT (No such file or directory)"

static const char path_cache[] = "/etc/ld.so.cache";

START_TEST(openat_flags)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, path_cache, sizeof(path_cache));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_openat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 02000000), 3),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_openat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 0204000 | 02000000), 3),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", "
			 "O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_openat,
			       DECODE_ARGS(5, 0x1000, 01101, 0666), -2),
			 "openat(5, \"/etc/ld.so.cache\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = "
			 ENOENT_TEXT);
	/* O_TMPFILE takes a mode too; unknown bits in hex */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_openat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 020200002 | 02000000, 0640), -2),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDWR|O_CLOEXEC|O_TMPFILE, 0640) = "
			 ENOENT_TEXT);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_openat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 040000001), -2),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_WRONLY|0x800000) = " ENOENT_TEXT);
	/* aarch64: O_DIRECTORY is 040000 there */
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_openat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 040000 | 02000000), 3),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC|O_DIRECTORY) = 3");
	/* i386 passes O_LARGEFILE */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_openat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 0100000 | 02000000), 3),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_LARGEFILE|O_CLOEXEC) = 3");
	/* unreadable path: its address */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_openat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x9000, 0), -14),
			 "openat(AT_FDCWD, 0x9000, O_RDONLY) = -1 EFAULT (Bad address)");
	decode_run_fini(&r);
}
END_TEST

/* Paths are whole, whatever -s says. */
START_TEST(path_ignores_strsize)
{
	struct decode_run r;
	static char longpath[100];
	decode_run_init(&r);
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	fake_mem_add(&r.mem, 0x1000, longpath, sizeof(longpath));
	r.opts.strsize = 5;
	const char *line = dline(&r, &arch_x86_64, SYS_open, DECODE_ARGS(0x1000, 0), 3);
	ck_assert_ptr_nonnull(strstr(line, longpath));
	ck_assert_ptr_null(strstr(line, "\"..."));
	decode_run_fini(&r);
}
END_TEST

static const char elf[] = "\177ELF\2\1\1\3\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\20t\2\0\0\0\0\0abc";

START_TEST(read_write)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x2000, elf, sizeof(elf));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_read, DECODE_ARGS(3, 0x2000, 832), 832),
			 "read(3, \"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t"
			 "\\2\\0\\0\\0\\0\\0\"..., 832) = 832");
	/* the entry half ends with the separator, as strace's unfinished line */
	ck_assert_str_eq(strbuf_str(&r.entry), "read(3, ");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_read, DECODE_ARGS(0, 0x2000 + 32, 4096), 3),
			 "read(0, \"abc\", 4096) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_read, DECODE_ARGS(0, 0x2000, 4096), 0),
			 "read(0, \"\", 4096) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_read, DECODE_ARGS(9, 0x2000, 10), -9),
			 "read(9, 0x2000, 10) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_write, DECODE_ARGS(1, 0x2000 + 32, 3), 3),
			 "write(1, \"abc\", 3) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pread64,
			       DECODE_ARGS(3, 0x2000 + 32, 3, 64), 3),
			 "pread64(3, \"abc\", 3, 64) = 3");
	/* i386: the offset is a register pair */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_pread64_32,
			       DECODE_ARGS(3, 0x2000 + 32, 3, 0, 1), 3),
			 "pread64(3, \"abc\", 3, 4294967296) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pwrite64,
			       DECODE_ARGS(3, 0x2000 + 32, 3, 7), 3),
			 "pwrite64(3, \"abc\", 3, 7) = 3");
	r.opts.strsize = 2;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_write, DECODE_ARGS(1, 0x2000 + 32, 3), 3),
			 "write(1, \"ab\"..., 3) = 3");
	decode_run_fini(&r);
}
END_TEST

START_TEST(close_lseek_access)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, path_cache, sizeof(path_cache));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_close, DECODE_ARGS(3), 0), "close(3) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_close, DECODE_ARGS(0xffffffff), -9),
			 "close(-1) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_lseek, DECODE_ARGS(3, 0, 0), 0),
			 "lseek(3, 0, SEEK_SET) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_lseek, DECODE_ARGS(3, (uint64_t)-5, 2), 10),
			 "lseek(3, -5, SEEK_END) = 10");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_lseek, DECODE_ARGS(3, 0, 9), -22),
			 "lseek(3, 0, 0x9 /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_access, DECODE_ARGS(0x1000, 4), -2),
			 "access(\"/etc/ld.so.cache\", R_OK) = " ENOENT_TEXT);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_access, DECODE_ARGS(0x1000, 0), 0),
			 "access(\"/etc/ld.so.cache\", F_OK) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_faccessat2,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 7, 0x200), 0),
			 "faccessat2(AT_FDCWD, \"/etc/ld.so.cache\", R_OK|W_OK|X_OK, AT_REMOVEDIR) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_faccessat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 2), 0),
			 "faccessat(AT_FDCWD, \"/etc/ld.so.cache\", W_OK) = 0");
	decode_run_fini(&r);
}
END_TEST

static const char slash_sbin[] = "/sbin";
static const char usr_sbin[] = "usr/sbinXXXX";

START_TEST(readlink_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, slash_sbin, sizeof(slash_sbin));
	fake_mem_add(&r.mem, 0x2000, usr_sbin, sizeof(usr_sbin));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_readlink, DECODE_ARGS(0x1000, 0x2000, 9), 8),
			 "readlink(\"/sbin\", \"usr/sbin\", 9) = 8");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_readlinkat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 0x2000, 9), -22),
			 "readlinkat(AT_FDCWD, \"/sbin\", 0x2000, 9) = -1 EINVAL (Invalid argument)");
	decode_run_fini(&r);
}
END_TEST

/* Three linux_dirent64 records: ".", "..", "etc". */
static unsigned char dents[24 * 3];

static void put_dent(unsigned char *p, uint64_t ino, int64_t off, uint16_t reclen, uint8_t type,
		     const char *name)
{
	memset(p, 0, reclen);
	memcpy(p, &ino, 8);
	memcpy(p + 8, &off, 8);
	memcpy(p + 16, &reclen, 2);
	p[18] = type;
	memcpy(p + 19, name, strlen(name));
}

START_TEST(getdents64_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	put_dent(dents, 2, 1, 24, 4, ".");
	put_dent(dents + 24, 2, 2, 24, 4, "..");
	put_dent(dents + 48, 19, 3, 24, 8, "etc");
	fake_mem_add(&r.mem, 0x3000, dents, sizeof(dents));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getdents64, DECODE_ARGS(3, 0x3000, 32768), 72),
			 "getdents64(3, 0x3000 /* 3 entries */, 32768) = 72");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getdents64, DECODE_ARGS(3, 0x3000, 32768), 0),
			 "getdents64(3, 0x3000 /* 0 entries */, 32768) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getdents64, DECODE_ARGS(3, 0x3000, 32768), -9),
			 "getdents64(3, 0x3000, 32768) = -1 EBADF (Bad file descriptor)");
	r.opts.verbose = true;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getdents64, DECODE_ARGS(3, 0x3000, 32768), 48),
			 "getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
			 "{d_ino=2, d_off=2, d_reclen=24, d_type=DT_DIR, d_name=\"..\"}], 32768) = 48");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getdents64, DECODE_ARGS(3, 0x3000, 32768), 0),
			 "getdents64(3, [], 32768) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(dup_fcntl)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_dup, DECODE_ARGS(1), 5), "dup(1) = 5");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_dup2, DECODE_ARGS(4, 1), 1), "dup2(4, 1) = 1");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_dup3, DECODE_ARGS(4, 1, 02000000), 1),
			 "dup3(4, 1, O_CLOEXEC) = 1");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fcntl, DECODE_ARGS(3, 1), 1),
			 "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fcntl, DECODE_ARGS(0, 1), 0),
			 "fcntl(0, F_GETFD) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fcntl, DECODE_ARGS(3, 2, 1), 0),
			 "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fcntl, DECODE_ARGS(3, 3), 0100002),
			 "fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fcntl, DECODE_ARGS(3, 4, 04002), 0),
			 "fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fcntl, DECODE_ARGS(3, 1030, 10), 10),
			 "fcntl(3, F_DUPFD_CLOEXEC, 10) = 10");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_fcntl64, DECODE_ARGS(3, 1), -9),
			 "fcntl64(3, F_GETFD) = -1 EBADF (Bad file descriptor)");
	decode_run_fini(&r);
}
END_TEST

static uint32_t termios[9];   /* 36 bytes: 4 flag words, c_line, c_cc[19] */
static const uint16_t winsz[4] = { 24, 80, 0, 0 };
static const int32_t nread = 7;

START_TEST(ioctl_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	termios[0] = 02400;       /* ICRNL|IXON */
	termios[1] = 0x5;         /* OPOST|ONLCR */
	termios[2] = 0xbf;        /* B38400|CS8|CREAD */
	termios[3] = 0x8a3b;      /* ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN */
	memcpy((char *)termios + 17, "\3\34\177\25\4\0\1\0\21\23\32\0\22\17\27\26\0\0", 19);
	fake_mem_add(&r.mem, 0x4000, termios, sizeof(termios));
	fake_mem_add(&r.mem, 0x5000, winsz, sizeof(winsz));
	fake_mem_add(&r.mem, 0x6000, &nread, sizeof(nread));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(1, 0x5401, 0x4000), -25),
			 "ioctl(1, TCGETS, 0x4000) = -1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(0, 0x5401, 0x4000), 0),
			 "ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|"
			 "OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|"
			 "ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
	r.opts.verbose = true;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(0, 0x5401, 0x4000), 0),
			 "ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|"
			 "OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|"
			 "ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, "
			 "[VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, "
			 "[VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, "
			 "[VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0");
	r.opts.verbose = false;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(1, 0x5413, 0x5000), 0),
			 "ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_ioctl, DECODE_ARGS(3, 0x541b, 0x6000), 0),
			 "ioctl(3, FIONREAD, [7]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(3, 0x5451), 0),
			 "ioctl(3, FIOCLEX) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(3, 0x1234, 0x10), -25),
			 "ioctl(3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x10) = "
			 "-1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(3, 0xc0105401, 0x10), -25),
			 "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x54, 0x1, 0x10), 0x10) = "
			 "-1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(3, 0x80045430, 0x6000), 0),
			 "ioctl(3, TIOCGPTN, [7]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(3, 0x5441, 0x102), 4),
			 "ioctl(3, TIOCGPTPEER, 0x102) = 4");
	decode_run_fini(&r);
}
END_TEST

static const int32_t pipefds[2] = { 3, 4 };
static const char xname[] = "security.selinux";
static const char xval[] = "system_u:object_r";

START_TEST(pipe_xattr)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, path_cache, sizeof(path_cache));
	fake_mem_add(&r.mem, 0x2000, pipefds, sizeof(pipefds));
	fake_mem_add(&r.mem, 0x3000, xname, sizeof(xname));
	fake_mem_add(&r.mem, 0x4000, xval, sizeof(xval));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pipe2, DECODE_ARGS(0x2000, 0), 0),
			 "pipe2([3, 4], 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pipe2, DECODE_ARGS(0x2000, 02004000), 0),
			 "pipe2([3, 4], O_NONBLOCK|O_CLOEXEC) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_pipe, DECODE_ARGS(0x2000), -24),
			 "pipe(0x2000) = -1 EMFILE (Too many open files)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_lgetxattr,
			       DECODE_ARGS(0x1000, 0x3000, 0x4000, 255), -61),
			 "lgetxattr(\"/etc/ld.so.cache\", \"security.selinux\", 0x4000, 255) = "
			 "-1 ENODATA (No data available)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getxattr,
			       DECODE_ARGS(0x1000, 0x3000, 0, 0), -61),
			 "getxattr(\"/etc/ld.so.cache\", \"security.selinux\", NULL, 0) = "
			 "-1 ENODATA (No data available)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getxattr,
			       DECODE_ARGS(0x1000, 0x3000, 0x4000, 255), 6),
			 "getxattr(\"/etc/ld.so.cache\", \"security.selinux\", \"system\", 255) = 6");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_file");
	TCase *tc = tcase_create("file");
	tcase_add_test(tc, openat_flags);
	tcase_add_test(tc, path_ignores_strsize);
	tcase_add_test(tc, read_write);
	tcase_add_test(tc, close_lseek_access);
	tcase_add_test(tc, readlink_calls);
	tcase_add_test(tc, getdents64_calls);
	tcase_add_test(tc, dup_fcntl);
	tcase_add_test(tc, ioctl_calls);
	tcase_add_test(tc, pipe_xattr);
	suite_add_tcase(s, tc);
	return s;
}
