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
