/*
 * fuzz_decode: one syscall through decode_syscall_entry(), decode_syscall_exit()
 * and the strace printer, with every input the tracee controls chosen by the
 * fuzzer: architecture (and clone argument order), number, registers, return
 * value, -s/-v, and the tracee's memory, which may change between reads.
 *
 * Input layout (fuzz/make-seeds.py writes seeds in it; short inputs read as
 * zeros):
 *
 *   u8  mode     bits 0-1 arch (x86_64, i386, aarch64, x32); bits 2-4 clone
 *                layout + 1 (0: the arch's own); bit 5 -v; bit 6 no exit (the
 *                task vanished inside the call)
 *   u8  strsize  0-7: one of strsizes[]; otherwise the value itself
 *   u8  nrmode   bit 0: the number is `nr` itself; else an interesting syscall,
 *                interesting[nr % N], looked up on the arch
 *   u16 nr
 *   6 x { u8 kind, u64 value }   argument registers, see arg_value()
 *   u8  rkind, u64 rvalue        return register, see rval_value()
 *   u8  flip     memory reads from the flip-th on see every region's second
 *                version (0: never)
 *   u8  nregions (mod 5)
 *   per region: u8 flags (bit 0: ends at a page boundary; bits 1-2: second
 *               version: 0 same, 1 one byte changed, 2 every byte xored),
 *               u16 offset, u16 len (mod 8193), u16 pos, u8 byte, len bytes
 *
 * Region i lives at REGION_BASE(i) + offset, or ends at REGION_BASE(i) +
 * 0x10000 (a page boundary) when flagged so; whatever no region covers is
 * unmapped.  Crashes, sanitizer reports and the checks below are bugs.
 * FUZZ_DECODE_PRINT=1 prints each decoded line (fuzz_decode SEED... shows
 * what seeds decode to).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/decode.h"
#include "ctrace/print.h"
#include "fuzz_input.h"

#define NREGIONS_MAX 4
#define REGION_BASE(i) (0x10000000ull + (uint64_t)(i) * 0x100000ull)
#define REGION_LEN_MAX 8192
/* No decoder needs more than this from one read; more means a length
 * taken from the tracee went unchecked. */
#define READ_LEN_MAX (1u << 20)

struct region {
	uint64_t addr;
	size_t len;
	uint8_t *v[2];          /* first and second version, exactly len bytes each */
};

struct fake_tracee {
	struct region region[NREGIONS_MAX];
	int nregions;
	unsigned reads;
	unsigned flip;
};

/* -y: a name for every fd, among them one the printer must escape and a deleted one. */
static bool fake_fd_path(void *opaque, int fd, char *buf, size_t size)
{
	static const char *const paths[] = {
		"/etc/passwd", "pipe:[1234]", "/tmp/a>b\n\\ (deleted)", "\001\377<7>", "",
	};
	(void)opaque;
	if (fd > 1000)
		return false;
	snprintf(buf, size, "%s", paths[(unsigned)(fd + 100) % 5]);
	return true;
}

static ssize_t fake_read(void *opaque, uint64_t addr, void *buf, size_t len)
{
	struct fake_tracee *t = opaque;

	if (len > READ_LEN_MAX) {
		fprintf(stderr, "fuzz_decode: read of %zu bytes at 0x%llx\n", len,
			(unsigned long long)addr);
		abort();
	}
	/* The caller promised `len` bytes of room: check it, as ASan sees it. */
	memset(buf, 0xa5, len);
	t->reads++;
	int version = t->flip && t->reads >= t->flip;
	for (int i = 0; i < t->nregions; i++) {
		const struct region *r = &t->region[i];
		if (addr < r->addr || addr - r->addr >= r->len)
			continue;
		size_t n = r->len - (size_t)(addr - r->addr);
		if (n > len)
			n = len;
		memcpy(buf, r->v[version] + (addr - r->addr), n);
		return (ssize_t)n;
	}
	return -1;
}

