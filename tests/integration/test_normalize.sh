#!/bin/bash
# Proves the differential harness can pass and can fail, without ctrace:
#  (a) two strace runs of each program normalise to identical text;
#  (b) a trace altered in one flag, one return value or by one missing line
#      does not compare equal to the original;
#  (c) split <unfinished ...>/<... resumed> lines join exactly (hand-written
#      input, expected output), labels follow clone returns, not pid numbers.
# Env: PROGS (built tests/progs), TESTS_DIR (tests/).  Exit 77 without strace.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
norm="python3 $here/normalize.py"
strace=${STRACE:-/usr/bin/strace}
decoded=clone,clone3,fork,vfork,unshare,setns,execve,exit_group,exit,wait4
fails=0
work=$(mktemp -d "${TMPDIR:-/tmp}/test_normalize.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL $*"; fails=$((fails + 1)); }
pass() { echo "ok   $*"; }

# (c) Joining, padding, labels, addresses: exact expected output.
cat > "$work/split.trace" <<'IN'
5700  execve("/bin/sh", ["sh"], 0x7ffe46c2fc68 /* 37 vars */) = 0
5700  clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f6d7830ca10 <unfinished ...>
123456 set_robust_list(0x7f6d7830ca20, 24 <unfinished ...>
5700  <... clone resumed>)              = 123456
123456 <... set_robust_list resumed>)   = 0
5700  wait4(123456,  <unfinished ...>
123456 exit_group(3)                    = ?
123456 +++ exited with 3 +++
5700  <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 123456
5700  --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=123456, si_uid=0, si_status=3, si_utime=2 /* 0.02 s */, si_stime=0} ---
5700  kill(123456, 0)                   = -1 ESRCH (No such process)
5700  close(3 <unfinished ...>
5700  <... close resumed>)              = 0
5700  write(1, "a ) = 1 \") = 2", 14)   = 14
5700  exit_group(0)                     = ?
5700  +++ exited with 0 +++
IN
cat > "$work/split.expected" <<'OUT'
P0: execve("/bin/sh", ["sh"], ADDR /* 37 vars */) = 0
P0: clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=ADDR) = P0.1
P0: wait4(P0.1, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = P0.1
P0: --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=P0.1, si_uid=0, si_status=3, si_utime=N, si_stime=N} ---
P0: kill(P0.1, 0)                           = -1 ESRCH (No such process)
P0: close(3)                                = 0
P0: write(1, "a ) = 1 \") = 2", 14)         = 14
P0: exit_group(0)                           = ?
P0: +++ exited with 0 +++
P0.1: set_robust_list(ADDR, 24)               = 0
P0.1: exit_group(3)                           = ?
P0.1: +++ exited with 3 +++
OUT
if $norm "$work/split.trace" > "$work/split.out" && diff -u "$work/split.expected" "$work/split.out"; then
	pass "join/pad/label on hand-written input"
else
	fail "join/pad/label on hand-written input"
fi
printf 'P0: execve\nP0: clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=ADDR) = P0.1\n' \
	> "$work/dec.expected"
if $norm --decoded-only clone "$work/split.trace" | head -2 | diff -u "$work/dec.expected" -; then
	pass "--decoded-only reduces other syscalls to their name"
else
	fail "--decoded-only reduces other syscalls to their name"
fi

if [ ! -x "$strace" ]; then
	echo "SKIP (a) and (b): no strace"
	[ $fails -eq 0 ] && exit 77 || exit 1
fi
: "${PROGS:?PROGS must name the built test programs directory}"

# (a) strace against itself: the programs are deterministic, so must be this.
runs=${RUNS:-3}
for spec in clone_flags clone3_sizes namespaces "threads 8" fork_tree vfork_exec signals \
	"exit_status 3" "exit_status 0 TERM" exec_thread; do
	read -r -a cmd <<< "$spec"
	cmd[0]=$PROGS/${cmd[0]}
	ok=1
	for ((i = 0; i < runs; i++)); do
		"$strace" -f -o "$work/run$i" -- "${cmd[@]}" > /dev/null 2>&1 < /dev/null
		$norm --decoded-only "$decoded" "$work/run$i" > "$work/norm$i"
		if [ $i -gt 0 ] && ! diff -u "$work/norm0" "$work/norm$i" > "$work/d"; then
			ok=0
			head -30 "$work/d"
		fi
	done
	if [ $ok -eq 1 ]; then pass "$spec: $runs strace runs normalise identically"
	else fail "$spec: strace runs differ after normalisation"; fi
done

# (b) Alterations of a real trace must show.
"$strace" -f -o "$work/orig" -- "$PROGS/fork_tree" > /dev/null 2>&1
$norm --decoded-only "$decoded" "$work/orig" > "$work/orig.norm"
alter() {	# alter NAME SED-SCRIPT
	sed "$2" "$work/orig" > "$work/alt"
	if cmp -s "$work/orig" "$work/alt"; then
		fail "alteration '$1' did not change the trace (test is broken)"
		return
	fi
	$norm --decoded-only "$decoded" "$work/alt" > "$work/alt.norm"
	if cmp -s "$work/orig.norm" "$work/alt.norm"; then
		fail "alteration '$1' compares equal"
	else
		pass "alteration '$1' is detected"
	fi
}
alter "flag name" '0,/CLONE_CHILD_SETTID/s//CLONE_PARENT_SETTID/'
alter "return value" '0,/WEXITSTATUS(s) == 1}/s//WEXITSTATUS(s) == 9}/'
alter "missing line" '0,/ wait4(/{/ wait4(/d}'
alter "missing signal line" '0,/--- SIGCHLD/{/--- SIGCHLD/d}'

if [ $fails -gt 0 ]; then
	echo "test_normalize: $fails failed"
	exit 1
fi
echo "test_normalize: all passed"
