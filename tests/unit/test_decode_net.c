/*
 * socket, socketpair, listen, shutdown, accept/accept4, getsockname,
 * sendto/recvfrom, sendmsg/recvmsg, sendmmsg/recvmmsg and setsockopt/getsockopt:
 * strace 6.1's lines for the same registers and memory, on 64- and 32-bit layouts.
 */
#include <string.h>

#include "decode_text.h"

START_TEST(socket_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(2, 1 | 02000000 | 04000, 6), 3),
		"socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_TCP) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(2, 2, 0), 4),
			 "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(10, 2, 17), 5),
			 "socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 5");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(1, 5, 0), 6),
			 "socket(AF_UNIX, SOCK_SEQPACKET, 0) = 6");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(1, 1, 1), 6),
			 "socket(AF_UNIX, SOCK_STREAM, 1) = 6");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(16, 3, 0), 7),
			 "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 7");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(16, 3 | 02000000, 99),
			       -93),
			 "socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, 0x63 /* NETLINK_??? */) = "
			 "-1 EPROTONOSUPPORT (Protocol not supported)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(17, 3, 0x300), 8),
			 "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 8");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(17, 3, 1), 8),
			 "socket(AF_PACKET, SOCK_RAW, htons(0x100 /* ETH_P_??? */)) = 8");
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(2, 77, 0), -22),
		"socket(AF_INET, 0x4d /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(200, 1, 5), -97),
			 "socket(0xc8 /* AF_??? */, SOCK_STREAM, 5) = "
			 "-1 EAFNOSUPPORT (Address family not supported by protocol)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(2, 1, 200), -93),
			 "socket(AF_INET, SOCK_STREAM, 0xc8 /* IPPROTO_??? */) = "
			 "-1 EPROTONOSUPPORT (Protocol not supported)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket,
			       DECODE_ARGS(99, 0x7f | 02000000 | 04000 | 0x10000, 0), -97),
			 "socket(0x63 /* AF_??? */, SOCK_CLOEXEC|SOCK_NONBLOCK|0x1007f, 0) = "
			 "-1 EAFNOSUPPORT (Address family not supported by protocol)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(99, 0, 0), -97),
			 "socket(0x63 /* AF_??? */, 0, 0) = "
			 "-1 EAFNOSUPPORT (Address family not supported by protocol)");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_socket, DECODE_ARGS(10, 1, 0), 3),
			 "socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 3");
	decode_run_fini(&r);
}
END_TEST

START_TEST(socketpair_listen_shutdown)
{
	struct decode_run r;
	static const int32_t fds[2] = { 3, 4 };
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, fds, sizeof(fds));
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_socketpair,
				      DECODE_ARGS(1, 1 | 02000000, 0, 0x1000)),
			 "socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, ");
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [3, 4]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socketpair, DECODE_ARGS(2, 1, 0, 0x1000), -95),
			 "socketpair(AF_INET, SOCK_STREAM, 0, 0x1000) = "
			 "-1 EOPNOTSUPP (Operation not supported)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_socketpair, DECODE_ARGS(1, 2, 0, 0), -14),
			 "socketpair(AF_UNIX, SOCK_DGRAM, 0, NULL) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_listen, DECODE_ARGS(3, 128), 0),
			 "listen(3, 128) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_listen, DECODE_ARGS(3, 0xffffffff), 0),
			 "listen(3, -1) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_shutdown, DECODE_ARGS(3, 2), 0),
			 "shutdown(3, SHUT_RDWR) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_shutdown, DECODE_ARGS(3, 7), -22),
			 "shutdown(3, 0x7 /* SHUT_??? */) = -1 EINVAL (Invalid argument)");
	decode_run_fini(&r);
}
END_TEST

static const uint8_t sin_lo[16] = { 2, 0, 0xa7, 0x03, 127, 0, 0, 1 };

