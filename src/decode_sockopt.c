/*
 * setsockopt and getsockopt as strace 6.1 prints them: the level and the
 * option by name (SOL_SOCKET, SOL_TCP, SOL_IP, SOL_IPV6, SOL_UDP, SOL_RAW,
 * SOL_PACKET and SOL_NETLINK tables; a number at other levels), an int
 * value as "[1]", SO_ERROR as "[ECONNREFUSED]", struct linger, ucred,
 * sock_fprog and ip_mreq as structs, anything else as a string (an int
 * option cut short in hex), and getsockopt's length as "[4]" or "[8 => 4]"
 * at exit.
 */
#include <string.h>

#include "ctrace/decode_net.h"
#include "ctrace/decode_path.h"
#include "ctrace/xlat_net.h"

#define SOL_IP_ 0
#define SOL_SOCKET_ 1
#define SOL_TCP_ 6
#define SOL_IPV6_ 41
#define SO_LINGER_ 13
#define SO_PEERCRED_ 17
#define SO_ERROR_ 4
#define SO_ATTACH_FILTER_ 26
#define IP_ADD_MEMBERSHIP_ 35
#define IP_DROP_MEMBERSHIP_ 36
#define IP_MREQ_SIZE 8
#define SO_ATTACH_REUSEPORT_CBPF_ 51
#define SO_TXREHASH_ 74

enum { OPT_HAVE_LEN, OPT_LEN };

static const struct xlat *option_table(uint32_t level)
{
	switch (level) {
	case SOL_SOCKET_: return &xlat_sockopt_socket;
	case SOL_TCP_: return &xlat_sockopt_tcp;
	case SOL_IP_: return &xlat_sockopt_ip;
	case SOL_IPV6_: return &xlat_sockopt_ipv6;
	case 17: return &xlat_sockopt_udp;          /* SOL_UDP */
	case 255: return &xlat_sockopt_raw;         /* SOL_RAW */
	case 263: return &xlat_sockopt_packet;      /* SOL_PACKET */
	case 270: return &xlat_sockopt_netlink;     /* SOL_NETLINK */
	default: return NULL;
	}
}

/* "SOL_SOCKET, SO_REUSEADDR": a level without a table has its option in decimal. */
static void level_and_name(struct decode_ctx *ctx, uint64_t level, uint64_t name)
{
	struct arena *a = ctx_arena(ctx);
	const struct xlat *options = option_table((uint32_t)level);

	ctx_arg(ctx, val_enum(a, NULL, (uint32_t)level, &xlat_socket_levels));
	if (options)
		ctx_arg(ctx, val_enum(a, NULL, (uint32_t)name, options));
	else
		ctx_arg(ctx, val_uint(a, NULL, (uint32_t)name));
}

static struct val *int_val_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	int32_t i;

	if (!addr || !mem_read_full(ctx, addr, &i, sizeof(i)))
		return val_ptr(a, NULL, addr);
	return val_written(a, NULL, val_int(a, NULL, i));
}

/* {l_onoff=1, l_linger=5}, or {pid=1, uid=0, gid=0}: three or two ints by name. */
static struct val *ints_struct_at(struct decode_ctx *ctx, uint64_t addr, const char *const *names,
				  unsigned n)
{
	struct arena *a = ctx_arena(ctx);
	int32_t v[3];

	if (!addr || !mem_read_full(ctx, addr, v, n * sizeof(v[0])))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	for (unsigned i = 0; i < n; i++)
		val_add(s, val_int(a, names[i], v[i]));
	return s;
}

/* struct sock_fprog: {len=1, filter=0x...}, an unsigned short and a pointer. */
static struct val *fprog_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	uint8_t b[16];
	uint16_t n;
	uint64_t filter = 0;

	if (!mem_read_full(ctx, addr, b, 2 * w))
		return val_ptr(a, NULL, addr);
	memcpy(&n, b, sizeof(n));
	memcpy(&filter, b + w, w);
	struct val *s = val_struct(a, NULL);
	val_add(s, val_uint(a, "len", n));
	val_add(s, val_ptr(a, "filter", filter));
	return s;
}

/* struct ip_mreq: two IPv4 addresses. */
static struct val *ip_mreq_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	uint8_t b[IP_MREQ_SIZE];

	if (!mem_read_full(ctx, addr, b, sizeof(b)))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	val_add(s, val_text(a, "imr_multiaddr", arena_printf(a, "inet_addr(\"%u.%u.%u.%u\")",
							      b[0], b[1], b[2], b[3])));
	val_add(s, val_text(a, "imr_interface", arena_printf(a, "inet_addr(\"%u.%u.%u.%u\")",
							      b[4], b[5], b[6], b[7])));
	return s;
}

/* SO_TXREHASH's values (linux/socket.h). */
static const struct xlat_entry txrehash_entries[] = {
	{ 0, "SOCK_TXREHASH_DISABLED" }, { 1, "SOCK_TXREHASH_ENABLED" },
	{ 255, "SOCK_TXREHASH_DEFAULT" },
	{ 0, NULL }
};
static const struct xlat xlat_txrehash = { txrehash_entries, "SOCK_TXREHASH_???" };

static const char *const linger_fields[] = { "l_onoff", "l_linger" };
static const char *const ucred_fields[] = { "pid", "uid", "gid" };

