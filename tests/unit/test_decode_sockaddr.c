/*
 * Socket addresses through connect(2): every family ctrace prints by its
 * fields, the raw sa_data of the others and of short addresses, NULL,
 * faults, lengths below 2 and above 128.  Expected lines are strace 6.1's
 * for the same bytes.
 */
#include <string.h>

#include "decode_text.h"

static const char *conn(struct decode_run *r, const void *sa, size_t size, int64_t len)
{
	r->mem.nregions = 0;
	fake_mem_add(&r->mem, 0x1000, sa, size);
	return dline(r, &arch_x86_64, SYS_connect, DECODE_ARGS(3, 0x1000, (uint64_t)len), 0);
}

static const uint8_t sin_lo80[16] = { 2, 0, 0, 80, 127, 0, 0, 1 };

START_TEST(inet)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(conn(&r, sin_lo80, 16, 16),
			 "connect(3, {sa_family=AF_INET, sin_port=htons(80), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
	/* Longer than sockaddr_in: still the address (strace reads what is there). */
	static uint8_t longer[20];
	memcpy(longer, sin_lo80, 16);
	ck_assert_str_eq(conn(&r, longer, 20, 20),
			 "connect(3, {sa_family=AF_INET, sin_port=htons(80), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, 20) = 0");
	/* Shorter than sockaddr_in: the bytes after the family. */
	ck_assert_str_eq(conn(&r, sin_lo80, 16, 8),
			 "connect(3, {sa_family=AF_INET, sa_data=\"\\0P\\177\\0\\0\\1\"}, 8) = 0");
	ck_assert_str_eq(conn(&r, sin_lo80, 16, 2), "connect(3, {sa_family=AF_INET}, 2) = 0");
	decode_run_fini(&r);
}
END_TEST

static bool fake_ifname(unsigned index, char name[IFNAME_MAX])
{
	if (index != 3)
		return false;
	strcpy(name, "eth7");
	return true;
}

