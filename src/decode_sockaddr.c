/*
 * Socket addresses (include/ctrace/decode_sockaddr.h).  strace 6.1 copies
 * min(len, 128) bytes into a zeroed buffer and prints a family's own form
 * only when len covers that family's minimum (sockaddr_in: 16 bytes,
 * sockaddr_in6 without sin6_scope_id: 24, sockaddr_nl: 12, AF_UNIX: 3);
 * otherwise the bytes after sa_family as "sa_data".  String fields are shown
 * whole, whatever -s says.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "ctrace/decode_sockaddr.h"
#include "ctrace/print.h"
#include "ctrace/xlat_net.h"

#define AF_UNIX_ 1
#define AF_INET_ 2
#define AF_INET6_ 10
#define AF_NETLINK_ 16
#define AF_PACKET_ 17

#define FAMILY_SIZE 2
#define SUN_PATH_MAX 108
#define SIN_SIZE 16
#define SIN6_MIN_SIZE 24    /* without sin6_scope_id */
#define SIN6_SIZE 28
#define SNL_SIZE 12
#define SLL_SIZE 20
#define SLL_ADDR_MAX 8

/* A field whose value is a quoted string: `sun_path="..."`, `@"..."`. */
static const char *quoted(struct decode_ctx *ctx, const char *prefix, const uint8_t *bytes,
			  size_t len)
{
	struct arena *a = ctx_arena(ctx);
	struct strbuf sb = STRBUF_INIT;
	struct val s = { .kind = VAL_STR, .str = { (const char *)bytes, (uint32_t)len, false } };

	strbuf_puts(&sb, prefix);
	strace_format_val(&sb, &s);
	char *text = arena_strndup(a, strbuf_str(&sb), sb.len);
	strbuf_free(&sb);
	return text;
}

static uint16_t be16_at(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t be32_at(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A network-order field: named as strace does (htons(53)), and with -X raw
 * as its bytes ("\x00\x35"). */
static struct val *wire_val(struct arena *a, const char *name, const uint8_t *bytes, size_t n,
			    uint64_t host, const char *text)
{
	char *raw = arena_alloc(a, n * 4 + 3);
	char *p = raw;

	*p++ = '"';
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "\\x%02x", bytes[i]);
	*p++ = '"';
	struct val *v = val_sym(a, name, host, VAL_HEX, text);
	v->sym.raw_text = raw;
	return v;
}

static void add_unix(struct decode_ctx *ctx, struct val *s, const uint8_t *b, unsigned len)
{
	struct arena *a = ctx_arena(ctx);
	unsigned path_len = (len > FAMILY_SIZE + SUN_PATH_MAX ? FAMILY_SIZE + SUN_PATH_MAX : len) -
			    FAMILY_SIZE;
	const uint8_t *path = b + FAMILY_SIZE;

	if (path[0]) {
		const uint8_t *nul = memchr(path, 0, path_len);
		size_t n = nul ? (size_t)(nul - path) : path_len;
		val_add(s, val_str(a, "sun_path", (const char *)path, n, false));
	} else {
		/* Abstract: every byte after the leading NUL, NULs included. */
		val_add(s, val_text(a, "sun_path", quoted(ctx, "@", path + 1, path_len - 1)));
	}
}

static void add_inet(struct decode_ctx *ctx, struct val *s, const uint8_t *b)
{
	struct arena *a = ctx_arena(ctx);
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, b + 4, ip, sizeof(ip));
	val_add(s, wire_val(a, "sin_port", b + 2, 2, be16_at(b + 2),
			    arena_printf(a, "htons(%u)", be16_at(b + 2))));
	val_add(s, wire_val(a, "sin_addr", b + 4, 4, be32_at(b + 4),
			    arena_printf(a, "inet_addr(\"%s\")", ip)));
}

/* fe80::/10 and ff02::/16: the addresses whose scope id names an interface. */
static int in6_link_local(const uint8_t *addr)
{
	return (addr[0] == 0xfe && (addr[1] & 0xc0) == 0x80) ||
	       (addr[0] == 0xff && (addr[1] & 0x0f) == 0x02);
}

static void add_inet6(struct decode_ctx *ctx, struct val *s, const uint8_t *b, unsigned len)
{
	struct arena *a = ctx_arena(ctx);
	char ip[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, b + 8, ip, sizeof(ip));
	val_add(s, wire_val(a, "sin6_port", b + 2, 2, be16_at(b + 2),
			    arena_printf(a, "htons(%u)", be16_at(b + 2))));
	val_add(s, wire_val(a, "sin6_flowinfo", b + 4, 4, be32_at(b + 4),
			    arena_printf(a, "htonl(%u)", be32_at(b + 4))));
	/* strace: inet_pton(AF_INET6, "::1", &sin6_addr), or with -X raw/verbose
	 * sin6_addr="\x00..." slash-star inet_pton(AF_INET6, "::1") star-slash */
	struct val *addr = val_add(s, wire_val(a, "sin6_addr", b + 8, 16, 0,
				   arena_printf(a, "inet_pton(AF_INET6, \"%s\", &sin6_addr)", ip)));
	addr->sym.verbose_text = arena_printf(a, "inet_pton(AF_INET6, \"%s\")", ip);
	addr->sym.abbrev_unnamed = true;
	if (len < SIN6_SIZE)
		return;
	uint32_t scope;
	memcpy(&scope, b + 24, sizeof(scope));
	char ifname[IFNAME_MAX];
	if (scope && in6_link_local(b + 8) && ctx->opts->ifname &&
	    ctx->opts->ifname(scope, ifname))
		val_add(s, val_text(a, "sin6_scope_id",
				    arena_printf(a, "if_nametoindex(\"%s\")", ifname)));
	else
		val_add(s, val_uint(a, "sin6_scope_id", scope));
}

