/*
 * Real sockets for the network decoders' differential test: an AF_UNIX
 * socketpair passing an fd with SCM_RIGHTS and credentials with
 * SCM_CREDENTIALS, sendmmsg/recvmmsg, named and abstract AF_UNIX streams, TCP and UDP on
 * 127.0.0.1 and ::1, socket options, and calls that fail (EAGAIN, EFAULT,
 * EOPNOTSUPP) in a fixed order.
 *
 * usage: net_basics PORT DIR.  Every port is in PORT..PORT+13 and every path is
 * under DIR, so that two runs (strace's and ctrace's) print the same
 * addresses; clients close with SO_LINGER {1, 0} (a reset, no TIME_WAIT),
 * so that the next run can bind the same ports.  Exit 0 when every call
 * that should work worked, 1 otherwise (the test then picks another PORT).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int failures;

static int must(int r)
{
	if (r < 0)
		failures++;
	return r;
}

static void pass_rights_and_credentials(void)
{
	int sv[2], pfd[2], one = 1;
	char data[] = "fd!";
	struct iovec iov = { data, 3 };
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
			    .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);

	must(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv));
	must(pipe(pfd));
	must(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)));
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	memcpy(CMSG_DATA(c), pfd, sizeof(pfd));
	must(sendmsg(sv[0], &m, 0));

	char a[2], b[16];
	struct iovec riov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	union {
		char buf[256];
		struct cmsghdr align;
	} ru;
	struct msghdr r = { .msg_iov = riov, .msg_iovlen = 2, .msg_control = ru.buf,
			    .msg_controllen = sizeof(ru.buf) };
	must(recvmsg(sv[1], &r, MSG_CMSG_CLOEXEC));
	/* Nothing left: EAGAIN, printed with the msg_namelen passed in. */
	recvmsg(sv[1], &r, MSG_DONTWAIT);
	/* A buffer too small for the message: MSG_TRUNC. */
	must(send(sv[0], "truncated", 9, 0));
	r.msg_iovlen = 1;
	r.msg_controllen = 0;
	must(recvmsg(sv[1], &r, 0));
	close(pfd[0]);
	close(pfd[1]);
	close(sv[0]);
	close(sv[1]);
	/* Failures with a NULL pair and a family that has no pairs. */
	socketpair(AF_UNIX, SOCK_STREAM, 0, NULL);
	socketpair(AF_INET, SOCK_STREAM, 0, sv);
}

