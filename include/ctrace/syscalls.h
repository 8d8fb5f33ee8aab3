/*
 * What ctrace knows about each syscall, independent of architecture.
 *
 * include/ctrace/syscalls.def holds one row per syscall:
 *
 *     SYSCALL(id, "printed name", nargs, decoder, classes)
 *
 * `id` is a C identifier (unique even where two arches print the same name
 * for different calls, e.g. i386's one-argument old "mmap"), `nargs` is the
 * number of arguments strace prints for it, `decoder` the function that
 * decodes it (dec_generic: every argument in hex), `classes` the -e trace=%
 * classes it belongs to.  The per-architecture tables in arch/<arch>/ only
 * map numbers to these ids.
 */
#ifndef CTRACE_SYSCALLS_H
#define CTRACE_SYSCALLS_H

#include <stdint.h>

struct decode_ctx;
typedef void decoder_fn(struct decode_ctx *ctx);

/* -e trace=%class membership (strace's classes plus %namespace). */
enum syscall_class {
	TC_FILE      = 1u << 0,   /* takes a file name */
	TC_IPC       = 1u << 1,
	TC_NETWORK   = 1u << 2,
	TC_PROCESS   = 1u << 3,   /* process management */
	TC_SIGNAL    = 1u << 4,
	TC_DESC      = 1u << 5,   /* file-descriptor related */
	TC_MEMORY    = 1u << 6,
	TC_STAT      = 1u << 7,   /* %stat: stat variants taking a name */
	TC_LSTAT     = 1u << 8,
	TC_FSTAT     = 1u << 9,
	TC_STATFS    = 1u << 10,
	TC_FSTATFS   = 1u << 11,
	TC_CREDS     = 1u << 12,
	TC_CLOCK     = 1u << 13,
	TC_PURE      = 1u << 14,  /* no arguments, always succeeds */
	TC_NAMESPACE = 1u << 15,  /* creates or enters namespaces: clone, clone3, unshare, setns */
};

enum syscall_id {
	SYS_none = 0,
#define SYSCALL(id, name, nargs, decoder, classes) SYS_##id,
#include "ctrace/syscalls.def"
#undef SYSCALL
	SYS_COUNT
};

struct syscall_desc {
	const char *name;
	uint8_t nargs;
	uint32_t classes;
	decoder_fn *decode;
};

/* Indexed by enum syscall_id; entry SYS_none has a NULL name. */
extern const struct syscall_desc syscall_descs[SYS_COUNT];

/* Every decoder that syscalls.def names (defined in src/decode_*.c). */
decoder_fn dec_generic, dec_clone, dec_clone3, dec_fork, dec_unshare, dec_setns,
	dec_execve, dec_execveat, dec_exit, dec_wait4;
/* Files and descriptors (src/decode_file.c, src/decode_stat.c). */
decoder_fn dec_open, dec_openat, dec_close, dec_read, dec_write, dec_lseek, dec_llseek,
	dec_access, dec_faccessat, dec_readlink, dec_getdents64, dec_dup, dec_fcntl, dec_ioctl,
	dec_pipe, dec_getxattr, dec_stat, dec_fstatat, dec_statx;
/* Memory, signals and the rest (src/decode_memory.c, decode_signal_calls.c, decode_misc.c). */
decoder_fn dec_mmap, dec_munmap, dec_mprotect, dec_brk, dec_rt_sigaction, dec_rt_sigprocmask,
	dec_kill, dec_arch_prctl, dec_set_tid_address, dec_set_robust_list, dec_rseq,
	dec_prlimit64, dec_getrandom, dec_futex, dec_uname;
/* Calls on file names (src/decode_path_calls.c). */
decoder_fn dec_path, dec_path_mode, dec_two_paths, dec_at_path_mode, dec_unlinkat, dec_renameat,
	dec_fchmod, dec_truncate, dec_getcwd, dec_umask, dec_fadvise64, dec_statfs, dec_sysinfo;
/* Waiting on descriptors (src/decode_poll.c), vector I/O (src/decode_iov.c). */
decoder_fn dec_poll, dec_ppoll, dec_select, dec_pselect6, dec_epoll_create, dec_epoll_create1,
	dec_epoll_ctl, dec_epoll_wait, dec_eventfd, dec_readv, dec_writev;
/* Clocks (src/decode_time.c), prctl (src/decode_prctl.c), memory (src/decode_memory.c). */
decoder_fn dec_clock_gettime, dec_clock_settime, dec_clock_nanosleep, dec_nanosleep,
	dec_gettimeofday, dec_utimensat, dec_prctl, dec_madvise, dec_mremap;
/* Signal frames (src/decode_sigframe.c), CPU masks (src/decode_sched.c), waitid
 * (src/decode_process.c), ids (src/decode_creds.c), src/decode_fd_calls.c. */
decoder_fn dec_rt_sigreturn, dec_sigreturn, dec_sigaltstack, dec_sched_getaffinity, dec_sched_setaffinity,
	dec_waitid, dec_setid, dec_getresid, dec_chown, dec_fchown, dec_fchownat,
	dec_close_range, dec_copy_file_range, dec_getgroups, dec_alarm, dec_symlinkat,
	dec_rt_sigsuspend, dec_pids, dec_getrusage, dec_itimer, dec_timer_settime,
	dec_timer_create, dec_priority, dec_timerfd_create, dec_timerfd_settime;

/* Process file descriptors (src/decode_pidfd.c). */
decoder_fn dec_pidfd_open, dec_pidfd_send_signal, dec_pidfd_getfd;

/* Sockets (src/decode_net.c, decode_msghdr.c, decode_mmsg.c, decode_sockopt.c,
 * decode_socketcall.c). */
decoder_fn dec_socket, dec_socketpair, dec_bind_connect, dec_listen, dec_shutdown, dec_sockname,
	dec_sendto, dec_recvfrom, dec_sendmsg, dec_recvmsg, dec_setsockopt, dec_getsockopt,
	dec_sendmmsg, dec_recvmmsg, dec_socketcall;

#endif
