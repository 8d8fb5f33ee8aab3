/*
 * Decoders for file and descriptor calls: open, close, read and write,
 * seeking, access checks, links, directories, dup, fcntl, ioctl, pipes and
 * extended attributes.  Formats follow strace 6.1 (see
 * tests/unit/test_decode_file.c).
 */
#include <string.h>

#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_more.h"

/* "O_RDONLY|O_CLOEXEC": the access mode (a 2-bit field) always, then the other bits. */
static struct val *open_flags_val(struct decode_ctx *ctx, uint64_t flags)
{
	struct val *v = val_flags(ctx_arena(ctx), NULL, flags, ctx->arch->open_flags, 0);
	v->flags.field_mask = 3;
	v->flags.field_xlat = &xlat_open_access;
	return v;
}

/* O_CREAT or O_TMPFILE: the mode follows. */
static bool open_takes_mode(const struct decode_ctx *ctx, uint64_t flags)
{
	uint64_t tmpfile = 0;
	xlat_value(ctx->arch->open_flags, "O_TMPFILE", &tmpfile);
	return (flags & 0100) || (tmpfile && (flags & tmpfile) == tmpfile);
}

static void decode_open_tail(struct decode_ctx *ctx, uint64_t flags, uint64_t mode)
{
	ctx_arg(ctx, open_flags_val(ctx, (uint32_t)flags));
	if (open_takes_mode(ctx, (uint32_t)flags))
		ctx_arg(ctx, val_oct(ctx_arena(ctx), NULL, mode & 07777));
}

void dec_open(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;
		return;
	}
	arg_path(ctx, args[0]);
	decode_open_tail(ctx, args[1], args[2]);
}

void dec_openat(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;
		return;
	}
	arg_dirfd(ctx, args[0]);
	arg_path(ctx, args[1]);
	decode_open_tail(ctx, args[2], args[3]);
}

/* close, fsync, ...: one fd. */
void dec_close(struct decode_ctx *ctx)
{
	if (!ctx->exiting)
		arg_fdnum(ctx, ctx->ev->args[0]);
}

/* The bytes the kernel stored: rval of them, or the address after a failure. */
static struct val *returned_buffer(struct decode_ctx *ctx, uint64_t addr)
{
	if (ctx_failed(ctx))
		return val_ptr(ctx_arena(ctx), NULL, addr);
	return buffer_val(ctx, addr, (uint64_t)ctx->ev->rval);
}

static bool is_desc(const struct decode_ctx *ctx, enum syscall_id id)
{
	return ctx->ev->desc == &syscall_descs[id];
}

/* i386 passes 64-bit offsets as two registers, low word first. */
static int64_t offset_arg(const struct decode_ctx *ctx, const uint64_t *args, unsigned i,
			  bool pair)
{
	if (pair)
		return (int64_t)((args[i] & 0xffffffffu) | (args[i + 1] << 32));
	return ctx_reg_signed(ctx, args[i]);
}

/* read, pread64: fd at entry, what was read at exit. */
void dec_read(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ev->entry_sep_pending = true;
		return;
	}
	ctx_arg(ctx, returned_buffer(ctx, args[1]));
	arg_ulong(ctx, args[2]);
	if (is_desc(ctx, SYS_pread64) || is_desc(ctx, SYS_pread64_32))
		ctx_arg(ctx, val_int(ctx_arena(ctx), NULL,
				     offset_arg(ctx, args, 3, is_desc(ctx, SYS_pread64_32))));
}

/* write, pwrite64: everything at entry. */
void dec_write(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, buffer_val(ctx, args[1], arch_word(ctx->arch, args[2])));
	arg_ulong(ctx, args[2]);
	if (is_desc(ctx, SYS_pwrite64) || is_desc(ctx, SYS_pwrite64_32))
		ctx_arg(ctx, val_int(ctx_arena(ctx), NULL,
				     offset_arg(ctx, args, 3, is_desc(ctx, SYS_pwrite64_32))));
}

void dec_lseek(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	arg_long(ctx, args[1]);
	ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[2], &xlat_seek_whence));
}