static void add_netlink(struct decode_ctx *ctx, struct val *s, const uint8_t *b)
{
	struct arena *a = ctx_arena(ctx);
	uint32_t pid, groups;

	memcpy(&pid, b + 4, sizeof(pid));
	memcpy(&groups, b + 8, sizeof(groups));
	val_add(s, val_uint(a, "nl_pid", pid));
	val_add(s, val_text(a, "nl_groups", arena_printf(a, "%#08x", groups)));
}

/* The interface of an index as strace names it: if_nametoindex("lo"), or the number. */
static struct val *ifindex_val(struct decode_ctx *ctx, const char *name, uint32_t index)
{
	struct arena *a = ctx_arena(ctx);
	char ifname[IFNAME_MAX];

	if (index && ctx->opts->ifname && ctx->opts->ifname(index, ifname))
		return val_text(a, name, arena_printf(a, "if_nametoindex(\"%s\")", ifname));
	return val_uint(a, name, index);
}

/* struct sockaddr_ll: {sll_protocol=htons(ETH_P_IP), sll_ifindex=..., sll_hatype=ARPHRD_ETHER,
 * sll_pkttype=PACKET_HOST, sll_halen=6, sll_addr=[0x1, ...]}. */
static void add_packet(struct decode_ctx *ctx, struct val *s, const uint8_t *b)
{
	struct arena *a = ctx_arena(ctx);
	uint16_t proto = be16_at(b + 2), hatype;
	uint32_t ifindex;
	const char *pname = xlat_name(&xlat_ethernet_protocols, proto);

	memcpy(&ifindex, b + 4, sizeof(ifindex));
	memcpy(&hatype, b + 8, sizeof(hatype));
	val_add(s, wire_val(a, "sll_protocol", b + 2, 2, proto,
			    pname ? arena_printf(a, "htons(%s)", pname)
				  : arena_printf(a, "htons(%#x /* ETH_P_??? */)", proto)));
	val_add(s, ifindex_val(ctx, "sll_ifindex", ifindex));
	val_add(s, val_enum(a, "sll_hatype", hatype, &xlat_arp_hardware));
	val_add(s, val_enum(a, "sll_pkttype", b[10], &xlat_packet_types));
	val_add(s, val_uint(a, "sll_halen", b[11]));
	if (!b[11])
		return;
	struct val *addr = val_add(s, val_array(a, "sll_addr"));
	for (unsigned i = 0; i < b[11] && i < SLL_ADDR_MAX; i++)
		val_add(addr, val_hex(a, NULL, b[12 + i]));
	if (b[11] > SLL_ADDR_MAX)
		val_add(addr, val_ellipsis(a));   /* a length beyond sll_addr's 8 bytes */
}

struct val *sockaddr_bytes_val(struct decode_ctx *ctx, const char *name, const uint8_t *bytes,
			       unsigned len)
{
	struct arena *a = ctx_arena(ctx);
	uint8_t b[SOCKADDR_MAX + 1];
	uint16_t family;

	/* Zero-padded, so that a family printer never reads past len. */
	memset(b, 0, sizeof(b));
	memcpy(b, bytes, len);
	memcpy(&family, b, sizeof(family));

	struct val *s = val_struct(a, name);
	val_add(s, val_enum(a, "sa_family", family, &xlat_address_families));
	if (len <= FAMILY_SIZE)
		return s;
	if (family == AF_UNIX_)
		add_unix(ctx, s, b, len);
	else if (family == AF_INET_ && len >= SIN_SIZE)
		add_inet(ctx, s, b);
	else if (family == AF_INET6_ && len >= SIN6_MIN_SIZE)
		add_inet6(ctx, s, b, len);
	else if (family == AF_NETLINK_ && len >= SNL_SIZE)
		add_netlink(ctx, s, b);
	else if (family == AF_PACKET_ && len >= SLL_SIZE)
		add_packet(ctx, s, b);
	else
		val_add(s, val_text(a, "sa_data",
				    quoted(ctx, "", b + FAMILY_SIZE, len - FAMILY_SIZE)));
	return s;
}

struct val *sockaddr_val(struct decode_ctx *ctx, const char *name, uint64_t addr, int64_t len)
{
	struct arena *a = ctx_arena(ctx);
	uint8_t b[SOCKADDR_MAX];

	if (len < FAMILY_SIZE)
		return val_ptr(a, name, addr);
	if (!addr)
		return val_ptr(a, name, 0);
	if (len > SOCKADDR_MAX)
		len = SOCKADDR_MAX;
	if (!mem_read_full(ctx, addr, b, (size_t)len))
		return val_ptr(a, name, addr);
	return sockaddr_bytes_val(ctx, name, b, (unsigned)len);
}
