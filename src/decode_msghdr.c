/*
 * sendmsg and recvmsg: struct msghdr as strace 6.1 prints it, with the
 * address, the iovec array (the bytes of each buffer, up to the total sent
 * or received), the control messages (SCM_RIGHTS fds, SCM_CREDENTIALS) and
 * the flags.  Layouts follow the tracee's word size: 64-bit msghdr is 56
 * bytes and cmsghdr 16, their 32-bit (i386, x32 compat) forms 28 and 12.
 */
#include <string.h>

#include "ctrace/decode_net.h"
#include "ctrace/decode_path.h"
#include "ctrace/decode_sockaddr.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_net.h"

#define SOL_SOCKET_ 1
#define SCM_RIGHTS_ 1
#define SCM_CREDENTIALS_ 2
#define UCRED_SIZE 12
/* strace reads at most this much control data. */
#define CONTROL_MAX (1024 * 1024)
/* A bound on the iovecs walked under -v, where nothing else stops a huge count. */
#define IOV_WALK_MAX (1u << 20)

struct msghdr_words {
	uint64_t name;
	int32_t namelen;
	uint64_t iov;
	uint64_t iovlen;
	uint64_t control;
	uint64_t controllen;
	uint32_t flags;
};

enum { MSG_HAVE_NAMELEN, MSG_NAMELEN };

static uint64_t word_at(const struct decode_ctx *ctx, const uint8_t *p)
{
	if (ctx->arch->word_size == 4) {
		uint32_t w;
		memcpy(&w, p, sizeof(w));
		return w;
	}
	uint64_t w;
	memcpy(&w, p, sizeof(w));
	return w;
}

static bool fetch_msghdr(struct decode_ctx *ctx, uint64_t addr, struct msghdr_words *m)
{
	unsigned w = ctx->arch->word_size;
	uint8_t b[7 * 8];

	if (!addr || !mem_read_full(ctx, addr, b, MSGHDR_SIZE(w)))
		return false;
	m->name = word_at(ctx, b);
	memcpy(&m->namelen, b + w, sizeof(m->namelen));
	m->iov = word_at(ctx, b + 2 * w);
	m->iovlen = word_at(ctx, b + 3 * w);
	m->control = word_at(ctx, b + 4 * w);
	m->controllen = word_at(ctx, b + 5 * w);
	memcpy(&m->flags, b + 6 * w, sizeof(m->flags));
	return true;
}

/*
 * [{iov_base="...", iov_len=N}, ...]: `data` bytes shown in all (the total
 * sent or received; UINT64_MAX: each buffer whole), each cut at -s.
 */
struct val *iovec_array_val(struct decode_ctx *ctx, const char *name, uint64_t addr,
			    uint64_t count, uint64_t data)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;

	if (!addr)
		return val_ptr(a, name, 0);
	struct val *arr = val_array(a, name);
	for (uint64_t i = 0; i < count; i++) {
		uint8_t b[16];
		if (!mem_read_full(ctx, addr + i * 2 * w, b, 2 * w)) {
			if (i == 0)
				return val_ptr(a, name, addr);
			val_add(arr, val_ellipsis(a))->comment =
				arena_printf(a, "%#llx", (unsigned long long)(addr + i * 2 * w));
			break;
		}
		if ((!ctx->opts->verbose && i >= ctx->opts->strsize) || i >= IOV_WALK_MAX) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		uint64_t base = word_at(ctx, b), len = word_at(ctx, b + w);
		uint64_t shown = len < data ? len : data;
		if (data != UINT64_MAX)
			data -= shown;
		struct val *e = val_add(arr, val_struct(a, NULL));
		struct val *bv = val_add(e, buffer_val(ctx, base, shown));
		bv->name = "iov_base";
		val_add(e, val_uint(a, "iov_len", len));
	}
	return arr;
}

/* cmsg_data of SCM_RIGHTS: the fds, abbreviated at -s entries like an array. */
static struct val *scm_rights_val(struct decode_ctx *ctx, const uint8_t *data, uint64_t len)
{
	struct arena *a = ctx_arena(ctx);
	struct val *arr = val_array(a, "cmsg_data");

	for (uint64_t i = 0; i < len / 4; i++) {
		if (!ctx->opts->verbose && i >= ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		int32_t fd;
		memcpy(&fd, data + i * 4, sizeof(fd));
		val_add(arr, ctx_fd_val(ctx, NULL, fd));
	}
	return arr;
}

static struct val *scm_credentials_val(struct decode_ctx *ctx, const uint8_t *data)
{
	struct arena *a = ctx_arena(ctx);
	uint32_t cred[3];
	struct val *s = val_struct(a, "cmsg_data");