/* _llseek(fd, offset_high, offset_low, result, whence): "_llseek(3, 0, [0], SEEK_SET)". */
void dec_llseek(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ctx_arg(ctx, val_int(a, NULL, (int64_t)((args[1] << 32) | (args[2] & 0xffffffffu))));
		ev->entry_sep_pending = true;
		return;
	}
	int64_t result;
	if (!ctx_failed(ctx) && args[3] && mem_read_full(ctx, args[3], &result, sizeof(result)))
		ctx_arg(ctx, val_written(a, NULL, val_int(a, NULL, result)));
	else
		arg_ptr(ctx, NULL, args[3]);
	ctx_arg(ctx, val_enum(a, NULL, (uint32_t)args[4], &xlat_seek_whence));
}

static struct val *access_mode_val(struct decode_ctx *ctx, uint64_t mode)
{
	return flags_or_zero(ctx, (uint32_t)mode, &xlat_access_modes, "F_OK");
}

void dec_access(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_path(ctx, ctx->ev->args[0]);
	ctx_arg(ctx, access_mode_val(ctx, ctx->ev->args[1]));
}

/* faccessat and faccessat2 (which adds flags). */
void dec_faccessat(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_dirfd(ctx, args[0]);
	arg_path(ctx, args[1]);
	ctx_arg(ctx, access_mode_val(ctx, args[2]));
	if (is_desc(ctx, SYS_faccessat2))
		ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[3], &xlat_at_flags, 0));
}

/* readlink(path, buf, size) and readlinkat(dirfd, path, buf, size). */
void dec_readlink(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	unsigned i = is_desc(ctx, SYS_readlinkat) ? 1 : 0;

	if (!ctx->exiting) {
		if (i)
			arg_dirfd(ctx, args[0]);
		arg_path(ctx, args[i]);
		ev->entry_sep_pending = true;
		return;
	}
	ctx_arg(ctx, returned_buffer(ctx, args[i + 1]));
	arg_ulong(ctx, args[i + 2]);
}

/* linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name. */
#define DIRENT64_RECLEN_OFF 16
#define DIRENT64_MIN 19

static const struct xlat_entry dirent_type_entries[] = {
	{ 0, "DT_UNKNOWN" }, { 1, "DT_FIFO" }, { 2, "DT_CHR" }, { 4, "DT_DIR" }, { 6, "DT_BLK" },
	{ 8, "DT_REG" }, { 10, "DT_LNK" }, { 12, "DT_SOCK" }, { 14, "DT_WHT" },
	{ 0, NULL }
};
static const struct xlat xlat_dirent_types = { dirent_type_entries, "DT_???" };

/* -v: every entry, "[{d_ino=19, d_off=..., d_reclen=24, d_type=DT_DIR, d_name="etc"}, ...]". */
static struct val *dirents_val(struct decode_ctx *ctx, uint64_t addr, uint64_t len)
{
	struct arena *a = ctx_arena(ctx);
	struct val *arr = val_array(a, NULL);
	uint8_t head[DIRENT64_MIN];

	for (uint64_t off = 0; off + DIRENT64_MIN <= len;) {
		uint64_t ino;
		int64_t doff;
		uint16_t reclen;
		if (!mem_read_full(ctx, addr + off, head, sizeof(head)))
			return val_ptr(a, NULL, addr);
		memcpy(&ino, head, 8);
		memcpy(&doff, head + 8, 8);
		memcpy(&reclen, head + DIRENT64_RECLEN_OFF, 2);
		if (reclen < DIRENT64_MIN || off + reclen > len)
			break;
		size_t name_max = reclen - DIRENT64_MIN;
		char *name = arena_alloc(a, name_max + 1);
		if (name_max && !mem_read_full(ctx, addr + off + DIRENT64_MIN, name, name_max))
			return val_ptr(a, NULL, addr);
		struct val *e = val_add(arr, val_struct(a, NULL));
		val_add(e, val_uint(a, "d_ino", ino));
		val_add(e, val_int(a, "d_off", doff));
		val_add(e, val_uint(a, "d_reclen", reclen));
		val_add(e, val_enum(a, "d_type", head[18], &xlat_dirent_types));
		val_add(e, val_str(a, "d_name", name, strnlen(name, name_max), false));
		off += reclen;
	}
	return arr;
}

