/*
 * Socket addresses as strace 6.1 prints them (src/decode_sockaddr.c):
 * AF_UNIX paths (abstract ones as @"name"), AF_INET and AF_INET6 in the
 * htons/inet_addr/inet_pton forms, AF_NETLINK, and the raw sa_data bytes of
 * every other family or of an address too short for its family.
 */
#ifndef CTRACE_DECODE_SOCKADDR_H
#define CTRACE_DECODE_SOCKADDR_H

#include <stdint.h>

#include "ctrace/decode.h"

/* The largest address strace reads: sizeof(struct sockaddr_storage). */
#define SOCKADDR_MAX 128

/*
 * The address of `len` bytes at `addr`: NULL, the address itself when len is
 * below 2 or the memory unreadable, else {sa_family=..., ...} from the first
 * min(len, 128) bytes.
 */
struct val *sockaddr_val(struct decode_ctx *ctx, const char *name, uint64_t addr, int64_t len);

/* The same from bytes already read (len <= SOCKADDR_MAX, len >= 2). */
struct val *sockaddr_bytes_val(struct decode_ctx *ctx, const char *name, const uint8_t *bytes,
			       unsigned len);

/* The host's interface names (if_indextoname), for decode_opts.ifname:
 * set by the CLI, never by a decoder (src/host_ifname.c). */
bool host_ifname(unsigned index, char name[IFNAME_MAX]);

#endif
