/*
 * The host's network interface names, for the IPv6 scope ids that strace
 * prints as if_nametoindex("eth0").  A lookup on the host, not on the
 * tracee: the CLI hands it to the decoders through decode_opts.ifname.
 */
#include <net/if.h>
#include <string.h>

#include "ctrace/decode_sockaddr.h"

bool host_ifname(unsigned index, char name[IFNAME_MAX])
{
	char buf[IF_NAMESIZE > IFNAME_MAX ? IF_NAMESIZE : IFNAME_MAX];

	if (!if_indextoname(index, buf))
		return false;
	buf[IFNAME_MAX - 1] = '\0';
	memcpy(name, buf, IFNAME_MAX);
	return true;
}
