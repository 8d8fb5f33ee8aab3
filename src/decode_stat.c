/*
 * stat, lstat, fstat, newfstatat (and i386's *64 forms) and statx.
 *
 * struct stat is laid out three ways: x86_64's, the asm-generic one of
 * aarch64, and i386's struct stat64 (which the *64 calls use).  Each layout
 * is a table of field offsets; the printer sees one decoded form.  Without
 * -v strace shows the type and size (or device) and "..." (see
 * tests/unit/test_decode_stat.c).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_more.h"

/* Offset and width (4 or 8 bytes) of each field; width 0: absent. */
struct stat_field {
	uint8_t off, size;
};

struct stat_layout {
	unsigned size;
	struct stat_field dev, ino, mode, nlink, uid, gid, rdev, size_, blksize, blocks,
		atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
};

static const struct stat_layout stat_x86_64 = {
	144, { 0, 8 }, { 8, 8 }, { 24, 4 }, { 16, 8 }, { 28, 4 }, { 32, 4 }, { 40, 8 },
	{ 48, 8 }, { 56, 8 }, { 64, 8 }, { 72, 8 }, { 80, 8 }, { 88, 8 }, { 96, 8 },
	{ 104, 8 }, { 112, 8 },
};

static const struct stat_layout stat_generic = {
	128, { 0, 8 }, { 8, 8 }, { 16, 4 }, { 20, 4 }, { 24, 4 }, { 28, 4 }, { 32, 8 },
	{ 48, 8 }, { 56, 4 }, { 64, 8 }, { 72, 8 }, { 80, 8 }, { 88, 8 }, { 96, 8 },
	{ 104, 8 }, { 112, 8 },
};

/* i386 struct stat64: packed, the 64-bit st_ino at the end. */
static const struct stat_layout stat64_i386 = {
	96, { 0, 8 }, { 88, 8 }, { 16, 4 }, { 20, 4 }, { 24, 4 }, { 28, 4 }, { 32, 8 },
	{ 44, 8 }, { 52, 4 }, { 56, 8 }, { 64, 4 }, { 68, 4 }, { 72, 4 }, { 76, 4 },
	{ 80, 4 }, { 84, 4 },
};

/* Indexed by the descriptor's enum stat_layout_id. */
static const struct stat_layout *const stat_layouts[] = {
	[STAT_LAYOUT_X86_64] = &stat_x86_64,
	[STAT_LAYOUT_GENERIC] = &stat_generic,
	[STAT_LAYOUT_I386_64] = &stat64_i386,
};

static const struct stat_layout *stat_layout(const struct arch *arch)
{
	return stat_layouts[arch->stat_layout];
}

static uint64_t field_u(const uint8_t *buf, struct stat_field f)
{
	if (f.size == 4) {
		uint32_t v;
		memcpy(&v, buf + f.off, 4);
		return v;
	}
	uint64_t v;
	memcpy(&v, buf + f.off, 8);
	return v;
}

static int64_t field_s(const uint8_t *buf, struct stat_field f)
{
	uint64_t u = field_u(buf, f);
	return f.size == 4 ? (int64_t)(int32_t)u : (int64_t)u;
}

/* st_mode: the type (S_IFMT field), the special bits, the permissions in octal. */
static struct val *file_mode_val(struct arena *a, const char *name, uint32_t mode)
{
	struct val *v = val_flags(a, name, mode, &xlat_mode_bits, 0);
	v->flags.field_mask = 0170000;
	v->flags.field_xlat = &xlat_file_types;
	v->flags.octal = true;
	return v;
}

static const char *hex0(struct arena *a, uint64_t v)
{
	return v ? arena_printf(a, "%#llx", (unsigned long long)v) : "0";
}

/* The kernel's new_encode_dev: "makedev(0x1, 0x3)", the number with -X raw. */
static struct val *makedev_val(struct arena *a, const char *name, uint64_t dev)
{
	uint64_t major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffULL);
	uint64_t minor = (dev & 0xff) | ((dev >> 12) & ~0xffULL);
	return val_sym(a, name, dev, VAL_HEX,
		       arena_printf(a, "makedev(%s, %s)", hex0(a, major), hex0(a, minor)));
}

/* A time as strace comments it: local time, nanoseconds when not zero. */
const char *time_comment(struct arena *a, int64_t sec, uint64_t nsec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char date[64], zone[16];

	if (sec == 0 && nsec == 0)
		return NULL;    /* strace leaves the epoch uncommented */
	if (!localtime_r(&t, &tm))
		return NULL;
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (nsec)
		return arena_printf(a, "%s.%09llu%s", date, (unsigned long long)nsec, zone);
	return arena_printf(a, "%s%s", date, zone);
}