START_TEST(accept_and_names)
{
	struct decode_run r;
	static int32_t len;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, sin_lo, sizeof(sin_lo));
	fake_mem_add(&r.mem, 0x2000, &len, sizeof(len));
	len = 16;
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_accept, DECODE_ARGS(5, 0x1000, 0x2000)),
			 "accept(5, ");
	decode_exit(&r, 7);
	ck_assert_str_eq(squeeze_line(&r),
			 "accept(5, {sa_family=AF_INET, sin_port=htons(42755), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 7");
	/* The kernel's length differs from the caller's: both, and the shorter
	 * of the two bytes of address. */
	len = 4;
	decode_entry(&r, &arch_x86_64, SYS_getsockname, DECODE_ARGS(5, 0x1000, 0x2000));
	len = 16;
	decode_exit(&r, 0);
	ck_assert_str_eq(
		squeeze_line(&r),
		"getsockname(5, {sa_family=AF_INET, sa_data=\"\\247\\3\"}, [4 => 16]) = 0");
	len = 100;
	decode_entry(&r, &arch_x86_64, SYS_getpeername, DECODE_ARGS(5, 0x1000, 0x2000));
	len = 16;
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "getpeername(5, {sa_family=AF_INET, sin_port=htons(42755), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, [100 => 16]) = 0");
	/* Failure: the address, and the length as passed. */
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_accept4, DECODE_ARGS(5, 0x1000, 0x2000, 0), -11),
		"accept4(5, 0x1000, [16], 0) = -1 EAGAIN (Resource temporarily unavailable)");
	/* No length pointer: everything at entry. */
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_accept4,
				      DECODE_ARGS(5, 0, 0, 02000000 | 04000)),
			 "accept4(5, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK");
	decode_exit(&r, 8);
	ck_assert_str_eq(squeeze_line(&r),
			 "accept4(5, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK) = 8");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsockname, DECODE_ARGS(5, 0x1000, 0), -14),
			 "getsockname(5, 0x1000, NULL) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsockname, DECODE_ARGS(5, 0x1000, 0x9000),
			       -14),
			 "getsockname(5, 0x1000, 0x9000) = -1 EFAULT (Bad address)");
	/* i386: same ABI for addresses and lengths */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_accept4, DECODE_ARGS(5, 0x1000, 0x2000, 04000),
			       9),
			 "accept4(5, {sa_family=AF_INET, sin_port=htons(42755), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, [16], SOCK_NONBLOCK) = 9");
	decode_run_fini(&r);
}
END_TEST

START_TEST(sendto_recvfrom)
{
	struct decode_run r;
	static const char text[] = "hello world";
	static int32_t len;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, sin_lo, sizeof(sin_lo));
	fake_mem_add(&r.mem, 0x2000, &len, sizeof(len));
	fake_mem_add(&r.mem, 0x3000, text, sizeof(text));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendto,
			       DECODE_ARGS(6, 0x3000, 11, 0x4000 | 0x40, 0, 0), 11),
			 "sendto(6, \"hello world\", 11, MSG_DONTWAIT|MSG_NOSIGNAL, NULL, 0) = 11");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendto,
			       DECODE_ARGS(6, 0x3000, 5, 0, 0x1000, 16), 5),
			 "sendto(6, \"hello\", 5, 0, {sa_family=AF_INET, sin_port=htons(42755), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 5");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendto,
			       DECODE_ARGS(6, 0x3000, 1, 0x100000, 0, 0), 1),
			 "sendto(6, \"h\", 1, 0x100000 /* MSG_??? */, NULL, 0) = 1");
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_recvfrom,
				      DECODE_ARGS(7, 0x3000, 64, 0, 0, 0)), "recvfrom(7, ");
	decode_exit(&r, 11);
	ck_assert_str_eq(squeeze_line(&r), "recvfrom(7, \"hello world\", 64, 0, NULL, NULL) = 11");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_recvfrom,
			       DECODE_ARGS(7, 0x3000, 64, 0x40, 0, 0), -11),
			 "recvfrom(7, 0x3000, 64, MSG_DONTWAIT, NULL, NULL) = "
			 "-1 EAGAIN (Resource temporarily unavailable)");
	r.opts.strsize = 4;
	len = 2;
	decode_entry(&r, &arch_x86_64, SYS_recvfrom, DECODE_ARGS(8, 0x3000, 64, 2, 0x1000, 0x2000));
	len = 16;
	decode_exit(&r, 11);
	ck_assert_str_eq(
		squeeze_line(&r),
		"recvfrom(8, \"hell\"..., 64, MSG_PEEK, {sa_family=AF_INET}, [2 => 16]) = 11");
	decode_entry(&r, &arch_x86_64, SYS_recvfrom, DECODE_ARGS(8, 0x3000, 64, 0, 0x1000, 0x2000));
	decode_exit(&r, -4);
	ck_assert_str_eq(
		squeeze_line(&r),
		"recvfrom(8, 0x3000, 64, 0, 0x1000, [16]) = -1 EINTR (Interrupted system call)");
	decode_run_fini(&r);
}
END_TEST

