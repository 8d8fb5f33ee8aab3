#!/bin/bash
# Filtered tracing (-e trace=SET) with the seccomp-bpf filter, on by default:
# the same trace as strace (and as ctrace without the filter), while the
# unselected syscalls never stop.  Counted, not timed: ctrace's own ptrace
# requests, seen by strace tracing ctrace.
. "$(dirname "$0")/lib.sh"

command -v strace >/dev/null || { echo "skipped: strace not installed"; exit 77; }
grep -q '^Seccomp:' /proc/self/status || { echo "skipped: no seccomp"; exit 77; }

loop="$PROGS/syscall_loop"

# requests OPTS...: ctrace's ptrace requests while tracing `syscall_loop 20000 3`.
requests() {
	strace -qq -e trace=ptrace -o "$WORK/req" "$CTRACE" "$@" -o "$WORK/trace" "$loop" 20000 3 \
		>/dev/null 2>&1
	cat "$WORK/req"
}

requests -f -e trace=%process >"$WORK/on"
assert_contains "filter: PTRACE_O_TRACESECCOMP asked for" "$WORK/on" "PTRACE_O_TRACESECCOMP"
assert_contains "filter: tasks run with PTRACE_CONT" "$WORK/on" "PTRACE_CONT"
n=$(grep -c PTRACE_GET_SYSCALL_INFO "$WORK/on")
# 1 execve + 3 (clone, wait4) + 3 exit_group, each an entry (and most an exit):
# far below the 40000 stops of 20000 getppid calls.
check "filter: $n syscall stops for 20000 unselected calls (< 50)" test "$n" -lt 50
assert_not_contains "filter: no getppid in the trace" "$WORK/trace" "getppid"
assert_contains "filter: clone in the trace" "$WORK/trace" "clone(child_stack=NULL"

requests --seccomp-bpf=off -f -e trace=%process >"$WORK/off"
assert_not_contains "--seccomp-bpf=off: no filter" "$WORK/off" "PTRACE_O_TRACESECCOMP"
n=$(grep -c PTRACE_GET_SYSCALL_INFO "$WORK/off")
check "--seccomp-bpf=off: every syscall stops ($n >= 40000)" test "$n" -ge 40000

requests -f >"$WORK/all"
assert_not_contains "no -e trace=: no filter" "$WORK/all" "PTRACE_O_TRACESECCOMP"

# Without -f the children run untraced: a filter stopping at their selected
# calls would fail them with ENOSYS, so there is none.
requests -e trace=%process >"$WORK/nof"
assert_not_contains "without -f: no filter" "$WORK/nof" "PTRACE_O_TRACESECCOMP"
assert_eq "without -f: an untraced child's write works" hi \
	"$("$CTRACE" -e trace=write -o /dev/null sh -c '/bin/echo hi')"

# The traces are strace's, filter or not (strace runs without its filter).
for set in '%process' 'clone,clone3,wait4,exit_group' '!getppid' 'clone,clone3,unshare,setns,execve'; do
	check "trace=$set: same as strace" bash "$TESTS_DIR/integration/compare.sh" \
		-t "-e trace=$set" "$loop" 200 3
	check "trace=$set: same as strace (threads)" bash "$TESTS_DIR/integration/compare.sh" \
		-t "-e trace=$set" "$PROGS/threads" 4
done
check "trace=%process, fork tree: same as strace" bash "$TESTS_DIR/integration/compare.sh" \
	-t "-e trace=%process" "$PROGS/fork_tree"
check "trace=%process, exec from a thread: same as strace" \
	bash "$TESTS_DIR/integration/compare.sh" -t "-e trace=%process" "$PROGS/exec_thread"

# -p cannot take a filter: every syscall stops, and the trace is still right.
"$PROGS/sleeper" 1 5 >"$WORK/pid" &
track $!
wait_for 5 test -s "$WORK/pid"
pid=$(head -1 "$WORK/pid")
timeout -s INT 1 "$CTRACE" -e trace=%process -p "$pid" 2>"$WORK/p.err"
assert_contains "-p with -e trace=: attached without a filter" "$WORK/p.err" "attached"
check "-p: tracee not stopped after detach" not_stopped "$pid"

"$CTRACE" --seccomp-bpf=maybe true 2>"$WORK/bad.err" && fail "--seccomp-bpf=maybe accepted"
assert_contains "--seccomp-bpf=maybe: usage error" "$WORK/bad.err" \
	"ctrace: --seccomp-bpf: expected on or off, not 'maybe'"

finish
