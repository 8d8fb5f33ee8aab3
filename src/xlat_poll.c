/*
 * Tables of the poll, select, epoll and eventfd decoders (src/decode_poll.c),
 * from <asm-generic/poll.h> and <linux/eventpoll.h>, in numeric order, which
 * is the order strace 6.1 prints them in.
 */
#include "ctrace/xlat_calls.h"

static const struct xlat_entry poll_event_entries[] = {
	{ 0x0001, "POLLIN" },
	{ 0x0002, "POLLPRI" },
	{ 0x0004, "POLLOUT" },
	{ 0x0008, "POLLERR" },
	{ 0x0010, "POLLHUP" },
	{ 0x0020, "POLLNVAL" },
	{ 0x0040, "POLLRDNORM" },
	{ 0x0080, "POLLRDBAND" },
	{ 0x0100, "POLLWRNORM" },
	{ 0x0200, "POLLWRBAND" },
	{ 0x0400, "POLLMSG" },
	{ 0x1000, "POLLREMOVE" },
	{ 0x2000, "POLLRDHUP" },
	{ 0x8000, "POLL_BUSY_LOOP" },
	{ 0, NULL }
};
const struct xlat xlat_poll_events = { poll_event_entries, "POLL???" };

static const struct xlat_entry epoll_event_entries[] = {
	{ 0x00000001, "EPOLLIN" },
	{ 0x00000002, "EPOLLPRI" },
	{ 0x00000004, "EPOLLOUT" },
	{ 0x00000008, "EPOLLERR" },
	{ 0x00000010, "EPOLLHUP" },
	{ 0x00000020, "EPOLLNVAL" },
	{ 0x00000040, "EPOLLRDNORM" },
	{ 0x00000080, "EPOLLRDBAND" },
	{ 0x00000100, "EPOLLWRNORM" },
	{ 0x00000200, "EPOLLWRBAND" },
	{ 0x00000400, "EPOLLMSG" },
	{ 0x00002000, "EPOLLRDHUP" },
	{ 0x10000000, "EPOLLEXCLUSIVE" },
	{ 0x20000000, "EPOLLWAKEUP" },
	{ 0x40000000, "EPOLLONESHOT" },
	{ 0x80000000, "EPOLLET" },
	{ 0, NULL }
};
const struct xlat xlat_epoll_events = { epoll_event_entries, "EPOLL???" };

static const struct xlat_entry epoll_ctl_entries[] = {
	{ 1, "EPOLL_CTL_ADD" },
	{ 2, "EPOLL_CTL_DEL" },
	{ 3, "EPOLL_CTL_MOD" },
	{ 0, NULL }
};
const struct xlat xlat_epoll_ctl_ops = { epoll_ctl_entries, "EPOLL_CTL_???" };

/* EPOLL_CLOEXEC is O_CLOEXEC, the same bit on x86 and asm-generic. */
static const struct xlat_entry epoll_create_entries[] = {
	{ 02000000, "EPOLL_CLOEXEC" },
	{ 0, NULL }
};
const struct xlat xlat_epoll_create_flags = { epoll_create_entries, "EPOLL_???" };

/* EFD_CLOEXEC and EFD_NONBLOCK are O_CLOEXEC and O_NONBLOCK (same on x86 and
 * aarch64); strace's order, not numeric: "EFD_CLOEXEC|EFD_NONBLOCK". */
static const struct xlat_entry eventfd_entries[] = {
	{ 02000000, "EFD_CLOEXEC" },
	{ 00004000, "EFD_NONBLOCK" },
	{ 00000001, "EFD_SEMAPHORE" },
	{ 0, NULL }
};
const struct xlat xlat_eventfd_flags = { eventfd_entries, "EFD_???" };
