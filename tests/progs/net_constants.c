/*
 * Socket calls whose arguments strace prints as named constants, for the
 * -X comparison (test_const_style.sh): families, socket types with flags
 * (known and unknown types), protocols (AF_PACKET's htons(ETH_P_ALL) may fail
 * without privileges: the arguments print the same), socket options, message
 * flags, shutdown's how, and IPv4/IPv6/AF_UNIX/netlink addresses.  Loopback
 * only.  No output, exit 0.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
	/* Fixed ports and no peer, so that every printed byte is the same each run. */
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, IPPROTO_TCP);
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(0) };
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(s, (struct sockaddr *)&sin, sizeof(sin));
	listen(s, 5);
	accept4(s, NULL, NULL, SOCK_NONBLOCK);    /* EAGAIN: nobody connects */
	int c = socket(AF_INET, SOCK_DGRAM, 0);
	sin.sin_port = htons(9);
	connect(c, (struct sockaddr *)&sin, sizeof(sin));
	shutdown(c, SHUT_WR);

	int sv[2];
	char buf[8];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	send(sv[0], "hi", 2, MSG_NOSIGNAL);
	recv(sv[1], buf, sizeof(buf), 0);
	socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	socket(AF_INET, 0x7 | SOCK_CLOEXEC, 0);

	int s6 = socket(AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = htons(53) };
	inet_pton(AF_INET6, "::1", &sin6.sin6_addr);
	connect(s6, (struct sockaddr *)&sin6, sizeof(sin6));
	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	strcpy(un.sun_path, "/nonexistent/ctrace.sock");
	connect(u, (struct sockaddr *)&un, sizeof(un));
	int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	bind(n, (struct sockaddr *)&nl, sizeof(nl));
	return 0;
}
