#!/bin/bash
# Network decoders against strace 6.1: tests/progs/net_basics (AF_UNIX pairs
# with SCM_RIGHTS and SCM_CREDENTIALS, sendmmsg/recvmmsg, named and abstract AF_UNIX streams, TCP
# and UDP on 127.0.0.1 and ::1, socket options, failing calls) traced by both
# and compared line for line after normalisation (compare.sh: every socket
# call and the fd calls between them whole, the process startup by name).
# The program uses fixed ports, so that both traces print the same ones: a
# block of free ports is found by running it untraced first.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit: 0 ok, 1 a difference, 77 no strace.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/integration/lib.sh
. "$here/lib.sh"

if [ ! -x "${STRACE:-/usr/bin/strace}" ]; then
	echo "SKIP: strace not found" >&2
	exit 77
fi
export CTRACE
export DECODED=socket,socketpair,bind,connect,listen,accept,accept4,getsockname,\
getpeername,shutdown,sendto,recvfrom,sendmsg,recvmsg,sendmmsg,recvmmsg,setsockopt,getsockopt,\
close,pipe2,unlink,exit_group

prog=$PROGS/net_basics
port=
for _ in 1 2 3 4 5 6 7 8; do
	p=$((20000 + RANDOM % 40000))
	if run_to 30 "$prog" "$p" "$WORK" > /dev/null 2>&1; then
		port=$p
		break
	fi
done
if [ -z "$port" ]; then
	fail "net_basics found no free block of ports (or a socket call failed untraced)"
	finish
fi

# compare NAME [-t OPTS] [PROG ARGS...]: the two traces of PROG (net_basics
# by default) are equal.
compare() {
	local name=$1 opts=()
	shift
	if [ "${1:-}" = -t ]; then
		opts=(-t "$2")
		shift 2
	fi
	[ $# -gt 0 ] || set -- "$prog" "$port" "$WORK"
	CHECKS=$((CHECKS + 1))
	if "$here/compare.sh" "${opts[@]}" "$@" > "$WORK/$name.diff" 2>&1; then
		pass "$name: identical to strace"
	else
		fail "$name: differs from strace:"
		head -40 "$WORK/$name.diff" >&2
	fi
}

compare net_basics
compare net_basics-s8 -t "-s 8"
compare net_basics-v -t -v
compare net_basics-network -t "-e trace=%network"
# -y: the fds of the socket calls, the SCM_RIGHTS fds and the accepted fd with what they are
compare net_basics-y -t -y

# The lines that matter are there at all (a compare of two empty traces passes).
CHECKS=$((CHECKS + 1))
run_to 60 "$CTRACE" -o "$WORK/ct" "$prog" "$port" "$WORK" > /dev/null 2>&1
for want in 'cmsg_type=SCM_RIGHTS, cmsg_data=[' 'cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=' \
	"sin_addr=inet_addr(\"127.0.0.1\")" 'inet_pton(AF_INET6, "::1", &sin6_addr)' \
	'sun_path=@"ctrace-net-' '[2 => 16]' 'msg_namelen=128 => 16' \
	'iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}' \
	'SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8)' 'SO_PEERCRED, {pid='; do
	assert_contains "ctrace prints $want" "$WORK/ct" "$want"
done
# i386 socketcall(2): the line names the call made through it, as strace's;
# and the direct i386 calls with 32-bit msghdr/cmsghdr.  Only when this host
# can build and run an i386 program (gcc -m32, IA-32 emulation).
SC32=$WORK/socketcall32
if gcc -m32 -nostdlib -static -ffreestanding -fno-stack-protector -O1 -o "$SC32" \
	"$TESTS_DIR/progs/i386/socketcall.c" > /dev/null 2>&1 && "$SC32"; then
	DECODED=$DECODED,socketcall,exit compare i386-socketcall "$SC32"
	run_to 60 "$CTRACE" -o "$WORK/ct32" "$SC32" > /dev/null 2>&1
	assert_matches "i386: send through socketcall" "$WORK/ct32" \
		'^send\([0-9]+, "hello", 5, 0\) += 5$'
	assert_contains "i386: an unknown call stays socketcall" "$WORK/ct32" \
		'socketcall(99, 0x'
	assert_contains "i386: 32-bit msghdr" "$WORK/ct32" \
		'[{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0]}]'
else
	echo "skip: i386 socketcall (no gcc -m32 or no IA-32 emulation here)"
fi
# fd numbers depend on what the test runner left open: a pattern.
assert_matches "ctrace prints socketpair's fds" "$WORK/ct" \
	'^socketpair\(AF_UNIX, SOCK_DGRAM\|SOCK_CLOEXEC, 0, \[[0-9]+, [0-9]+\]\) += 0$'

finish