static uint64_t count_dirents(struct decode_ctx *ctx, uint64_t addr, uint64_t len)
{
	uint64_t n = 0;

	for (uint64_t off = 0; off + DIRENT64_MIN <= len; n++) {
		uint16_t reclen;
		if (!mem_read_full(ctx, addr + off + DIRENT64_RECLEN_OFF, &reclen, sizeof(reclen)) ||
		    reclen == 0)
			break;
		off += reclen;
	}
	return n;
}

/* getdents64(fd, dirp, count): strace's abbreviated "0x55... slash-star 30 entries star-slash". */
void dec_getdents64(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx->opts->verbose && !ctx_failed(ctx)) {
		ctx_arg(ctx, dirents_val(ctx, args[1], (uint64_t)ev->rval));
		ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
		return;
	}
	struct val *dirp = arg_ptr(ctx, NULL, args[1]);
	if (!ctx_failed(ctx)) {
		uint64_t n = count_dirents(ctx, args[1], (uint64_t)ev->rval);
		dirp->comment = arena_printf(a, "%llu entries", (unsigned long long)n);
	}
	ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
}

/* dup(fd), dup2(old, new), dup3(old, new, flags). */
void dec_dup(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;
		return;
	}
	arg_fdnum(ctx, args[0]);
	if (is_desc(ctx, SYS_dup))
		return;
	arg_fdnum(ctx, args[1]);
	if (is_desc(ctx, SYS_dup3))
		ctx_arg(ctx, flags_or_zero(ctx, (uint32_t)args[2], ctx->arch->open_flags, "0"));
}

/* fcntl and fcntl64. */
void dec_fcntl(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);
	uint32_t cmd = (uint32_t)args[1];

	if (ctx->exiting) {
		if (ctx_failed(ctx))
			return;
		switch (cmd) {
		case 0:     /* F_DUPFD */
		case 1030:  /* F_DUPFD_CLOEXEC */
			ev->rval_format = RVAL_FD;
			break;
		case 1:     /* F_GETFD */
			if (ev->rval) {
				ev->rval_format = RVAL_HEX;
				if (xlat_name(&xlat_fd_flags, (uint64_t)ev->rval)) {
					ev->rval_comment = "flags";
					ev->rval_val = val_flags(a, NULL, (uint64_t)ev->rval,
								 &xlat_fd_flags, 0);
				}
			}
			break;
		case 3:     /* F_GETFL */
			ev->rval_format = RVAL_HEX;
			ev->rval_comment = "flags";
			ev->rval_val = open_flags_val(ctx, (uint64_t)ev->rval);
			ev->rval_val_abbrev = true;
			break;
		}
		return;
	}
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, val_enum(a, NULL, cmd, &xlat_fcntl_cmds));
	switch (cmd) {
	case 1: case 3: case 9: case 11: case 1025: case 1032: case 1034:
		break;      /* F_GET*: no argument */
	case 2:     /* F_SETFD */
		ctx_arg(ctx, flags_or_zero(ctx, (uint32_t)args[2], &xlat_fd_flags, "0"));
		break;
	case 4:     /* F_SETFL */
		ctx_arg(ctx, open_flags_val(ctx, (uint32_t)args[2]));
		break;
	case 0: case 8: case 10: case 1024: case 1026: case 1030: case 1031: case 1033:
		arg_int(ctx, NULL, args[2]);
		break;
	default:
		arg_ptr(ctx, NULL, args[2]);
		break;
	}
}

/* "A|B" + the names of `bits` in `x` (and leftover bits in hex). */
static const char *append_flags(struct arena *a, const char *text, uint64_t bits,
				const struct xlat *x)
{
	for (const struct xlat_entry *e = x->entries; e->name; e++) {
		if (e->value && (bits & e->value) == e->value) {
			text = *text ? arena_printf(a, "%s|%s", text, e->name) : e->name;
			bits &= ~e->value;
		}
	}
	if (bits)
		text = *text ? arena_printf(a, "%s|%#llx", text, (unsigned long long)bits)
			     : arena_printf(a, "%#llx", (unsigned long long)bits);
	return text;
}

#define TERMIOS_CBAUD 0x100f
#define TERMIOS_CSIZE 060
#define TERMIOS_NCCS 19