/* Syscalls with their own decoders: most inputs pick one of these. */
static const enum syscall_id interesting[] = {
	SYS_clone, SYS_clone3, SYS_execve, SYS_execveat, SYS_wait4, SYS_unshare, SYS_setns,
	SYS_clone, SYS_clone3, SYS_execve, SYS_execveat, SYS_wait4,
	SYS_fork, SYS_vfork, SYS_exit, SYS_exit_group,
	SYS__llseek, SYS_access, SYS_arch_prctl, SYS_brk, SYS_close, SYS_dup, SYS_dup2, SYS_dup3,
	SYS_faccessat, SYS_faccessat2, SYS_fcntl, SYS_fcntl64, SYS_fgetxattr, SYS_fstat,
	SYS_fstat64, SYS_fstatat64, SYS_futex, SYS_getdents64, SYS_getrandom, SYS_getxattr,
	SYS_ioctl, SYS_kill, SYS_lgetxattr, SYS_lseek, SYS_lstat, SYS_lstat64, SYS_mmap,
	SYS_mmap2, SYS_mprotect, SYS_munmap, SYS_newfstatat, SYS_open, SYS_openat, SYS_pipe,
	SYS_pipe2, SYS_pread64, SYS_pread64_32, SYS_prlimit64, SYS_pwrite64, SYS_pwrite64_32,
	SYS_read, SYS_readlink, SYS_readlinkat, SYS_rseq, SYS_rt_sigaction,
	SYS_rt_sigprocmask, SYS_set_robust_list, SYS_set_tid_address, SYS_stat, SYS_stat64,
	SYS_statx, SYS_tgkill, SYS_tkill, SYS_uname, SYS_write,
	SYS_chdir, SYS_chmod, SYS_chroot, SYS_creat, SYS_fadvise64, SYS_fchdir, SYS_fchmod,
	SYS_fchmodat, SYS_fdatasync, SYS_fstatfs, SYS_fsync, SYS_ftruncate, SYS_getcwd, SYS_link,
	SYS_mkdir, SYS_mkdirat, SYS_rename, SYS_renameat, SYS_rmdir, SYS_statfs, SYS_symlink,
	SYS_sysinfo, SYS_truncate, SYS_umask, SYS_unlink, SYS_unlinkat,
	SYS_ioctl, SYS_ioctl, SYS_statfs, SYS_sysinfo,
	SYS_poll, SYS_ppoll, SYS_select, SYS__newselect, SYS_pselect6, SYS_pselect6_time64,
	SYS_epoll_ctl, SYS_epoll_wait, SYS_epoll_pwait, SYS_epoll_pwait2, SYS_readv, SYS_writev,
	SYS_preadv, SYS_preadv_32, SYS_preadv2, SYS_pwritev2, SYS_prctl, SYS_prctl, SYS_prctl,
	SYS_clock_gettime, SYS_clock_gettime64, SYS_clock_nanosleep, SYS_gettimeofday,
	SYS_utimensat, SYS_rt_sigreturn, SYS_rt_sigreturn, SYS_sigaltstack, SYS_sched_getaffinity,
	SYS_sched_setaffinity, SYS_waitid, SYS_getresuid, SYS_getgroups, SYS_copy_file_range,
	SYS_getrusage, SYS_setitimer, SYS_timer_settime, SYS_timer_create, SYS_mremap,
	SYS_socket, SYS_socketpair, SYS_bind, SYS_connect, SYS_connect, SYS_accept, SYS_accept4,
	SYS_getsockname, SYS_getpeername, SYS_sendto, SYS_recvfrom, SYS_sendmsg, SYS_sendmsg,
	SYS_recvmsg, SYS_recvmsg, SYS_sendmmsg, SYS_recvmmsg, SYS_recvmmsg_time64,
	SYS_setsockopt, SYS_getsockopt, SYS_shutdown, SYS_socketcall, SYS_socketcall,
};
#define NINTERESTING (sizeof(interesting) / sizeof(interesting[0]))

static const unsigned strsizes[8] = { 32, 0, 1, 4, 16, 64, 200, 4096 };

static uint64_t arg_value(const struct fake_tracee *t, uint8_t kind, uint64_t v)
{
	const struct region *r = &t->region[(kind >> 2) % NREGIONS_MAX];

	switch (kind & 3) {
	case 0:
		return v;
	case 1:         /* into a region (or where one would be) */
		return (r->addr ? r->addr : REGION_BASE((kind >> 2) % NREGIONS_MAX)) +
		       (uint64_t)(int64_t)(int16_t)v;
	case 2:         /* near a region's end */
		return r->addr + r->len - (v & 0xff);
	default:        /* a small number */
		return (uint64_t)(int64_t)(int8_t)v;
	}
}

static int64_t rval_value(const struct fake_tracee *t, uint8_t kind, uint64_t v)
{
	switch (kind & 3) {
	case 0:
		return (int64_t)v;
	case 1:
		return -(int64_t)(v % 4096) - 1;        /* an errno */
	case 2:
		return (int64_t)arg_value(t, (uint8_t)(kind & ~3u) | 1, v);
	default:
		return (int64_t)(v & 0xff);
	}
}

