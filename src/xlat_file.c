/* Flag and name tables of the file decoders (include/ctrace/xlat_more.h). */
#include "ctrace/xlat_more.h"

/* strace 6.1's order (observed): O_SYNC before its O_DSYNC part, O_TMPFILE
 * before its O_DIRECTORY part, O_ASYNC last under its old name FASYNC. */
#define OPEN_COMMON_HEAD \
	{ 0100, "O_CREAT" }, \
	{ 0200, "O_EXCL" }, \
	{ 0400, "O_NOCTTY" }, \
	{ 01000, "O_TRUNC" }, \
	{ 02000, "O_APPEND" }, \
	{ 04000, "O_NONBLOCK" }, \
	{ 04010000, "O_SYNC" }, \
	{ 010000, "O_DSYNC" }

static const struct xlat_entry open_flags_x86_entries[] = {
	OPEN_COMMON_HEAD,
	{ 040000, "O_DIRECT" },
	{ 0100000, "O_LARGEFILE" },
	{ 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" },
	{ 010000000, "O_PATH" },
	{ 020200000, "O_TMPFILE" },
	{ 0200000, "O_DIRECTORY" },
	{ 020000, "FASYNC" },
	{ 0, NULL }
};
const struct xlat xlat_open_flags_x86 = { open_flags_x86_entries, "O_???" };

static const struct xlat_entry open_flags_generic_entries[] = {
	OPEN_COMMON_HEAD,
	{ 0200000, "O_DIRECT" },
	{ 0400000, "O_LARGEFILE" },
	{ 0100000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" },
	{ 010000000, "O_PATH" },
	{ 020040000, "O_TMPFILE" },
	{ 040000, "O_DIRECTORY" },
	{ 020000, "FASYNC" },
	{ 0, NULL }
};
const struct xlat xlat_open_flags_generic = { open_flags_generic_entries, "O_???" };

static const struct xlat_entry open_access_entries[] = {
	{ 0, "O_RDONLY" },
	{ 1, "O_WRONLY" },
	{ 2, "O_RDWR" },
	{ 3, "O_ACCMODE" },
	{ 0, NULL }
};
const struct xlat xlat_open_access = { open_access_entries, NULL };

static const struct xlat_entry at_flag_entries[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0x8000, "AT_RECURSIVE" },
	{ 0, NULL }
};
const struct xlat xlat_at_flags = { at_flag_entries, "AT_???" };

static const struct xlat_entry access_mode_entries[] = {
	{ 4, "R_OK" },
	{ 2, "W_OK" },
	{ 1, "X_OK" },
	{ 0, NULL }
};
const struct xlat xlat_access_modes = { access_mode_entries, "?_OK" };

static const struct xlat_entry fcntl_cmd_entries[] = {
	{ 0, "F_DUPFD" },
	{ 1, "F_GETFD" },
	{ 2, "F_SETFD" },
	{ 3, "F_GETFL" },
	{ 4, "F_SETFL" },
	{ 5, "F_GETLK" },
	{ 6, "F_SETLK" },
	{ 7, "F_SETLKW" },
	{ 8, "F_SETOWN" },
	{ 9, "F_GETOWN" },
	{ 10, "F_SETSIG" },
	{ 11, "F_GETSIG" },
	{ 12, "F_GETLK64" },
	{ 13, "F_SETLK64" },
	{ 14, "F_SETLKW64" },
	{ 15, "F_SETOWN_EX" },
	{ 16, "F_GETOWN_EX" },
	{ 17, "F_GETOWNER_UIDS" },
	{ 36, "F_OFD_GETLK" },
	{ 37, "F_OFD_SETLK" },
	{ 38, "F_OFD_SETLKW" },
	{ 1024, "F_SETLEASE" },
	{ 1025, "F_GETLEASE" },
	{ 1026, "F_NOTIFY" },
	{ 1030, "F_DUPFD_CLOEXEC" },
	{ 1031, "F_SETPIPE_SZ" },
	{ 1032, "F_GETPIPE_SZ" },
	{ 1033, "F_ADD_SEALS" },
	{ 1034, "F_GET_SEALS" },
	{ 0, NULL }
};
const struct xlat xlat_fcntl_cmds = { fcntl_cmd_entries, "F_???" };

static const struct xlat_entry fd_flag_entries[] = {
	{ 1, "FD_CLOEXEC" },
	{ 0, NULL }
};
const struct xlat xlat_fd_flags = { fd_flag_entries, NULL };

static const struct xlat_entry seek_whence_entries[] = {
	{ 0, "SEEK_SET" },
	{ 1, "SEEK_CUR" },
	{ 2, "SEEK_END" },
	{ 3, "SEEK_DATA" },
	{ 4, "SEEK_HOLE" },
	{ 0, NULL }
};
const struct xlat xlat_seek_whence = { seek_whence_entries, "SEEK_???" };

/* The terminal and file ioctls of asm-generic/ioctls.h (x86 and aarch64 alike). */
static const struct xlat_entry ioctl_cmd_entries[] = {
	{ 0x5401, "TCGETS" },
	{ 0x5402, "TCSETS" },
	{ 0x5403, "TCSETSW" },
	{ 0x5404, "TCSETSF" },
	{ 0x5405, "TCGETA" },
	{ 0x5406, "TCSETA" },
	{ 0x5407, "TCSETAW" },
	{ 0x5408, "TCSETAF" },
	{ 0x5409, "TCSBRK" },
	{ 0x540a, "TCXONC" },
	{ 0x540b, "TCFLSH" },
	{ 0x540c, "TIOCEXCL" },
	{ 0x540d, "TIOCNXCL" },
	{ 0x540e, "TIOCSCTTY" },
	{ 0x540f, "TIOCGPGRP" },
	{ 0x5410, "TIOCSPGRP" },
	{ 0x5411, "TIOCOUTQ" },
	{ 0x5412, "TIOCSTI" },
	{ 0x5413, "TIOCGWINSZ" },
	{ 0x5414, "TIOCSWINSZ" },
	{ 0x541b, "FIONREAD" },
	{ 0x5421, "FIONBIO" },
	{ 0x5422, "TIOCNOTTY" },
	{ 0x5429, "TIOCGSID" },
	{ 0x80045430, "TIOCGPTN" },
	{ 0x40045431, "TIOCSPTLCK" },
	{ 0x5441, "TIOCGPTPEER" },
	{ 0x5450, "FIONCLEX" },
	{ 0x5451, "FIOCLEX" },
	{ 0x5452, "FIOASYNC" },
	{ 0, NULL }
};
const struct xlat xlat_ioctl_cmds = { ioctl_cmd_entries, NULL };

static const struct xlat_entry file_type_entries[] = {
	{ 0140000, "S_IFSOCK" },
	{ 0120000, "S_IFLNK" },
	{ 0100000, "S_IFREG" },
	{ 0060000, "S_IFBLK" },
	{ 0040000, "S_IFDIR" },
	{ 0020000, "S_IFCHR" },
	{ 0010000, "S_IFIFO" },
	{ 0, NULL }
};
const struct xlat xlat_file_types = { file_type_entries, NULL };

/* st_mode's special bits, in the order strace prints them after the type. */
static const struct xlat_entry mode_bit_entries[] = {
	{ 04000, "S_ISUID" },
	{ 02000, "S_ISGID" },
	{ 01000, "S_ISVTX" },
	{ 0, NULL }
};
const struct xlat xlat_mode_bits = { mode_bit_entries, NULL };

static const struct xlat_entry statx_mask_entries[] = {
	{ 0xfff, "STATX_ALL" },
	{ 0x7ff, "STATX_BASIC_STATS" },
	{ 0x1, "STATX_TYPE" },
	{ 0x2, "STATX_MODE" },
	{ 0x4, "STATX_NLINK" },
	{ 0x8, "STATX_UID" },
	{ 0x10, "STATX_GID" },
	{ 0x20, "STATX_ATIME" },
	{ 0x40, "STATX_MTIME" },
	{ 0x80, "STATX_CTIME" },
	{ 0x100, "STATX_INO" },
	{ 0x200, "STATX_SIZE" },
	{ 0x400, "STATX_BLOCKS" },
	{ 0x800, "STATX_BTIME" },
	{ 0x1000, "STATX_MNT_ID" },
	{ 0x2000, "STATX_DIOALIGN" },
	{ 0, NULL }
};
const struct xlat xlat_statx_masks = { statx_mask_entries, "STATX_???" };

static const struct xlat_entry statx_attr_entries[] = {
	{ 0x4, "STATX_ATTR_COMPRESSED" },
	{ 0x10, "STATX_ATTR_IMMUTABLE" },
	{ 0x20, "STATX_ATTR_APPEND" },
	{ 0x40, "STATX_ATTR_NODUMP" },
	{ 0x800, "STATX_ATTR_ENCRYPTED" },
	{ 0x1000, "STATX_ATTR_AUTOMOUNT" },
	{ 0x2000, "STATX_ATTR_MOUNT_ROOT" },
	{ 0x100000, "STATX_ATTR_VERITY" },
	{ 0x200000, "STATX_ATTR_DAX" },
	{ 0, NULL }
};
const struct xlat xlat_statx_attrs = { statx_attr_entries, "STATX_ATTR_???" };

static const struct xlat_entry statx_flag_entries[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0, NULL }
};
const struct xlat xlat_statx_flags = { statx_flag_entries, "AT_???" };

