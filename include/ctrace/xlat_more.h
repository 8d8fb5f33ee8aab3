/*
 * Tables of the file, memory, signal and miscellaneous decoders
 * (src/xlat_file.c, src/xlat_mmap.c).  Each lists names in the order strace
 * 6.1 prints them.
 */
#ifndef CTRACE_XLAT_MORE_H
#define CTRACE_XLAT_MORE_H

#include "ctrace/xlat.h"

/* open(2) flags without the access mode.  O_DIRECT, O_LARGEFILE, O_DIRECTORY
 * and O_NOFOLLOW differ between x86 and the asm-generic arches (aarch64). */
extern const struct xlat xlat_open_flags_x86, xlat_open_flags_generic;
extern const struct xlat xlat_open_access;     /* O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE */
extern const struct xlat xlat_at_flags;        /* AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, ... */
extern const struct xlat xlat_access_modes;    /* R_OK, W_OK, X_OK */
extern const struct xlat xlat_fcntl_cmds;      /* F_DUPFD, F_GETFD, ... */
extern const struct xlat xlat_fd_flags;        /* FD_CLOEXEC */
extern const struct xlat xlat_seek_whence;     /* SEEK_SET, ... */
extern const struct xlat xlat_ioctl_cmds;      /* TCGETS, TIOCGWINSZ, FIONREAD, ... */
extern const struct xlat xlat_mode_bits;       /* S_ISUID, S_ISGID, S_ISVTX */
extern const struct xlat xlat_file_types;      /* S_IFREG, ... by (mode & S_IFMT) */
extern const struct xlat xlat_statx_masks;     /* STATX_ALL, STATX_BASIC_STATS, STATX_TYPE, ... */
extern const struct xlat xlat_statx_attrs;     /* STATX_ATTR_* */
extern const struct xlat xlat_statx_flags;     /* AT_* flags statx takes besides the sync type */
extern const struct xlat xlat_statx_sync;      /* AT_STATX_SYNC_AS_STAT, ... */
extern const struct xlat xlat_termios_iflags, xlat_termios_oflags, xlat_termios_cflags,
	xlat_termios_lflags;
extern const struct xlat xlat_termios_bauds;   /* B0 ... B4000000 by (c_cflag & CBAUD) */
extern const struct xlat xlat_termios_cc;      /* VINTR ... VEOL2 by c_cc index */
extern const struct xlat xlat_ioc_dirs;        /* _IOC_WRITE, _IOC_READ */
extern const struct xlat xlat_fadvise_advice;  /* POSIX_FADV_* */
extern const struct xlat xlat_statfs_flags;    /* ST_RDONLY, ... */
extern const struct xlat xlat_fs_magic;        /* f_type: EXT2_SUPER_MAGIC, ... */

extern const struct xlat xlat_mmap_prot;       /* PROT_READ, ... */
extern const struct xlat xlat_mmap_flags;      /* MAP_SHARED, MAP_PRIVATE, MAP_FIXED, ... */
extern const struct xlat xlat_mmap_types;      /* flags & 0xf: MAP_FILE (0), MAP_SHARED, ... */
extern const struct xlat xlat_arch_prctl_codes;
extern const struct xlat xlat_rlimit_resources;
extern const struct xlat xlat_getrandom_flags;
extern const struct xlat xlat_futex_ops;       /* FUTEX_WAIT ... without PRIVATE/CLOCK bits */
extern const struct xlat xlat_sa_flags;        /* SA_RESTORER, ... */
extern const struct xlat xlat_sigprocmask_how; /* SIG_BLOCK, ... */
extern const struct xlat xlat_sa_handlers;     /* SIG_DFL, SIG_IGN */

#endif