	memcpy(cred, data, sizeof(cred));
	val_add(s, val_uint(a, "pid", cred[0]));
	val_add(s, val_uint(a, "uid", cred[1]));
	val_add(s, val_uint(a, "gid", cred[2]));
	return s;
}

static void add_cmsg_type_data(struct decode_ctx *ctx, struct val *s, int32_t level,
			       int32_t type, const uint8_t *data, uint64_t len)
{
	struct arena *a = ctx_arena(ctx);

	if (level != SOL_SOCKET_) {
		val_add(s, val_hex(a, "cmsg_type", (uint32_t)type));
		return;
	}
	val_add(s, val_enum(a, "cmsg_type", (uint32_t)type, &xlat_scm_types));
	if (type == SCM_RIGHTS_ && len >= 4)
		val_add(s, scm_rights_val(ctx, data, len));
	else if (type == SCM_CREDENTIALS_ && len >= UCRED_SIZE)
		val_add(s, scm_credentials_val(ctx, data));
}

/* msg_control: [{cmsg_len=..., cmsg_level=..., cmsg_type=..., cmsg_data=...}, ...]. */
static struct val *control_val(struct decode_ctx *ctx, uint64_t addr, uint64_t in_len)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	unsigned hdr = w + 8;
	uint64_t control_len = in_len > CONTROL_MAX ? CONTROL_MAX : in_len;
	uint64_t left = control_len;

	if (control_len < hdr)
		return val_ptr(a, "msg_control", addr);
	uint8_t *buf = arena_alloc(a, control_len);
	if (!mem_read_full(ctx, addr, buf, control_len))
		return val_ptr(a, "msg_control", addr);
	struct val *arr = val_array(a, "msg_control");
	const uint8_t *p = buf;
	while (left >= hdr) {
		uint64_t cmsg_len = word_at(ctx, p);
		int32_t level, type;
		memcpy(&level, p + w, sizeof(level));
		memcpy(&type, p + w + 4, sizeof(type));
		struct val *s = val_add(arr, val_struct(a, NULL));
		val_add(s, val_uint(a, "cmsg_len", cmsg_len));
		val_add(s, val_enum(a, "cmsg_level", (uint32_t)level, &xlat_cmsg_levels));
		uint64_t len = cmsg_len > left ? left : cmsg_len;
		add_cmsg_type_data(ctx, s, level, type, p + hdr, len > hdr ? len - hdr : 0);
		if (cmsg_len < hdr) {
			left -= hdr;
			break;
		}
		uint64_t step = (cmsg_len + w - 1) & ~(uint64_t)(w - 1);
		if (step >= left) {
			left = 0;
			break;
		}
		p += step;
		left -= step;
	}
	if (left) {
		val_add(arr, val_ellipsis(a))->comment =
			arena_printf(a, "%#llx", (unsigned long long)(addr + control_len - left));
	} else if (control_len < in_len) {
		val_add(arr, val_ellipsis(a));
	}
	return arr;
}

struct val *msghdr_val(struct decode_ctx *ctx, const char *name, uint64_t addr,
		       const int32_t *user_namelen, uint64_t data)
{
	struct arena *a = ctx_arena(ctx);
	struct msghdr_words m;

	if (!fetch_msghdr(ctx, addr, &m))
		return val_ptr(a, name, addr);
	int32_t namelen = user_namelen && m.namelen > *user_namelen ? *user_namelen : m.namelen;
	struct val *s = val_struct(a, name);
	val_add(s, sockaddr_val(ctx, "msg_name", m.name, namelen));
	if (user_namelen && *user_namelen != m.namelen) {
		val_add(s, val_int(a, "msg_namelen", *user_namelen));
		val_add(s, val_int(a, NULL, m.namelen))->sep = SEP_ARROW;
	} else {
		val_add(s, val_int(a, "msg_namelen", m.namelen));
	}
	val_add(s, iovec_array_val(ctx, "msg_iov", m.iov, m.iovlen, data));
	val_add(s, val_uint(a, "msg_iovlen", m.iovlen));
	if (m.controllen)
		val_add(s, control_val(ctx, m.control, m.controllen));
	val_add(s, val_uint(a, "msg_controllen", m.controllen));
	val_add(s, msg_flags_val(ctx, "msg_flags", m.flags));
	return s;
}

/* sendmsg(fd, msg, flags): everything at entry. */
void dec_sendmsg(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, msghdr_val(ctx, NULL, args[1], NULL, UINT64_MAX));
	ctx_arg(ctx, msg_flags_val(ctx, NULL, args[2]));
}

/* recvmsg(fd, msg, flags): the header as the kernel filled it, at exit;
 * after a failure only the msg_namelen passed in. */
void dec_recvmsg(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);
	struct msghdr_words m;

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ev->scratch[MSG_HAVE_NAMELEN] = fetch_msghdr(ctx, args[1], &m);
		if (!ev->scratch[MSG_HAVE_NAMELEN]) {
			arg_ptr(ctx, NULL, args[1]);
			ctx_arg(ctx, msg_flags_val(ctx, NULL, args[2]));
			return;
		}
		ev->scratch[MSG_NAMELEN] = (uint32_t)m.namelen;
		ev->entry_sep_pending = true;
		return;
	}
	if (!ev->scratch[MSG_HAVE_NAMELEN])
		return;
	int32_t namelen = (int32_t)ev->scratch[MSG_NAMELEN];
	if (ctx_failed(ctx)) {
		struct val *s = val_struct(a, NULL);
		val_add(s, val_int(a, "msg_namelen", namelen));
		ctx_arg(ctx, s);
	} else {
		ctx_arg(ctx, msghdr_val(ctx, NULL, args[1], &namelen, (uint64_t)ev->rval));
	}
	ctx_arg(ctx, msg_flags_val(ctx, NULL, args[2]));
}