static const struct xlat_entry statx_sync_entries[] = {
	{ 0x0000, "AT_STATX_SYNC_AS_STAT" },
	{ 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" },
	{ 0, NULL }
};
const struct xlat xlat_statx_sync = { statx_sync_entries, NULL };

/* struct termios flags (asm-generic/termbits.h; x86 and aarch64 alike), in
 * strace's order: c_lflag's IEXTEN comes before ECHOCTL (observed). */
static const struct xlat_entry termios_iflag_entries[] = {
	{ 01, "IGNBRK" }, { 02, "BRKINT" }, { 04, "IGNPAR" }, { 010, "PARMRK" },
	{ 020, "INPCK" }, { 040, "ISTRIP" }, { 0100, "INLCR" }, { 0200, "IGNCR" },
	{ 0400, "ICRNL" }, { 01000, "IUCLC" }, { 02000, "IXON" }, { 04000, "IXANY" },
	{ 010000, "IXOFF" }, { 020000, "IMAXBEL" }, { 040000, "IUTF8" },
	{ 0, NULL }
};
const struct xlat xlat_termios_iflags = { termios_iflag_entries, NULL };

static const struct xlat_entry termios_oflag_entries[] = {
	{ 01, "OPOST" }, { 02, "OLCUC" }, { 04, "ONLCR" }, { 010, "OCRNL" },
	{ 020, "ONOCR" }, { 040, "ONLRET" }, { 0100, "OFILL" }, { 0200, "OFDEL" },
	{ 0, NULL }
};
const struct xlat xlat_termios_oflags = { termios_oflag_entries, NULL };

static const struct xlat_entry termios_cflag_entries[] = {
	{ 0100, "CSTOPB" }, { 0200, "CREAD" }, { 0400, "PARENB" }, { 01000, "PARODD" },
	{ 02000, "HUPCL" }, { 04000, "CLOCAL" }, { 010000000000, "CMSPAR" },
	{ 020000000000, "CRTSCTS" },
	{ 0, NULL }
};
const struct xlat xlat_termios_cflags = { termios_cflag_entries, NULL };

static const struct xlat_entry termios_lflag_entries[] = {
	{ 01, "ISIG" }, { 02, "ICANON" }, { 04, "XCASE" }, { 010, "ECHO" }, { 020, "ECHOE" },
	{ 040, "ECHOK" }, { 0100, "ECHONL" }, { 0200, "NOFLSH" }, { 0400, "TOSTOP" },
	{ 0100000, "IEXTEN" }, { 01000, "ECHOCTL" }, { 02000, "ECHOPRT" }, { 04000, "ECHOKE" },
	{ 010000, "FLUSHO" }, { 040000, "PENDIN" }, { 0200000, "EXTPROC" },
	{ 0, NULL }
};
const struct xlat xlat_termios_lflags = { termios_lflag_entries, NULL };

static const struct xlat_entry termios_baud_entries[] = {
	{ 0, "B0" }, { 1, "B50" }, { 2, "B75" }, { 3, "B110" }, { 4, "B134" }, { 5, "B150" },
	{ 6, "B200" }, { 7, "B300" }, { 8, "B600" }, { 9, "B1200" }, { 10, "B1800" },
	{ 11, "B2400" }, { 12, "B4800" }, { 13, "B9600" }, { 14, "B19200" }, { 15, "B38400" },
	{ 0x1001, "B57600" }, { 0x1002, "B115200" }, { 0x1003, "B230400" },
	{ 0x1004, "B460800" }, { 0x1005, "B500000" }, { 0x1006, "B576000" },
	{ 0x1007, "B921600" }, { 0x1008, "B1000000" }, { 0x1009, "B1152000" },
	{ 0x100a, "B1500000" }, { 0x100b, "B2000000" }, { 0x100c, "B2500000" },
	{ 0x100d, "B3000000" }, { 0x100e, "B3500000" }, { 0x100f, "B4000000" },
	{ 0, NULL }
};
const struct xlat xlat_termios_bauds = { termios_baud_entries, NULL };

/* c_cc indexes, as strace names them ("[VINTR]=0x3"). */
static const struct xlat_entry termios_cc_entries[] = {
	{ 0, "VINTR" }, { 1, "VQUIT" }, { 2, "VERASE" }, { 3, "VKILL" }, { 4, "VEOF" },
	{ 5, "VTIME" }, { 6, "VMIN" }, { 7, "VSWTC" }, { 8, "VSTART" }, { 9, "VSTOP" },
	{ 10, "VSUSP" }, { 11, "VEOL" }, { 12, "VREPRINT" }, { 13, "VDISCARD" },
	{ 14, "VWERASE" }, { 15, "VLNEXT" }, { 16, "VEOL2" },
	{ 0, NULL }
};
const struct xlat xlat_termios_cc = { termios_cc_entries, NULL };

static const struct xlat_entry ioc_dir_entries[] = {
	{ 2, "_IOC_READ" },
	{ 1, "_IOC_WRITE" },
	{ 0, NULL }
};
const struct xlat xlat_ioc_dirs = { ioc_dir_entries, NULL };

static const struct xlat_entry fadvise_entries[] = {
	{ 0, "POSIX_FADV_NORMAL" }, { 1, "POSIX_FADV_RANDOM" }, { 2, "POSIX_FADV_SEQUENTIAL" },
	{ 3, "POSIX_FADV_WILLNEED" }, { 4, "POSIX_FADV_DONTNEED" }, { 5, "POSIX_FADV_NOREUSE" },
	{ 0, NULL }
};
const struct xlat xlat_fadvise_advice = { fadvise_entries, "POSIX_FADV_???" };

static const struct xlat_entry statfs_flag_entries[] = {
	{ 0x1, "ST_RDONLY" }, { 0x2, "ST_NOSUID" }, { 0x4, "ST_NODEV" }, { 0x8, "ST_NOEXEC" },
	{ 0x10, "ST_SYNCHRONOUS" }, { 0x20, "ST_VALID" }, { 0x40, "ST_MANDLOCK" },
	{ 0x400, "ST_NOATIME" }, { 0x800, "ST_NODIRATIME" }, { 0x1000, "ST_RELATIME" },
	{ 0x2000, "ST_NOSYMFOLLOW" },
	{ 0, NULL }
};
const struct xlat xlat_statfs_flags = { statfs_flag_entries, "ST_???" };

/* The file systems one meets most (linux/magic.h). */
static const struct xlat_entry fs_magic_entries[] = {
	{ 0xef53, "EXT2_SUPER_MAGIC" },
	{ 0x01021994, "TMPFS_MAGIC" },
	{ 0x9fa0, "PROC_SUPER_MAGIC" },
	{ 0x62656572, "SYSFS_MAGIC" },
	{ 0x794c7630, "OVERLAYFS_SUPER_MAGIC" },
	{ 0x1cd1, "DEVPTS_SUPER_MAGIC" },
	{ 0x63677270, "CGROUP2_SUPER_MAGIC" },
	{ 0x27e0eb, "CGROUP_SUPER_MAGIC" },
	{ 0x9123683e, "BTRFS_SUPER_MAGIC" },
	{ 0x58465342, "XFS_SUPER_MAGIC" },
	{ 0x6969, "NFS_SUPER_MAGIC" },
	{ 0x65735546, "FUSE_SUPER_MAGIC" },
	{ 0x4d44, "MSDOS_SUPER_MAGIC" },
	{ 0x9660, "ISOFS_SUPER_MAGIC" },
	{ 0x73717368, "SQUASHFS_MAGIC" },
	{ 0x858458f6, "RAMFS_MAGIC" },
	{ 0x64626720, "DEBUGFS_MAGIC" },
	{ 0x73636673, "SECURITYFS_MAGIC" },
	{ 0xf97cff8c, "SELINUX_MAGIC" },
	{ 0x958458f6, "HUGETLBFS_MAGIC" },
	{ 0x19800202, "MQUEUE_MAGIC" },
	{ 0x01021997, "V9FS_MAGIC" },
	{ 0, NULL }
};
const struct xlat xlat_fs_magic = { fs_magic_entries, NULL };