/* A 64-bit msghdr: name, namelen, iov, iovlen, control, controllen, flags. */
struct msghdr64 {
	uint64_t name;
	uint32_t namelen, pad;
	uint64_t iov, iovlen, control, controllen;
	uint32_t flags, pad2;
};

struct msghdr32 {
	uint32_t name, namelen, iov, iovlen, control, controllen, flags;
};

START_TEST(sendmsg_rights)
{
	struct decode_run r;
	static struct msghdr64 m;
	static uint64_t iov[4];
	static uint8_t control[40];
	static const uint8_t unix_abs[6] = { 1, 0, 0, 'a', 'b', 's' };
	uint64_t cmsg_len = 24;
	int32_t level = 1, type = 1, fds[2] = { 0, 1 };
	decode_run_init(&r);
	iov[0] = 0x3000;
	iov[1] = 6;
	iov[2] = 0x3006;
	iov[3] = 5;
	memcpy(control, &cmsg_len, 8);
	memcpy(control + 8, &level, 4);
	memcpy(control + 12, &type, 4);
	memcpy(control + 16, fds, 8);
	m = (struct msghdr64){ .iov = 0x2000, .iovlen = 2, .control = 0x4000, .controllen = 24 };
	fake_mem_add(&r.mem, 0x1000, &m, sizeof(m));
	fake_mem_add(&r.mem, 0x2000, iov, sizeof(iov));
	fake_mem_add(&r.mem, 0x3000, "hello world", 11);
	fake_mem_add(&r.mem, 0x4000, control, sizeof(control));
	fake_mem_add(&r.mem, 0x5000, unix_abs, sizeof(unix_abs));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 11),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello \", "
			 "iov_len=6}, {iov_base=\"world\", iov_len=5}], msg_iovlen=2, "
			 "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
			 "cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, 0) = 11");
	/* aarch64: the same 64-bit layouts */
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 11),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello \", "
			 "iov_len=6}, {iov_base=\"world\", iov_len=5}], msg_iovlen=2, "
			 "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
			 "cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, 0) = 11");
	/* No control data: no msg_control; a name; -s cuts each buffer. */
	m.controllen = 0;
	m.name = 0x5000;
	m.namelen = 6;
	r.opts.strsize = 5;
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0x40), 11),
		"sendmsg(3, {msg_name={sa_family=AF_UNIX, sun_path=@\"abs\"}, msg_namelen=6, "
		"msg_iov=[{iov_base=\"hello\"..., iov_len=6}, {iov_base=\"world\", "
		"iov_len=5}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, MSG_DONTWAIT) = 11");
	/* More iovecs than -s: "..." unless -v; an unreadable one ends the array. */
	r.opts.strsize = 1;
	m.name = 0;
	m.namelen = 0;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 11),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"h\"..., "
			 "iov_len=6}, ...], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 11");
	r.opts.verbose = true;
	m.iovlen = 3;
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 11),
		"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"h\"..., "
		"iov_len=6}, {iov_base=\"w\"..., iov_len=5}, ... /* 0x2020 */], msg_iovlen=3, "
		"msg_controllen=0, msg_flags=0}, 0) = 11");
	m.iov = 0x9000;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 11),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=0x9000, msg_iovlen=3, "
			 "msg_controllen=0, msg_flags=0}, 0) = 11");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendmsg, DECODE_ARGS(3, 0, 0), -14),
			 "sendmsg(3, NULL, 0) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendmsg, DECODE_ARGS(3, 1, 0), -14),
			 "sendmsg(3, 0x1, 0) = -1 EFAULT (Bad address)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(recvmsg_credentials)
{
	struct decode_run r;
	static struct msghdr64 m;
	static uint64_t iov[4];
	static uint8_t control[56];
	static uint8_t name[16];
	uint64_t len28 = 28, len24 = 24;
	int32_t sol = 1, creds = 2, rights = 1, ucred[3] = { 21849, 0, 0 }, fds[2] = { 5, 6 };
	decode_run_init(&r);
	iov[0] = 0x3000;
	iov[1] = 4;
	iov[2] = 0x3004;
	iov[3] = 64;
	memcpy(control, &len28, 8);
	memcpy(control + 8, &sol, 4);
	memcpy(control + 12, &creds, 4);
	memcpy(control + 16, ucred, 12);
	memcpy(control + 32, &len24, 8);
	memcpy(control + 40, &sol, 4);
	memcpy(control + 44, &rights, 4);
	memcpy(control + 48, fds, 8);
	m = (struct msghdr64){ .name = 0, .iov = 0x2000, .iovlen = 2, .control = 0x4000,
			       .controllen = 256 };
	fake_mem_add(&r.mem, 0x1000, &m, sizeof(m));
	fake_mem_add(&r.mem, 0x2000, iov, sizeof(iov));
	fake_mem_add(&r.mem, 0x3000, "hello world", 11);
	fake_mem_add(&r.mem, 0x4000, control, sizeof(control));
	fake_mem_add(&r.mem, 0x5000, name, sizeof(name));
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_recvmsg,
				      DECODE_ARGS(4, 0x1000, 0x40000000)), "recvmsg(4, ");
	m.controllen = 56;
	m.flags = 0x40000000;
	decode_exit(&r, 11);
	ck_assert_str_eq(
		squeeze_line(&r),
		"recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hell\", "
		"iov_len=4}, {iov_base=\"o world\", iov_len=64}], msg_iovlen=2, "
		"msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, "
		"cmsg_data={pid=21849, uid=0, gid=0}}, {cmsg_len=24, cmsg_level=SOL_SOCKET, "
		"cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}], msg_controllen=56, "
		"msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC) = 11");
	/* Fewer bytes than the first buffer: the second shows "". */
	m.controllen = 0;
	m.flags = 0x28;
	decode_entry(&r, &arch_x86_64, SYS_recvmsg, DECODE_ARGS(4, 0x1000, 0));
	decode_exit(&r, 3);
	ck_assert_str_eq(
		squeeze_line(&r),
		"recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hel\", "
		"iov_len=4}, {iov_base=\"\", iov_len=64}], msg_iovlen=2, msg_controllen=0, "
		"msg_flags=MSG_CTRUNC|MSG_TRUNC}, 0) = 3");
	/* The name the kernel wrote, and its length in => out. */
	m.name = 0x5000;
	m.namelen = 110;
	name[0] = 1;
	memcpy(name + 3, "abs", 3);
	m.flags = 0;
	decode_entry(&r, &arch_x86_64, SYS_recvmsg, DECODE_ARGS(7, 0x1000, 0));
	m.namelen = 6;
	decode_exit(&r, 11);
	ck_assert_str_eq(squeeze_line(&r),
			 "recvmsg(7, {msg_name={sa_family=AF_UNIX, sun_path=@\"abs\"}, "
			 "msg_namelen=110 => 6, msg_iov=[{iov_base=\"hell\", iov_len=4}, "
			 "{iov_base=\"o world\", iov_len=64}], msg_iovlen=2, msg_controllen=0, "
			 "msg_flags=0}, 0) = 11");
	/* Failure: only the msg_namelen passed in. */
	decode_entry(&r, &arch_x86_64, SYS_recvmsg, DECODE_ARGS(4, 0x1000, 0x40));
	decode_exit(&r, -11);
	ck_assert_str_eq(squeeze_line(&r), "recvmsg(4, {msg_namelen=6}, MSG_DONTWAIT) = "
			 "-1 EAGAIN (Resource temporarily unavailable)");
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_recvmsg, DECODE_ARGS(4, 0x9000, 0)),
			 "recvmsg(4, 0x9000, 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(msghdr_32bit)
{
	struct decode_run r;
	static struct msghdr32 m;
	static uint32_t iov[2] = { 0x3000, 5 };
	static uint8_t control[16];
	uint32_t cmsg_len = 16;
	int32_t sol = 1, rights = 1, fd = 7;
	decode_run_init(&r);
	memcpy(control, &cmsg_len, 4);
	memcpy(control + 4, &sol, 4);
	memcpy(control + 8, &rights, 4);
	memcpy(control + 12, &fd, 4);
	m = (struct msghdr32){ .iov = 0x2000, .iovlen = 1, .control = 0x4000, .controllen = 16 };
	fake_mem_add(&r.mem, 0x1000, &m, sizeof(m));
	fake_mem_add(&r.mem, 0x2000, iov, sizeof(iov));
	fake_mem_add(&r.mem, 0x3000, "hello", 5);
	fake_mem_add(&r.mem, 0x4000, control, sizeof(control));
	const struct arch *arches[] = { &arch_i386, &arch_x32 };
	for (unsigned i = 0; i < 2; i++)
		ck_assert_str_eq(
			dline(&r, arches[i], SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 5),
			"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
			"iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=16, "
			"cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7]}], "
			"msg_controllen=16, msg_flags=0}, 0) = 5");
	/* A truncated control buffer: the header alone, no data; short: the address. */
	m.controllen = 12;
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 5),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
			 "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=16, "
			 "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}], msg_controllen=12, "
			 "msg_flags=0}, 0) = 5");
	m.controllen = 8;
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_sendmsg, DECODE_ARGS(3, 0x1000, 0), 5),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
			 "iov_len=5}], msg_iovlen=1, msg_control=0x4000, msg_controllen=8, "
			 "msg_flags=0}, 0) = 5");
	decode_run_fini(&r);
}
END_TEST