START_TEST(inet6)
{
	struct decode_run r;
	static uint8_t s6[28] = { 10, 0, 0x01, 0xbb, 0, 0, 0, 5 };
	decode_run_init(&r);
	memset(s6 + 8, 0, 16);
	s6[23] = 1;                               /* ::1 */
	s6[24] = 3;                               /* sin6_scope_id */
	ck_assert_str_eq(conn(&r, s6, 28, 28),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), "
			 "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
			 "sin6_scope_id=3}, 28) = 0");
	ck_assert_str_eq(
		conn(&r, s6, 28, 24),
		"connect(3, {sa_family=AF_INET6, sin6_port=htons(443), "
		"sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"::1\", &sin6_addr)}, 24) = 0");
	ck_assert_str_eq(
		conn(&r, s6, 28, 20),
		"connect(3, {sa_family=AF_INET6, sa_data=\"\\1\\273\\0\\0\\0\\5\\0\\0\\0\\0"
		"\\0\\0\\0\\0\\0\\0\\0\\0\"}, 20) = 0");
	/* A link-local address names its interface when the host has one. */
	s6[8] = 0xfe;
	s6[9] = 0x80;
	ck_assert_str_eq(conn(&r, s6, 28, 28),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), "
			 "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), "
			 "sin6_scope_id=3}, 28) = 0");
	r.opts.ifname = fake_ifname;
	ck_assert_str_eq(conn(&r, s6, 28, 28),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), "
			 "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), "
			 "sin6_scope_id=if_nametoindex(\"eth7\")}, 28) = 0");
	s6[24] = 4;                               /* no such interface: the number */
	ck_assert_str_eq(conn(&r, s6, 28, 28),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), "
			 "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), "
			 "sin6_scope_id=4}, 28) = 0");
	/* A global address never names one. */
	s6[8] = 0x20;
	s6[9] = 0x01;
	s6[24] = 3;
	ck_assert_str_eq(conn(&r, s6, 28, 28),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), "
			 "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"2001::1\", &sin6_addr), "
			 "sin6_scope_id=3}, 28) = 0");
	/* IPv4-mapped */
	static const uint8_t mapped[28] = { 10, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					    0, 0, 0xff, 0xff, 1, 2, 3, 4 };
	ck_assert_str_eq(conn(&r, mapped, 28, 28),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(80), "
			 "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::ffff:1.2.3.4\", "
			 "&sin6_addr), sin6_scope_id=0}, 28) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(unix_paths)
{
	struct decode_run r;
	static uint8_t sun[112];
	decode_run_init(&r);
	memset(sun, 0, sizeof(sun));
	sun[0] = 1;
	strcpy((char *)sun + 2, "/tmp/sock\"x\n");
	ck_assert_str_eq(
		conn(&r, sun, 110, 110),
		"connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/sock\\\"x\\n\"}, 110) = 0");
	/* The path ends at the length even without a NUL. */
	ck_assert_str_eq(conn(&r, sun, 110, 7),
			 "connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/\"}, 7) = 0");
	/* Unnamed: the family alone. */
	ck_assert_str_eq(conn(&r, sun, 110, 2), "connect(3, {sa_family=AF_UNIX}, 2) = 0");
	/* Abstract: @ and every byte up to the length, NULs included. */
	memset(sun + 2, 0, 108);
	memcpy(sun + 3, "abs\0x", 5);
	ck_assert_str_eq(conn(&r, sun, 110, 8),
			 "connect(3, {sa_family=AF_UNIX, sun_path=@\"abs\\0x\"}, 8) = 0");
	ck_assert_str_eq(conn(&r, sun, 110, 3),
			 "connect(3, {sa_family=AF_UNIX, sun_path=@\"\"}, 3) = 0");
	/* A full 108-byte path without NUL, -s notwithstanding; a longer length
	 * reads no further than sun_path. */
	memset(sun + 2, 'A', 108);
	r.opts.strsize = 4;
	const char *line = conn(&r, sun, 112, 112);
	char want[256];
	snprintf(want, sizeof(want),
		 "connect(3, {sa_family=AF_UNIX, sun_path=\"%.108s\"}, 112) = 0",
		 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	ck_assert_str_eq(line, want);
	decode_run_fini(&r);
}
END_TEST

START_TEST(netlink_and_others)
{
	struct decode_run r;
	static const uint8_t nl[12] = { 16, 0, 0, 0, 0xd2, 0x04, 0, 0, 5, 0, 0, 0 };
	static const uint8_t unknown[16] = { 99, 0, 1, 2, 'a', 'b', 'c' };
	static const uint8_t unspec[16] = { 0, 0, 1, 2, 'a', 'b', 'c' };
	decode_run_init(&r);
	ck_assert_str_eq(
		conn(&r, nl, 12, 12),
		"connect(3, {sa_family=AF_NETLINK, nl_pid=1234, nl_groups=0x000005}, 12) = 0");
	ck_assert_str_eq(
		conn(&r, nl, 12, 9),
		"connect(3, {sa_family=AF_NETLINK, sa_data=\"\\0\\0\\322\\4\\0\\0\\5\"}, 9) = 0");
	ck_assert_str_eq(conn(&r, unknown, 16, 16),
			 "connect(3, {sa_family=0x63 /* AF_??? */, "
			 "sa_data=\"\\1\\2abc\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = 0");
	ck_assert_str_eq(conn(&r, unspec, 16, 16),
			 "connect(3, {sa_family=AF_UNSPEC, "
			 "sa_data=\"\\1\\2abc\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = 0");
	decode_run_fini(&r);
}
END_TEST

static bool lo_ifname(unsigned index, char name[IFNAME_MAX])
{
	if (index != 1)
		return false;
	strcpy(name, "lo");
	return true;
}

START_TEST(packet)
{
	struct decode_run r;
	static uint8_t ll[24] = { 17, 0, 0x08, 0x00, 1, 0, 0, 0, 0x04, 0x03, 0, 6,
				  1, 2, 3, 4, 5, 6, 7, 8 };
	decode_run_init(&r);
	r.opts.ifname = lo_ifname;
	ck_assert_str_eq(conn(&r, ll, 20, 20),
			 "connect(3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), "
			 "sll_ifindex=if_nametoindex(\"lo\"), sll_hatype=ARPHRD_LOOPBACK, "
			 "sll_pkttype=PACKET_HOST, sll_halen=6, sll_addr=[0x1, 0x2, 0x3, 0x4, 0x5, "
			 "0x6]}, 20) = 0");
	/* No address; unknown protocol, index, type; more than 8 address bytes. */
	ll[2] = 0x12;
	ll[3] = 0x34;
	ll[4] = 0x0f;
	ll[8] = 0x4d;
	ll[9] = 0x01;
	ll[10] = 9;
	ll[11] = 0;
	ck_assert_str_eq(conn(&r, ll, 20, 20),
			 "connect(3, {sa_family=AF_PACKET, "
			 "sll_protocol=htons(0x1234 /* ETH_P_??? */), "
			 "sll_ifindex=15, sll_hatype=0x14d /* ARPHRD_??? */, "
			 "sll_pkttype=0x9 /* PACKET_??? */, sll_halen=0}, 20) = 0");
	ll[11] = 12;
	ck_assert_str_eq(conn(&r, ll, 24, 24),
			 "connect(3, {sa_family=AF_PACKET, "
			 "sll_protocol=htons(0x1234 /* ETH_P_??? */), "
			 "sll_ifindex=15, sll_hatype=0x14d /* ARPHRD_??? */, "
			 "sll_pkttype=0x9 /* PACKET_??? */, sll_halen=12, sll_addr=[0x1, 0x2, 0x3, "
			 "0x4, 0x5, 0x6, 0x7, 0x8, ...]}, 24) = 0");
	/* Shorter than sockaddr_ll: raw. */
	ck_assert_str_eq(conn(&r, ll, 20, 19),
			 "connect(3, {sa_family=AF_PACKET, sa_data=\"\\0224\\17\\0\\0\\0M\\1\\t\\f"
			 "\\1\\2\\3\\4\\5\\6\\7\"}, 19) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(unreadable)
{
	struct decode_run r;
	static uint8_t big[200];
	decode_run_init(&r);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_connect, DECODE_ARGS(3, 0, 16), -14),
			 "connect(3, NULL, 16) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_connect, DECODE_ARGS(3, 0x1, 16), -14),
			 "connect(3, 0x1, 16) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(conn(&r, sin_lo80, 16, 1), "connect(3, 0x1000, 1) = 0");
	ck_assert_str_eq(conn(&r, sin_lo80, 16, 0), "connect(3, 0x1000, 0) = 0");
	ck_assert_str_eq(conn(&r, sin_lo80, 16, -1), "connect(3, 0x1000, -1) = 0");
	/* Running into an unmapped page: the address. */
	ck_assert_str_eq(conn(&r, sin_lo80, 8, 16), "connect(3, 0x1000, 16) = 0");
	ck_assert_str_eq(conn(&r, sin_lo80, 8, 8),
			 "connect(3, {sa_family=AF_INET, sa_data=\"\\0P\\177\\0\\0\\1\"}, 8) = 0");
	/* Beyond sockaddr_storage only 128 bytes are read. */
	memset(big, 'A', sizeof(big));
	big[0] = 99;
	big[1] = 0;
	const char *line = conn(&r, big, 128, 200);
	ck_assert_ptr_nonnull(strstr(line, "sa_family=0x63 /* AF_??? */, sa_data=\"AAAA"));
	ck_assert_int_eq(strlen(strstr(line, "sa_data=")), strlen("sa_data=\"\"}, 200) = 0") + 126);
	decode_run_fini(&r);
}
END_TEST

START_TEST(other_arches)
{
	struct decode_run r;
	const struct arch *arches[] = { &arch_i386, &arch_aarch64, &arch_x32 };
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, sin_lo80, 16);
	for (unsigned i = 0; i < 3; i++)
		ck_assert_str_eq(dline(&r, arches[i], SYS_bind, DECODE_ARGS(5, 0x1000, 16), 0),
				 "bind(5, {sa_family=AF_INET, sin_port=htons(80), "
				 "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_sockaddr");
	TCase *tc = tcase_create("sockaddr");
	tcase_add_test(tc, inet);
	tcase_add_test(tc, inet6);
	tcase_add_test(tc, unix_paths);
	tcase_add_test(tc, netlink_and_others);
	tcase_add_test(tc, packet);
	tcase_add_test(tc, unreadable);
	tcase_add_test(tc, other_arches);
	suite_add_tcase(s, tc);
	return s;
}