/* c_oflag: the delay fields by value ("NL0|CR0|TAB0|BS0|VT0|FF0"), then the flags. */
/* A delay field of c_oflag by name ("CR0"); its own bits with -X raw ("0", "0x200"). */
static void add_oflag_field(struct arena *a, struct val *join, uint32_t o, const char *prefix,
			    unsigned shift, uint32_t mask)
{
	uint32_t bits = o & (mask << shift);
	val_add(join, val_sym(a, NULL, bits, VAL_HEX,
			      arena_printf(a, "%s%u", prefix, bits >> shift)));
}

/* c_oflag: "NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR", each part styled by -X as strace does. */
static struct val *termios_oflag_val(struct arena *a, const char *name, uint32_t o)
{
	struct val *join = val_join(a, name);

	add_oflag_field(a, join, o, "NL", 8, 1);
	add_oflag_field(a, join, o, "CR", 9, 3);
	add_oflag_field(a, join, o, "TAB", 11, 3);
	add_oflag_field(a, join, o, "BS", 13, 1);
	add_oflag_field(a, join, o, "VT", 14, 1);
	add_oflag_field(a, join, o, "FF", 15, 1);
	if (o & ~0177400u)
		val_add(join, val_flags(a, NULL, o & ~0177400u, &xlat_termios_oflags, 0));
	return join;
}

/* c_cflag: "B38400|CS8|CREAD". */
static struct val *termios_cflag_val(struct arena *a, const char *name, uint32_t c)
{
	struct val *join = val_join(a, name);
	uint32_t size = c & TERMIOS_CSIZE;

	val_add(join, val_enum(a, NULL, c & TERMIOS_CBAUD, &xlat_termios_bauds));
	val_add(join, val_sym(a, NULL, size, VAL_HEX, arena_printf(a, "CS%u", 5 + (size >> 4))));
	if (c & ~(uint32_t)(TERMIOS_CBAUD | TERMIOS_CSIZE))
		val_add(join, val_flags(a, NULL, c & ~(uint32_t)(TERMIOS_CBAUD | TERMIOS_CSIZE),
					&xlat_termios_cflags, 0));
	return join;
}

/* struct termios: four flag words, c_line, c_cc[19]. */
static struct val *termios_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	uint8_t b[16 + 1 + TERMIOS_NCCS];
	uint32_t t[4];   /* c_iflag, c_oflag, c_cflag, c_lflag */

	if (!mem_read_full(ctx, addr, b, sizeof(b)))
		return val_ptr(a, NULL, addr);
	memcpy(t, b, sizeof(t));
	struct val *s = val_struct(a, NULL);
	val_add(s, val_flags(a, "c_iflag", t[0], &xlat_termios_iflags, 0));
	val_add(s, termios_oflag_val(a, "c_oflag", t[1]));
	val_add(s, termios_cflag_val(a, "c_cflag", t[2]));
	val_add(s, val_flags(a, "c_lflag", t[3], &xlat_termios_lflags, 0));
	if (!ctx->opts->verbose) {
		val_add(s, val_ellipsis(a));
		return s;
	}
	if (b[16] == 0)
		val_add(s, val_sym(a, "c_line", 0, VAL_UINT, "N_TTY"));
	else
		val_add(s, val_uint(a, "c_line", b[16]));
	const char *cc = "";
	for (unsigned i = 0; i < TERMIOS_NCCS; i++) {
		const char *name = xlat_name(&xlat_termios_cc, i);
		uint8_t v = b[17 + i];
		const char *idx = name ? name : arena_printf(a, "%u", i);
		const char *val = v ? arena_printf(a, "%#x", v) : "0";
		cc = arena_printf(a, "%s%s[%s]=%s", cc, i ? ", " : "", idx, val);
	}
	val_add(s, val_text(a, "c_cc", arena_printf(a, "[%s]", cc)));
	return s;
}

static struct val *winsize_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	uint16_t w[4];

	if (!mem_read_full(ctx, addr, w, sizeof(w)))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	val_add(s, val_uint(a, "ws_row", w[0]));
	val_add(s, val_uint(a, "ws_col", w[1]));
	val_add(s, val_uint(a, "ws_xpixel", w[2]));
	val_add(s, val_uint(a, "ws_ypixel", w[3]));
	return s;
}