/* struct mmsghdr on 64-bit: a msghdr and msg_len, padded to 64 bytes. */
struct mmsghdr64 {
	struct msghdr64 hdr;
	uint32_t len, pad;
};

struct mmsghdr32 {
	struct msghdr32 hdr;
	uint32_t len;
};

START_TEST(mmsg_calls)
{
	struct decode_run r;
	static struct mmsghdr64 mm[2];
	static struct mmsghdr32 mm32[1];
	static uint64_t iov[4] = { 0x3000, 3, 0x3003, 3 };
	static uint32_t iov32[2] = { 0x3000, 3 };
	static int64_t ts[2] = { 0, 1000 }, left[2] = { 0, 0 };
	decode_run_init(&r);
	memset(mm, 0, sizeof(mm));
	mm[0].hdr.iov = 0x2000;
	mm[0].hdr.iovlen = 1;
	mm[1].hdr.iov = 0x2010;
	mm[1].hdr.iovlen = 1;
	fake_mem_add(&r.mem, 0x1000, mm, sizeof(mm));
	fake_mem_add(&r.mem, 0x2000, iov, sizeof(iov));
	fake_mem_add(&r.mem, 0x3000, "onetwo", 6);
	fake_mem_add(&r.mem, 0x4000, ts, sizeof(ts));
	fake_mem_add(&r.mem, 0x5000, mm32, sizeof(mm32));
	fake_mem_add(&r.mem, 0x6000, iov32, sizeof(iov32));
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_sendmmsg, DECODE_ARGS(3, 0x1000, 2, 0)),
			 "sendmmsg(3, ");
	mm[0].len = mm[1].len = 3;
	decode_exit(&r, 2);
	ck_assert_str_eq(
		squeeze_line(&r),
		"sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", "
		"iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, "
		"{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"two\", iov_len=3}], "
		"msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}], 2, 0) = 2");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendmmsg, DECODE_ARGS(3, 0, 2, 0), -14),
			 "sendmmsg(3, NULL, 2, 0) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sendmmsg, DECODE_ARGS(3, 0x1000, 0, 0), 0),
			 "sendmmsg(3, [], 0, 0) = 0");
	/* recvmmsg: only the messages received, each shown up to its msg_len;
	 * the timeout as passed, and what is left of it. */
	iov[1] = iov[3] = 8;
	mm[0].len = 2;
	decode_entry(&r, &arch_x86_64, SYS_recvmmsg, DECODE_ARGS(4, 0x1000, 3, 0x10000, 0x4000));
	memcpy(ts, left, sizeof(ts));
	decode_exit(&r, 1);
	ck_assert_str_eq(
		squeeze_line(&r),
		"recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"on\", "
		"iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=2}], 3, "
		"MSG_WAITFORONE, {tv_sec=0, tv_nsec=1000}) = 1 (left {tv_sec=0, tv_nsec=0})");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_recvmmsg, DECODE_ARGS(4, 0x1000, 3, 0x40, 0),
			       -11),
			 "recvmmsg(4, 0x1000, 3, MSG_DONTWAIT, NULL) = "
			 "-1 EAGAIN (Resource temporarily unavailable)");
	/* 32-bit: 32-byte mmsghdr */
	mm32[0].hdr.iov = 0x6000;
	mm32[0].hdr.iovlen = 1;
	mm32[0].len = 3;
	ck_assert_str_eq(
		dline(&r, &arch_i386, SYS_sendmmsg, DECODE_ARGS(3, 0x5000, 1, 0), 1),
		"sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", "
		"iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}], 1, 0) "
		"= 1");
	decode_run_fini(&r);
}
END_TEST