static struct val *setsockopt_value(struct decode_ctx *ctx, uint32_t level, uint32_t name,
				    uint64_t addr, int32_t len)
{
	struct arena *a = ctx_arena(ctx);

	if (addr && level == SOL_SOCKET_) {
		if (name == SO_LINGER_)
			return len < 8 ? val_ptr(a, NULL, addr)
				       : ints_struct_at(ctx, addr, linger_fields, 2);
		if (name == SO_ATTACH_FILTER_ || name == SO_ATTACH_REUSEPORT_CBPF_)
			return len == 2 * ctx->arch->word_size ? fprog_val(ctx, addr)
							       : val_ptr(a, NULL, addr);
		if (name == SO_TXREHASH_ && len >= 4) {
			int32_t v;
			if (!mem_read_full(ctx, addr, &v, sizeof(v)))
				return val_ptr(a, NULL, addr);
			/* unknown: decimal, "[2 slash-star SOCK_TXREHASH_??? star-slash]" */
			const char *n = xlat_name(&xlat_txrehash, (uint32_t)v);
			struct val *e = n ? val_sym(a, NULL, (uint64_t)(int64_t)v, VAL_INT, n)
					  : val_int(a, NULL, v);
			if (!n)
				e->comment = xlat_txrehash.unknown;
			return val_written(a, NULL, e);
		}
		if (sockopt_socket_is_int(name) || name == SO_TXREHASH_)
			return len < 4 ? val_ptr(a, NULL, addr) : int_val_at(ctx, addr);
	}
	if (addr && level == SOL_IP_ && len == IP_MREQ_SIZE &&
	    (name == IP_ADD_MEMBERSHIP_ || name == IP_DROP_MEMBERSHIP_))
		return ip_mreq_val(ctx, addr);
	if (len == 4)
		return int_val_at(ctx, addr);
	return buffer_val(ctx, addr, len < 0 ? 0 : (uint64_t)len);
}

/* SO_ERROR's value is an errno: "[ECONNREFUSED]", "[0]". */
static struct val *errno_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	int32_t e;

	if (!mem_read_full(ctx, addr, &e, sizeof(e)))
		return val_ptr(a, NULL, addr);
	if (e > 0 && xlat_name(&xlat_errno_names, (uint32_t)e)) {
		struct val *v = val_new(a, VAL_ERRNO, NULL);
		v->u = (uint32_t)e;
		return val_written(a, NULL, v);
	}
	return val_written(a, NULL, val_int(a, NULL, e));
}

/* setsockopt(fd, level, name, value, len): all at entry. */
void dec_setsockopt(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	level_and_name(ctx, args[1], args[2]);
	ctx_arg(ctx, setsockopt_value(ctx, (uint32_t)args[1], (uint32_t)args[2], args[3],
				      (int32_t)args[4]));
	arg_int(ctx, NULL, args[4]);
}

static struct val *getsockopt_value(struct decode_ctx *ctx, uint32_t level, uint32_t name,
				    uint64_t addr, int32_t ulen, int32_t rlen)
{
	struct arena *a = ctx_arena(ctx);

	if (ulen <= 0 || rlen <= 0)
		return val_ptr(a, NULL, addr);
	if (addr && level == SOL_SOCKET_ && name == SO_LINGER_ && rlen >= 8)
		return ints_struct_at(ctx, addr, linger_fields, 2);
	if (addr && level == SOL_SOCKET_ && name == SO_PEERCRED_ && rlen >= 12)
		return ints_struct_at(ctx, addr, ucred_fields, 3);
	if (addr && level == SOL_SOCKET_ && name == SO_ERROR_ && rlen >= 4)
		return errno_at(ctx, addr);
	/* An int option the kernel returned less than an int of: its bytes in hex. */
	if (level == SOL_SOCKET_ && sockopt_socket_is_int(name))
		return rlen < 4 ? hex_buffer_val(ctx, addr, (uint64_t)rlen) : int_val_at(ctx, addr);
	if (rlen == 4)
		return int_val_at(ctx, addr);
	return buffer_val(ctx, addr, (uint64_t)rlen);
}

/* getsockopt(fd, level, name, value, lenp): the value and its length at exit. */
void dec_getsockopt(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);
	int32_t len;

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		level_and_name(ctx, args[1], args[2]);
		if (args[4] && mem_read_full(ctx, args[4], &len, sizeof(len))) {
			ev->scratch[OPT_HAVE_LEN] = 1;
			ev->scratch[OPT_LEN] = (uint32_t)len;
			ev->entry_sep_pending = true;
			return;
		}
		ev->scratch[OPT_HAVE_LEN] = 0;
		arg_ptr(ctx, NULL, args[3]);
		arg_ptr(ctx, NULL, args[4]);
		return;
	}
	if (!ev->scratch[OPT_HAVE_LEN])
		return;
	int32_t ulen = (int32_t)ev->scratch[OPT_LEN];
	if (ctx_failed(ctx) || !mem_read_full(ctx, args[4], &len, sizeof(len))) {
		arg_ptr(ctx, NULL, args[3]);
		ctx_arg(ctx, val_written(a, NULL, val_int(a, NULL, ulen)));
		return;
	}
	ctx_arg(ctx, getsockopt_value(ctx, (uint32_t)args[1], (uint32_t)args[2], args[3], ulen,
				      len));
	ctx_arg(ctx, socklen_val(ctx, ulen, len));
}