static struct val *int_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	int32_t i;

	if (!mem_read_full(ctx, addr, &i, sizeof(i)))
		return val_ptr(a, NULL, addr);
	return val_written(a, NULL, val_int(a, NULL, i));
}

enum ioctl_arg { IOA_NONE, IOA_HEX, IOA_IN, IOA_OUT };

static enum ioctl_arg ioctl_arg_kind(uint32_t cmd)
{
	switch (cmd) {
	case 0x5401: case 0x5405: case 0x540f: case 0x5411: case 0x5413: case 0x541b:
	case 0x5429: case 0x80045430:
		return IOA_OUT;
	case 0x5402: case 0x5403: case 0x5404: case 0x5410: case 0x5414: case 0x5421:
	case 0x5452: case 0x40045431:
		return IOA_IN;
	case 0x540c: case 0x540d: case 0x5422: case 0x5450: case 0x5451:
		return IOA_NONE;
	default:
		return IOA_HEX;
	}
}

static struct val *ioctl_arg_val(struct decode_ctx *ctx, uint32_t cmd, uint64_t addr)
{
	switch (cmd) {
	case 0x5401: case 0x5402: case 0x5403: case 0x5404:
		return termios_val(ctx, addr);
	case 0x5413: case 0x5414:
		return winsize_val(ctx, addr);
	default:
		return int_at(ctx, addr);
	}
}

/* An unknown command by its fields: "_IOC(_IOC_READ, 0x74, 0x2, 0x8)". */
static const char *ioc_text(struct arena *a, uint32_t cmd)
{
	uint32_t dir = cmd >> 30, type = (cmd >> 8) & 0xff, nr = cmd & 0xff;
	uint32_t size = (cmd >> 16) & 0x3fff;
	const char *d = dir ? append_flags(a, "", dir, &xlat_ioc_dirs) : "_IOC_NONE";

	return arena_printf(a, "_IOC(%s, %#x, %#x, %s)", d, type, nr,
			    size ? arena_printf(a, "%#x", size) : "0");
}

void dec_ioctl(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);
	uint32_t cmd = (uint32_t)args[1];
	enum ioctl_arg kind = ioctl_arg_kind(cmd);

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		const char *name = xlat_name(&xlat_ioctl_cmds, cmd);
		ctx_arg(ctx, val_sym(a, NULL, cmd, VAL_HEX, name ? name : ioc_text(a, cmd)));
		if (kind == IOA_HEX)
			arg_hex(ctx, NULL, arch_word(ctx->arch, args[2]));
		else if (kind == IOA_IN)
			ctx_arg(ctx, ioctl_arg_val(ctx, cmd, args[2]));
		else if (kind == IOA_OUT)
			ev->entry_sep_pending = true;
		return;
	}
	if (kind != IOA_OUT)
		return;
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[2]);
	else
		ctx_arg(ctx, ioctl_arg_val(ctx, cmd, args[2]));
}

/* pipe(fds), pipe2(fds, flags): "[3, 4]" written back. */
void dec_pipe(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	int32_t fds[2];

	if (!ctx->exiting)
		return;
	if (!ctx_failed(ctx) && mem_read_full(ctx, args[0], fds, sizeof(fds))) {
		struct val *arr = val_array(a, NULL);
		val_add(arr, ctx_fd_val(ctx, NULL, fds[0]));
		val_add(arr, ctx_fd_val(ctx, NULL, fds[1]));
		ctx_arg(ctx, arr);
	} else {
		arg_ptr(ctx, NULL, args[0]);
	}
	if (is_desc(ctx, SYS_pipe2))
		ctx_arg(ctx, flags_or_zero(ctx, (uint32_t)args[1], ctx->arch->open_flags, "0"));
}

/* getxattr, lgetxattr (path) and fgetxattr (fd): name, then the value read. */
void dec_getxattr(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		if (is_desc(ctx, SYS_fgetxattr))
			arg_fdnum(ctx, args[0]);
		else
			arg_path(ctx, args[0]);
		arg_string(ctx, NULL, args[1]);
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx) || !args[2])
		arg_ptr(ctx, NULL, args[2]);
	else
		ctx_arg(ctx, buffer_val(ctx, args[2], (uint64_t)ev->rval));
	arg_ulong(ctx, args[3]);
}