/* i386 socketcall(2): the call's own name and decoder, its arguments read
 * as 32-bit words; an unknown call or unreadable words stay "socketcall". */
START_TEST(socketcall_calls)
{
	struct decode_run r;
	static const uint32_t socket_args[3] = { 2, 1, 6 };
	static const uint32_t send_args[4] = { 4, 0x3000, 5, 0x4000 };
	static const uint32_t recv_args[4] = { 5, 0x3000, 16, 0x40 };
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, socket_args, sizeof(socket_args));
	fake_mem_add(&r.mem, 0x2000, send_args, sizeof(send_args));
	fake_mem_add(&r.mem, 0x3000, "hello", 5);
	fake_mem_add(&r.mem, 0x4000, recv_args, sizeof(recv_args));
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_socketcall, DECODE_ARGS(1, 0x1000), 3),
			 "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_socketcall, DECODE_ARGS(9, 0x2000), 5),
			 "send(4, \"hello\", 5, MSG_NOSIGNAL) = 5");
	/* recv: the fd at entry, the buffer at exit, like recvfrom. */
	ck_assert_str_eq(decode_entry(&r, &arch_i386, SYS_socketcall, DECODE_ARGS(10, 0x4000)),
			 "recv(5, ");
	decode_exit(&r, 5);
	ck_assert_str_eq(squeeze_line(&r), "recv(5, \"hello\", 16, MSG_DONTWAIT) = 5");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_socketcall, DECODE_ARGS(99, 0x2000), -22),
			 "socketcall(99, 0x2000) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_socketcall, DECODE_ARGS(1, 0x10), -14),
			 "socketcall(SYS_SOCKET, 0x10) = -1 EFAULT (Bad address)");
	/* Fewer readable words than the call takes: undecoded too. */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_socketcall, DECODE_ARGS(11, 0x2000), -14),
			 "socketcall(SYS_SENDTO, 0x2000) = -1 EFAULT (Bad address)");
	decode_run_fini(&r);
}
END_TEST