static void add_time(struct arena *a, struct val *s, const char *name, const char *nsname,
		     int64_t sec, uint64_t nsec)
{
	struct val *v = val_add(s, val_int(a, name, sec));
	v->comment = time_comment(a, sec, nsec);
	val_add(s, val_uint(a, nsname, nsec));
}

static bool is_dev(uint32_t mode)
{
	return (mode & 0170000) == 0020000 || (mode & 0170000) == 0060000;
}

static struct val *stat_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	const struct stat_layout *l = stat_layout(ctx->arch);
	uint8_t buf[144];

	if (ctx_failed(ctx) || !addr || !mem_read_full(ctx, addr, buf, l->size))
		return val_ptr(a, NULL, addr);

	uint32_t mode = (uint32_t)field_u(buf, l->mode);
	struct val *s = val_struct(a, NULL);
	bool v = ctx->opts->verbose;

	if (v) {
		val_add(s, makedev_val(a, "st_dev", field_u(buf, l->dev)));
		val_add(s, val_uint(a, "st_ino", field_u(buf, l->ino)));
	}
	val_add(s, file_mode_val(a, "st_mode", mode));
	if (v) {
		val_add(s, val_uint(a, "st_nlink", field_u(buf, l->nlink)));
		val_add(s, val_uint(a, "st_uid", field_u(buf, l->uid)));
		val_add(s, val_uint(a, "st_gid", field_u(buf, l->gid)));
		val_add(s, val_int(a, "st_blksize", field_s(buf, l->blksize)));
		val_add(s, val_uint(a, "st_blocks", field_u(buf, l->blocks)));
	}
	if (is_dev(mode))
		val_add(s, makedev_val(a, "st_rdev", field_u(buf, l->rdev)));
	else
		val_add(s, val_int(a, "st_size", field_s(buf, l->size_)));
	if (!v) {
		val_add(s, val_ellipsis(a));
		return s;
	}
	add_time(a, s, "st_atime", "st_atime_nsec", field_s(buf, l->atime),
		 field_u(buf, l->atime_nsec));
	add_time(a, s, "st_mtime", "st_mtime_nsec", field_s(buf, l->mtime),
		 field_u(buf, l->mtime_nsec));
	add_time(a, s, "st_ctime", "st_ctime_nsec", field_s(buf, l->ctime),
		 field_u(buf, l->ctime_nsec));
	return s;
}

/* stat, lstat, stat64, lstat64 (a path) and fstat, fstat64 (an fd). */
void dec_stat(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		if (ev->desc == &syscall_descs[SYS_fstat] || ev->desc == &syscall_descs[SYS_fstat64])
			arg_fdnum(ctx, args[0]);
		else
			arg_path(ctx, args[0]);
		ev->entry_sep_pending = true;
		return;
	}
	ctx_arg(ctx, stat_val(ctx, args[1]));
}

/* newfstatat, fstatat64: (dirfd, path, statbuf, flags). */
void dec_fstatat(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		arg_dirfd(ctx, args[0]);
		arg_path(ctx, args[1]);
		ev->entry_sep_pending = true;
		return;
	}
	ctx_arg(ctx, stat_val(ctx, args[2]));
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[3], &xlat_at_flags, 0));
}

/* struct statx: the same on every architecture. */
#define STATX_SIZE 256
#define STATX_BTIME_BIT 0x800

static uint32_t rd32(const uint8_t *b, unsigned off)
{
	uint32_t v;
	memcpy(&v, b + off, 4);
	return v;
}

static uint64_t rd64(const uint8_t *b, unsigned off)
{
	uint64_t v;
	memcpy(&v, b + off, 8);
	return v;
}

static void add_statx_time(struct arena *a, struct val *s, const char *name, const uint8_t *b,
			   unsigned off)
{
	int64_t sec = (int64_t)rd64(b, off);
	uint32_t nsec = rd32(b, off + 8);
	struct val *t = val_struct(a, name);
	val_add(t, val_int(a, "tv_sec", sec));
	val_add(t, val_uint(a, "tv_nsec", nsec));
	t->comment = time_comment(a, sec, nsec);
	val_add(s, t);
}

