/*
 * Tables of the socket decoders (src/xlat_net.c): names as strace 6.1
 * prints them, in its order.  The socket ABI is the same on every
 * architecture ctrace knows (x86 and arm64 use the asm-generic numbers).
 */
#ifndef CTRACE_XLAT_NET_H
#define CTRACE_XLAT_NET_H

#include "ctrace/xlat.h"

extern const struct xlat xlat_address_families;  /* AF_UNSPEC ... AF_MCTP */
extern const struct xlat xlat_socket_types;      /* SOCK_STREAM ... SOCK_PACKET (type & 0xf) */
extern const struct xlat xlat_socket_flags;      /* SOCK_CLOEXEC, SOCK_NONBLOCK */
extern const struct xlat xlat_ip_protocols;      /* IPPROTO_* of AF_INET and AF_INET6 */
extern const struct xlat xlat_netlink_protocols; /* NETLINK_ROUTE ... */
extern const struct xlat xlat_ethernet_protocols;/* ETH_P_* of AF_PACKET, host order */
extern const struct xlat xlat_arp_hardware;      /* sll_hatype: ARPHRD_* */
extern const struct xlat xlat_packet_types;      /* sll_pkttype: PACKET_HOST ... */
extern const struct xlat xlat_shutdown_modes;    /* SHUT_RD, SHUT_WR, SHUT_RDWR */
extern const struct xlat xlat_msg_flags;         /* MSG_OOB ... MSG_CMSG_COMPAT */
/* setsockopt/getsockopt levels ("SOL_??" for unknown ones, strace's spelling)
 * and the same table for cmsg_level ("SOL_???"). */
extern const struct xlat xlat_socket_levels, xlat_cmsg_levels;
extern const struct xlat xlat_sockopt_socket;    /* SOL_SOCKET: SO_* */
extern const struct xlat xlat_sockopt_tcp;       /* SOL_TCP: TCP_* */
extern const struct xlat xlat_sockopt_ip;        /* SOL_IP: IP_*, MCAST_* */
extern const struct xlat xlat_sockopt_ipv6;      /* SOL_IPV6: IPV6_*, MCAST_* */
extern const struct xlat xlat_sockopt_udp, xlat_sockopt_netlink, xlat_sockopt_packet,
	xlat_sockopt_raw;                        /* SOL_UDP, SOL_NETLINK, SOL_PACKET, SOL_RAW */
extern const struct xlat xlat_scm_types;         /* cmsg_type at SOL_SOCKET: SCM_* */
extern const struct xlat xlat_socketcall_calls;  /* i386 socketcall(2): SYS_SOCKET ... */

/* Protocol table of socket(2)'s third argument for a domain, or NULL when
 * strace prints it as a plain number (AF_UNIX and most others). */
const struct xlat *socket_protocol_table(unsigned domain);

/* SOL_SOCKET options whose value strace prints as an int whatever optlen
 * says, as long as it holds one (SO_REUSEADDR, SO_RCVBUF, ...). */
int sockopt_socket_is_int(unsigned name);

#endif