/* The option shapes strace 6.1 knows beyond ints: SO_ERROR as an errno,
 * sock_fprog, ip_mreq, SO_TXREHASH's names, an int cut short in hex and
 * other values as strings. */
START_TEST(sockopt_shapes)
{
	struct decode_run r;
	static int32_t err, len;
	static uint64_t fprog[2] = { 1, 0x7ffe1000 };
	static uint32_t fprog32[2] = { 1, 0x1000 };
	static const uint8_t mreq[8] = { 224, 0, 0, 251, 0, 0, 0, 0 };
	static const char cong[16] = "bbr";
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &err, sizeof(err));
	fake_mem_add(&r.mem, 0x2000, &len, sizeof(len));
	fake_mem_add(&r.mem, 0x3000, fprog, sizeof(fprog));
	fake_mem_add(&r.mem, 0x4000, mreq, sizeof(mreq));
	fake_mem_add(&r.mem, 0x5000, cong, sizeof(cong));
	fake_mem_add(&r.mem, 0x6000, fprog32, sizeof(fprog32));
	err = 111;
	len = 4;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsockopt,
			       DECODE_ARGS(5, 1, 4, 0x1000, 0x2000), 0),
			 "getsockopt(5, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0");
	err = 0;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsockopt,
			       DECODE_ARGS(5, 1, 4, 0x1000, 0x2000), 0),
			 "getsockopt(5, SOL_SOCKET, SO_ERROR, [0], [4]) = 0");
	len = 16;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsockopt,
			       DECODE_ARGS(5, 6, 13, 0x5000, 0x2000), 0),
			 "getsockopt(5, SOL_TCP, TCP_CONGESTION, "
			 "\"bbr\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", [16]) = 0");
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(6, 1, 26, 0x3000, 16), 0),
		"setsockopt(6, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=0x7ffe1000}, 16) = 0");
	ck_assert_str_eq(
		dline(&r, &arch_i386, SYS_setsockopt, DECODE_ARGS(6, 1, 26, 0x6000, 8), 0),
		"setsockopt(6, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=0x1000}, 8) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(6, 1, 26, 0x3000, 8),
			       0),
			 "setsockopt(6, SOL_SOCKET, SO_ATTACH_FILTER, 0x3000, 8) = 0");
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(6, 0, 35, 0x4000, 8), 0),
		"setsockopt(6, SOL_IP, IP_ADD_MEMBERSHIP, "
		"{imr_multiaddr=inet_addr(\"224.0.0.251\"), imr_interface=inet_addr(\"0.0.0.0\")}, "
		"8) = 0");
	err = 2;
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(-1, 1, 74, 0x1000, 4), 0),
		"setsockopt(-1, SOL_SOCKET, SO_TXREHASH, [2 /* SOCK_TXREHASH_??? */], 4) = 0");
	err = 1;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(-1, 1, 74, 0x1000, 4),
			       0),
			 "setsockopt(-1, SOL_SOCKET, SO_TXREHASH, [SOCK_TXREHASH_ENABLED], 4) = 0");
	len = 2;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsockopt,
			       DECODE_ARGS(5, 1, 9, 0x1000, 0x2000), 0),
			 "getsockopt(5, SOL_SOCKET, SO_KEEPALIVE, \"\\x01\\x00\", [2]) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(sockopts)
{
	struct decode_run r;
	static int32_t one = 1;
	static const int32_t linger[2] = { 1, 5 };
	static const int32_t ucred[3] = { 42, 1000, 1000 };
	static int32_t len;
	static const char tv[16] = { 1, 0, 0, 0, 0, 0, 0, 0, (char)0xf4, 1 };
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &one, sizeof(one));
	fake_mem_add(&r.mem, 0x2000, linger, sizeof(linger));
	fake_mem_add(&r.mem, 0x3000, &len, sizeof(len));
	fake_mem_add(&r.mem, 0x4000, tv, sizeof(tv));
	fake_mem_add(&r.mem, 0x5000, ucred, sizeof(ucred));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 1, 2, 0x1000, 4),
			       0),
			 "setsockopt(5, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	/* SOL_SOCKET int options: any length that holds an int. */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 1, 2, 0x4000, 8),
			       0),
			 "setsockopt(5, SOL_SOCKET, SO_REUSEADDR, [1], 8) = 0");
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 1, 2, 0x1000, 2), -22),
		"setsockopt(5, SOL_SOCKET, SO_REUSEADDR, 0x1000, 2) = "
			 "-1 EINVAL (Invalid argument)");
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 1, 2, 0, 4), -14),
		"setsockopt(5, SOL_SOCKET, SO_REUSEADDR, NULL, 4) = -1 EFAULT (Bad address)");
	/* Others: an int only at length 4, a string otherwise. */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 6, 1, 0x1000, 4),
			       0),
			 "setsockopt(5, SOL_TCP, TCP_NODELAY, [1], 4) = 0");
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 6, 1, 0x4000, 8), 0),
		"setsockopt(5, SOL_TCP, TCP_NODELAY, \"\\1\\0\\0\\0\\0\\0\\0\\0\", 8) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 1, 20, 0x4000, 16),
			       0),
			 "setsockopt(5, SOL_SOCKET, SO_RCVTIMEO_OLD, "
			 "\"\\1\\0\\0\\0\\0\\0\\0\\0\\364\\1\\0\\0\\0\\0\\0\\0\", 16) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 0, 1, 0x1000, 4),
			       0),
			 "setsockopt(5, SOL_IP, IP_TOS, [1], 4) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 41, 26, 0x1000, 4),
			       0),
			 "setsockopt(5, SOL_IPV6, IPV6_V6ONLY, [1], 4) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt,
			       DECODE_ARGS(5, 999, 5, 0x1000, 4), -92),
			 "setsockopt(5, 0x3e7 /* SOL_?? */, 5, [1], 4) = "
			 "-1 ENOPROTOOPT (Protocol not available)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt,
			       DECODE_ARGS(5, 1, 999, 0x1000, 4), -92),
			 "setsockopt(5, SOL_SOCKET, 0x3e7 /* SO_??? */, [1], 4) = "
			 "-1 ENOPROTOOPT (Protocol not available)");
	/* Levels with a table name unknown options in hex; those without, in decimal. */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 17, 103, 0, 0), 0),
			 "setsockopt(5, SOL_UDP, UDP_SEGMENT, NULL, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 270, 1, 0x1000, 4),
			       0),
			 "setsockopt(5, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, [1], 4) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 263, 10, 0x1000, 4),
			       0),
			 "setsockopt(5, SOL_PACKET, PACKET_VERSION, [1], 4) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 255, 2, 0, 0), 0),
			 "setsockopt(5, SOL_RAW, 0x2 /* RAW_??? */, NULL, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 58, 2, 0, 0), 0),
			 "setsockopt(5, SOL_ICMPV6, 2, NULL, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setsockopt, DECODE_ARGS(5, 1, 13, 0x2000, 8),
			       0),
			 "setsockopt(5, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0");

	len = 4;
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_getsockopt,
				      DECODE_ARGS(5, 1, 3, 0x1000, 0x3000)),
			 "getsockopt(5, SOL_SOCKET, SO_TYPE, ");
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r), "getsockopt(5, SOL_SOCKET, SO_TYPE, [1], [4]) = 0");
	len = 8;
	decode_entry(&r, &arch_x86_64, SYS_getsockopt, DECODE_ARGS(5, 1, 13, 0x2000, 0x3000));
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "getsockopt(5, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8]) = 0");
	len = 12;
	decode_entry(&r, &arch_x86_64, SYS_getsockopt, DECODE_ARGS(5, 1, 17, 0x5000, 0x3000));
	decode_exit(&r, 0);
	ck_assert_str_eq(
		squeeze_line(&r),
		"getsockopt(5, SOL_SOCKET, SO_PEERCRED, {pid=42, uid=1000, gid=1000}, [12]) = 0");
	len = 2;
	decode_entry(&r, &arch_x86_64, SYS_getsockopt, DECODE_ARGS(5, 1, 8, 0x4000, 0x3000));
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "getsockopt(5, SOL_SOCKET, SO_RCVBUF, \"\\x01\\x00\", [2]) = 0");
	len = 8;
	decode_entry(&r, &arch_x86_64, SYS_getsockopt, DECODE_ARGS(5, 6, 2, 0x1000, 0x3000));
	len = 4;
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r), "getsockopt(5, SOL_TCP, TCP_MAXSEG, [1], [8 => 4]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsockopt,
			       DECODE_ARGS(5, 1, 999, 0x1000, 0x3000), -92),
			 "getsockopt(5, SOL_SOCKET, 0x3e7 /* SO_??? */, 0x1000, [4]) = "
			 "-1 ENOPROTOOPT (Protocol not available)");
	ck_assert_str_eq(
		dline(&r, &arch_x86_64, SYS_getsockopt, DECODE_ARGS(5, 1, 39, 0x1000, 0), -14),
		"getsockopt(5, SOL_SOCKET, SO_DOMAIN, 0x1000, NULL) = -1 EFAULT (Bad address)");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_net");
	TCase *tc = tcase_create("net");
	tcase_add_test(tc, socket_calls);
	tcase_add_test(tc, socketpair_listen_shutdown);
	tcase_add_test(tc, accept_and_names);
	tcase_add_test(tc, sendto_recvfrom);
	tcase_add_test(tc, sendmsg_rights);
	tcase_add_test(tc, recvmsg_credentials);
	tcase_add_test(tc, msghdr_32bit);
	tcase_add_test(tc, mmsg_calls);
	tcase_add_test(tc, socketcall_calls);
	tcase_add_test(tc, sockopts);
	tcase_add_test(tc, sockopt_shapes);
	suite_add_tcase(s, tc);
	return s;
}