/* Several datagrams per call; no timeout (what is left of one is a race). */
static void multiple_messages(void)
{
	int sv[2];
	char a[8], b[8];
	struct iovec iov[2] = { { "one", 3 }, { "two", 3 } }, riov[2] = { { a, 8 }, { b, 8 } };
	struct mmsghdr mm[2], rm[3];

	must(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	memset(mm, 0, sizeof(mm));
	memset(rm, 0, sizeof(rm));
	for (int i = 0; i < 2; i++) {
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
	}
	for (int i = 0; i < 3; i++) {
		rm[i].msg_hdr.msg_iov = &riov[i % 2];
		rm[i].msg_hdr.msg_iovlen = 1;
	}
	must(sendmmsg(sv[0], mm, 2, 0));
	must(recvmmsg(sv[1], rm, 3, MSG_DONTWAIT, NULL));
	recvmmsg(sv[1], rm, 3, MSG_DONTWAIT, NULL);
	close(sv[0]);
	close(sv[1]);
}

static void unix_stream(const char *dir, int port)
{
	struct sockaddr_un named = { .sun_family = AF_UNIX }, abstract = { .sun_family = AF_UNIX };
	struct sockaddr_un peer;
	socklen_t len;
	int srv, cli, acc;
	char buf[32];

	snprintf(named.sun_path, sizeof(named.sun_path), "%s/net.sock", dir);
	unlink(named.sun_path);
	srv = must(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
	must(bind(srv, (struct sockaddr *)&named, sizeof(named)));
	must(listen(srv, 4));
	cli = must(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
	/* An abstract name for the client: @ and the bytes after the NUL. */
	int n = snprintf(abstract.sun_path + 1, sizeof(abstract.sun_path) - 1, "ctrace-net-%d",
			 port);
	must(bind(cli, (struct sockaddr *)&abstract,
		  offsetof(struct sockaddr_un, sun_path) + 1 + n));
	must(connect(cli, (struct sockaddr *)&named, sizeof(named)));
	len = sizeof(peer);
	acc = must(accept4(srv, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC));
	len = sizeof(peer);
	must(getsockname(cli, (struct sockaddr *)&peer, &len));
	len = sizeof(peer);
	must(getpeername(cli, (struct sockaddr *)&peer, &len));
	struct ucred cred;
	len = sizeof(cred);
	must(getsockopt(cli, SOL_SOCKET, SO_PEERCRED, &cred, &len));
	must(sendto(cli, "ping", 4, MSG_NOSIGNAL, NULL, 0));
	must(recvfrom(acc, buf, sizeof(buf), 0, NULL, NULL));
	must(shutdown(acc, SHUT_WR));
	must(recvfrom(cli, buf, sizeof(buf), 0, NULL, NULL));
	/* Nothing waiting: EAGAIN from a non-blocking accept. */
	accept4(srv, NULL, NULL, SOCK_NONBLOCK);
	close(acc);
	close(cli);
	close(srv);
	unlink(named.sun_path);
}

static void reset_close(int fd)
{
	struct linger lg = { 1, 0 };

	must(setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
	close(fd);
}

/* TCP between two fixed ports of `family`, with options set and read back. */
static void tcp(int family, const char *host, int port)
{
	struct sockaddr_storage srv_addr = { 0 }, cli_addr = { 0 }, peer;
	socklen_t alen = family == AF_INET ? sizeof(struct sockaddr_in)
					   : sizeof(struct sockaddr_in6);
	int one = 1, val, srv, cli, acc;
	socklen_t len;
	char buf[64];

	if (family == AF_INET) {
		struct sockaddr_in *s = (void *)&srv_addr, *c = (void *)&cli_addr;
		s->sin_family = c->sin_family = AF_INET;
		inet_pton(AF_INET, host, &s->sin_addr);
		c->sin_addr = s->sin_addr;
		s->sin_port = htons(port);
		c->sin_port = htons(port + 1);
	} else {
		struct sockaddr_in6 *s = (void *)&srv_addr, *c = (void *)&cli_addr;
		s->sin6_family = c->sin6_family = AF_INET6;
		inet_pton(AF_INET6, host, &s->sin6_addr);
		c->sin6_addr = s->sin6_addr;
		s->sin6_port = htons(port);
		c->sin6_port = htons(port + 1);
	}
	srv = must(socket(family, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP));
	must(setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	if (family == AF_INET6)
		must(setsockopt(srv, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)));
	must(bind(srv, (struct sockaddr *)&srv_addr, alen));
	must(listen(srv, 8));
	cli = must(socket(family, SOCK_STREAM, 0));
	must(setsockopt(cli, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	must(bind(cli, (struct sockaddr *)&cli_addr, alen));
	must(setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)));
	must(connect(cli, (struct sockaddr *)&srv_addr, alen));
	len = sizeof(peer);
	acc = must(accept(srv, (struct sockaddr *)&peer, &len));
	len = sizeof(val);
	must(getsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &val, &len));
	len = sizeof(val);
	must(getsockopt(cli, SOL_SOCKET, SO_TYPE, &val, &len));
	len = sizeof(val);
	must(getsockopt(cli, SOL_SOCKET, SO_ERROR, &val, &len));
	len = 2;
	must(getsockopt(cli, SOL_SOCKET, SO_KEEPALIVE, &val, &len));
	len = sizeof(val);
	getsockopt(cli, SOL_SOCKET, 999, &val, &len);
	len = 4;
	must(getsockname(srv, (struct sockaddr *)&peer, &len));
	must(sendto(cli, "hello over tcp, a line longer than thirty-two bytes", 51, 0, NULL, 0));
	must(recvfrom(acc, buf, 5, MSG_WAITALL, NULL, NULL));
	must(recvfrom(acc, buf, sizeof(buf), 0, NULL, NULL));
	recvfrom(acc, buf, sizeof(buf), MSG_DONTWAIT, NULL, NULL);
	must(shutdown(cli, SHUT_RDWR));
	reset_close(cli);
	close(acc);
	close(srv);
}

/* UDP datagrams with their source address written back. */
static void udp(int family, const char *host, int port)
{
	struct sockaddr_storage a = { 0 }, b = { 0 }, from;
	socklen_t alen = family == AF_INET ? sizeof(struct sockaddr_in)
					   : sizeof(struct sockaddr_in6);
	socklen_t len;
	char buf[16];
	int s, t;

	if (family == AF_INET) {
		struct sockaddr_in *x = (void *)&a, *y = (void *)&b;
		x->sin_family = y->sin_family = AF_INET;
		inet_pton(AF_INET, host, &x->sin_addr);
		y->sin_addr = x->sin_addr;
		x->sin_port = htons(port + 2);
		y->sin_port = htons(port + 3);
	} else {
		struct sockaddr_in6 *x = (void *)&a, *y = (void *)&b;
		x->sin6_family = y->sin6_family = AF_INET6;
		inet_pton(AF_INET6, host, &x->sin6_addr);
		y->sin6_addr = x->sin6_addr;
		x->sin6_port = htons(port + 2);
		y->sin6_port = htons(port + 3);
	}
	s = must(socket(family, SOCK_DGRAM, 0));
	t = must(socket(family, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP));
	must(bind(s, (struct sockaddr *)&a, alen));
	must(bind(t, (struct sockaddr *)&b, alen));
	must(sendto(t, "datagram", 8, 0, (struct sockaddr *)&a, alen));
	len = sizeof(from);
	must(recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len));
	must(sendto(t, "short", 5, MSG_DONTWAIT, (struct sockaddr *)&a, alen));
	len = 2;
	must(recvfrom(s, buf, sizeof(buf), MSG_TRUNC, (struct sockaddr *)&from, &len));
	/* An address too short for the family: raw sa_data. */
	sendto(t, "x", 1, 0, (struct sockaddr *)&a, 8);
	/* A name for recvmsg to fill in. */
	must(sendto(t, "msg", 3, 0, (struct sockaddr *)&a, alen));
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &iov,
			    .msg_iovlen = 1 };
	must(recvmsg(s, &m, 0));
	close(t);
	close(s);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: net_basics PORT DIR\n");
		return 2;
	}
	int port = atoi(argv[1]);
	pass_rights_and_credentials();
	multiple_messages();
	unix_stream(argv[2], port);
	tcp(AF_INET, "127.0.0.1", port);
	udp(AF_INET, "127.0.0.1", port);
	tcp(AF_INET6, "::1", port + 10);
	udp(AF_INET6, "::1", port + 10);
	connect(-1, NULL, 16);
	return failures ? 1 : 0;
}