static struct val *statx_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	uint8_t b[STATX_SIZE];

	if (ctx_failed(ctx) || !addr || !mem_read_full(ctx, addr, b, STATX_SIZE))
		return val_ptr(a, NULL, addr);

	struct val *s = val_struct(a, NULL);
	bool v = ctx->opts->verbose;
	uint32_t mode = (uint16_t)rd32(b, 28);

	val_add(s, val_flags(a, "stx_mask", rd32(b, 0), &xlat_statx_masks, 0));
	if (v)
		val_add(s, val_uint(a, "stx_blksize", rd32(b, 4)));
	val_add(s, val_flags(a, "stx_attributes", rd64(b, 8), &xlat_statx_attrs, 0));
	if (v) {
		val_add(s, val_uint(a, "stx_nlink", rd32(b, 16)));
		val_add(s, val_uint(a, "stx_uid", rd32(b, 20)));
		val_add(s, val_uint(a, "stx_gid", rd32(b, 24)));
	}
	val_add(s, file_mode_val(a, "stx_mode", mode));
	if (v)
		val_add(s, val_uint(a, "stx_ino", rd64(b, 32)));
	val_add(s, val_uint(a, "stx_size", rd64(b, 40)));
	if (!v) {
		val_add(s, val_ellipsis(a));
		return s;
	}
	val_add(s, val_uint(a, "stx_blocks", rd64(b, 48)));
	val_add(s, val_flags(a, "stx_attributes_mask", rd64(b, 56), &xlat_statx_attrs, 0));
	add_statx_time(a, s, "stx_atime", b, 64);
	if (rd32(b, 0) & STATX_BTIME_BIT)
		add_statx_time(a, s, "stx_btime", b, 80);
	add_statx_time(a, s, "stx_ctime", b, 96);
	add_statx_time(a, s, "stx_mtime", b, 112);
	val_add(s, val_uint(a, "stx_rdev_major", rd32(b, 128)));
	val_add(s, val_uint(a, "stx_rdev_minor", rd32(b, 132)));
	val_add(s, val_uint(a, "stx_dev_major", rd32(b, 136)));
	val_add(s, val_uint(a, "stx_dev_minor", rd32(b, 140)));
	val_add(s, val_hex(a, "stx_mnt_id", rd64(b, 144)));
	return s;
}

/* statx flags: the sync type by name (AT_STATX_SYNC_AS_STAT is 0), then the AT_ bits. */
static struct val *statx_flags_val(struct decode_ctx *ctx, uint32_t flags)
{
	struct val *v = val_flags(ctx_arena(ctx), NULL, flags, &xlat_statx_flags, 0);
	v->flags.field_mask = 0x6000;
	v->flags.field_xlat = &xlat_statx_sync;
	v->flags.field_apart = true;
	return v;
}

void dec_statx(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		arg_dirfd(ctx, args[0]);
		arg_path(ctx, args[1]);
		ctx_arg(ctx, statx_flags_val(ctx, (uint32_t)args[2]));
		ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[3], &xlat_statx_masks, 0));
		ev->entry_sep_pending = true;
		return;
	}
	ctx_arg(ctx, statx_val(ctx, args[4]));
}

/*
 * struct statfs (not statfs64): words of the tracee's size, f_fsid two ints.
 * Without -v strace shows it whole too.
 */
static struct val *statfs_val(struct decode_ctx *ctx, uint64_t addr)
{
	static const char *const names[] = { "f_type", "f_bsize", "f_blocks", "f_bfree",
					     "f_bavail", "f_files", "f_ffree" };
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->reg_size;
	uint64_t word[10];
	uint32_t fsid[2];

	if (ctx_failed(ctx) || !addr)
		return val_ptr(a, NULL, addr);
	for (unsigned i = 0; i < 10; i++) {
		unsigned off = i < 7 ? i * w : (i - 7) * w + 7 * w + 8;
		if (!mem_read_kword(ctx, addr + off, &word[i]))
			return val_ptr(a, NULL, addr);
	}
	if (!mem_read_full(ctx, addr + 7 * w, fsid, sizeof(fsid)))
		return val_ptr(a, NULL, addr);

	struct val *s = val_struct(a, NULL);
	const char *magic = xlat_name(&xlat_fs_magic, word[0]);
	if (magic)
		val_add(s, val_sym(a, names[0], word[0], VAL_HEX, magic));
	else
		val_add(s, val_hex(a, names[0], word[0]));
	for (unsigned i = 1; i < 7; i++)
		val_add(s, val_uint(a, names[i], word[i]));
	struct val *id = val_add(s, val_struct(a, "f_fsid"));
	struct val *arr = val_add(id, val_array(a, "val"));
	val_add(arr, val_hex(a, NULL, fsid[0]));
	val_add(arr, val_hex(a, NULL, fsid[1]));
	val_add(s, val_uint(a, "f_namelen", word[7]));
	val_add(s, val_uint(a, "f_frsize", word[8]));
	val_add(s, val_flags(a, "f_flags", word[9], &xlat_statfs_flags, 0));
	return s;
}

/* statfs(path, buf), fstatfs(fd, buf) */
void dec_statfs(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;

	if (!ctx->exiting) {
		if (ev->desc == &syscall_descs[SYS_fstatfs])
			arg_fdnum(ctx, ev->args[0]);
		else
			arg_path(ctx, ev->args[0]);
		ev->entry_sep_pending = true;
		return;
	}
	ctx_arg(ctx, statfs_val(ctx, ev->args[1]));
}