static void check_text(const struct strbuf *sb)
{
	const char *s = strbuf_str(sb);

	if (strlen(s) != sb->len) {
		fprintf(stderr, "fuzz_decode: NUL inside printed text: \"%s\"\n", s);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct arch *const arches[4] = {
		&arch_x86_64, &arch_i386, &arch_aarch64, &arch_x32,
	};
	struct fuzz_input in = { data, size };
	struct fake_tracee t;
	struct decode_opts opts = decode_opts_default;
	uint8_t kinds[6];
	uint64_t raw[6], args[6];

	memset(&t, 0, sizeof(t));
	uint8_t mode = fuzz_u8(&in);
	struct arch arch = *arches[mode & 3];
	unsigned layout = (mode >> 2) & 7;
	if (layout >= 1 && layout <= CLONE_LAYOUT_COUNT)
		arch.clone_layout = (enum clone_layout)(layout - 1);
	opts.verbose = mode & 0x20;
	bool vanished = mode & 0x40;
	opts.fd_paths = mode & 0x80;            /* -y */

	uint8_t s = fuzz_u8(&in);
	opts.strsize = s < 8 ? strsizes[s] : s;

	uint8_t nrmode = fuzz_u8(&in);
	uint64_t nr = fuzz_u16(&in);
	strace_set_const_style((enum const_style)((nrmode >> 2) % 3));   /* -X */
	if (!(nrmode & 1)) {
		long n = arch_syscall_number(&arch, interesting[nr % NINTERESTING]);
		if (n >= 0)
			nr = (uint64_t)n;
	} else if (nrmode & 2) {
		nr |= (uint64_t)nrmode << 56;          /* far out of any table */
	}

	for (int i = 0; i < 6; i++) {
		kinds[i] = fuzz_u8(&in);
		raw[i] = fuzz_u64(&in);
	}
	uint8_t rkind = fuzz_u8(&in);
	uint64_t rraw = fuzz_u64(&in);
	t.flip = fuzz_u8(&in);

	t.nregions = fuzz_u8(&in) % (NREGIONS_MAX + 1);
	for (int i = 0; i < t.nregions; i++) {
		struct region *r = &t.region[i];
		uint8_t flags = fuzz_u8(&in);
		uint16_t offset = fuzz_u16(&in);
		size_t len = fuzz_u16(&in) % (REGION_LEN_MAX + 1);
		uint16_t pos = fuzz_u16(&in);
		uint8_t byte = fuzz_u8(&in);
		const uint8_t *bytes;

		len = fuzz_bytes(&in, &bytes, len);
		r->len = len;
		r->addr = flags & 1 ? REGION_BASE(i) + 0x10000 - len : REGION_BASE(i) + offset;
		for (int v = 0; v < 2; v++) {
			r->v[v] = malloc(len ? len : 1);
			if (len)
				memcpy(r->v[v], bytes, len);
		}
		if (len && ((flags >> 1) & 3) == 1)
			r->v[1][pos % len] = byte;
		else if ((flags >> 1) & 3)
			for (size_t k = 0; k < len; k++)
				r->v[1][k] ^= byte;
	}
	for (int i = 0; i < 6; i++)
		args[i] = arg_value(&t, kinds[i], raw[i]);
	int64_t rval = rval_value(&t, rkind, rraw);

	struct mem_reader mem = { .read = fake_read, .opaque = &t, .fd_path = fake_fd_path };
	struct syscall_event ev;
	struct strbuf entry = STRBUF_INIT, exit_args = STRBUF_INIT, line = STRBUF_INIT;

	memset(&ev, 0, sizeof(ev));
	/* The first register doubles as the stack pointer (rt_sigreturn has no arguments). */
	decode_syscall_entry_sp(&ev, &arch, nr, args, args[0], &mem, &opts);
	strace_format_entry(&entry, &ev);
	check_text(&entry);
	if (!vanished) {
		decode_syscall_exit(&ev, rval, &mem, &opts);
		strace_format_exit_args(&exit_args, &ev);
		strace_format_rval(&exit_args, &ev);
		check_text(&exit_args);
	}
	strace_format_line(&line, &ev);
	check_text(&line);
	if (getenv("FUZZ_DECODE_PRINT"))        /* to see what a seed decodes to */
		fprintf(stderr, "%s\n", strbuf_str(&line));

	strbuf_free(&entry);
	strbuf_free(&exit_args);
	strbuf_free(&line);
	event_release(&ev);
	for (int i = 0; i < t.nregions; i++) {
		free(t.region[i].v[0]);
		free(t.region[i].v[1]);
	}
	return 0;
}
