#!/bin/bash
# Everyday programs traced by strace 6.1 and by ctrace: the share of strace's
# lines that ctrace prints identically, every syscall compared whole
# (normalize.py in full mode: pids, addresses and the interleaving of tasks
# removed; identical_lines.py counts lines as multisets, so racing tasks do
# not count).  Each program must stay at or above its floor.
#
# Reached when the file, memory, signal and misc decoders came in (x86_64,
# strace 6.1; before them: ls 1.7%, sh 12.9%, python3 0.9%):
#   ls -l /                96.9%  (left: socket, connect, getrandom's random bytes)
#   sh -c 'echo a | cat'   97.5%  (left: getrandom, getppid's pid, rt_sigreturn's frame)
#   python3 -c pass        99.7%  (left: getrandom, sysinfo's changing counters)
#   ls -l / with -v        96.6%  (left: as above, and execve's environment)
# Then with issue 7's decoders (poll/select/epoll, iovecs, clocks, prctl,
# rt_sigreturn's mask, ids, waitid...) and the network ones, the everyday
# programs of everyday.sh (strace 6.1, x86_64):
#   ls -l /                99.7%  (left: getrandom's random bytes)
#   sh pipelines           98.8%  (left: getrandom, getppid's pid, sysinfo,
#                          which child an interrupted wait4 returned)
#   python3 threads+subprocess 98.5%  (left: futex timeouts and races, thread
#                          stack sizes, getrandom, sysinfo)
#   make (3 targets)       99.4%  (left: getrandom)
#   git status             99.7%  (left: getrandom)
#   tar create / extract   99.6% / 99.5%  (left: getrandom)
# The floors are a few points lower: a different machine makes a different
# number of lines differ by nature (random bytes, pids outside the trace).
# Env: CTRACE, PROGS, TESTS_DIR.  Exit: 0 ok, 1 below a floor, 77 no strace.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/integration/lib.sh
. "$here/lib.sh"
# shellcheck source=tests/integration/everyday.sh
. "$here/everyday.sh"

strace=${STRACE:-/usr/bin/strace}
if [ ! -x "$strace" ]; then
	echo "SKIP: strace not found" >&2
	exit 77
fi

# identical NAME FLOOR [-t OPTS] PROG ARGS...
identical() {
	local name=$1 floor=$2 opts='' n
	shift 2
	if [ "$1" = -t ]; then
		opts=$2
		shift 2
	fi
	for n in strace ctrace; do
		local tracer=$strace
		[ $n = ctrace ] && tracer=$CTRACE
		# shellcheck disable=SC2086 # $opts is a list of options
		everyday_reset
		(cd "$WORK/ev" && timeout 120 "$tracer" -f $opts -o "$WORK/$name.$n" -- "$@" \
			> /dev/null 2>&1 < /dev/null)
		python3 "$here/normalize.py" "$WORK/$name.$n" > "$WORK/$name.$n.norm" || {
			fail "$name: normalize.py failed on the $n trace"
			return
		}
	done
	local same total pct
	read -r same total pct < <(python3 "$here/identical_lines.py" \
		"$WORK/$name.strace.norm" "$WORK/$name.ctrace.norm")
	CHECKS=$((CHECKS + 1))
	if python3 -c "import sys; sys.exit(0 if $pct >= $floor else 1)"; then
		pass "$name: $same of $total lines identical ($pct%, floor $floor%)"
	else
		fail "$name: $same of $total lines identical ($pct%), below the floor of $floor%"
		python3 "$here/identical_lines.py" -v "$WORK/$name.strace.norm" \
			"$WORK/$name.ctrace.norm" | tail -n +2 | cut -c1-200 | head -40 >&2
	fi
}

check "setup of the everyday programs" everyday_setup
identical ls-v 93 -t -v ls -l /
identical sh-echo-cat 93 sh -c 'echo a | cat'
# The real interpreter, not a version manager's shell-script shim.
python=$(python3 -c 'import sys; print(sys.executable)' 2> /dev/null)
if [ -n "$python" ] && [ -x "$python" ]; then
	identical python3 96 "$python" -c pass
	# Sockets over loopback (98.6% when the network decoders came in; left:
	# the ephemeral ports, which differ between any two runs, and epoll).
	identical python3-sockets 95 "$python" -c '
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
c = socket.create_connection(s.getsockname()); a, _ = s.accept(); c.sendall(b"hi"); a.recv(10)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
u.sendto(b"x", u.getsockname()); u.recvfrom(10)
'
fi
everyday_each identical

finish
