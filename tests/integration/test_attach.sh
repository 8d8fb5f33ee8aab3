#!/bin/bash
# -p PID: attaching to running processes and letting go of them.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
STRACE=${STRACE:-/usr/bin/strace}

# start_sleeper NAME ARGS...: runs sleeper in the background; sets $spid once
# it has printed its pid (all its threads are running by then).
start_sleeper() {
	local name=$1
	shift
	"$PROGS/sleeper" "$@" > "$WORK/$name.pid" &
	spid=$!
	track "$spid"
	wait_for 10 test -s "$WORK/$name.pid" || fail "$name: sleeper did not start"
}

# start_ctrace NAME ARGS...: ctrace in the background (stderr in NAME.err);
# $cpid is ctrace's own pid (TracerPid), so no timeout(1) in between: the
# EXIT trap kills whatever is left.
start_ctrace() {
	local name=$1
	shift
	"$CTRACE" "$@" 2> "$WORK/$name.err" &
	cpid=$!
	track "$cpid"
}

traced_by() { [ "$(tracer_of "$1")" == "$2" ]; }

# ---- attach, then SIGINT to ctrace: the process runs on, untraced -----------

start_sleeper int 1
start_ctrace int -p "$spid" -o "$WORK/int.trace"
check "-p: the sleeper gets traced" wait_for 10 traced_by "$spid" "$cpid"
check "-p: 'Process N attached'" wait_for 10 file_has "$WORK/int.err" "ctrace: Process $spid attached"
check "-p: its syscalls are traced" wait_for 10 file_has "$WORK/int.trace" "nanosleep("
kill -INT "$cpid"
wait "$cpid"
assert_eq "-p, SIGINT: ctrace exits as strace does (130)" 130 "$?"
assert_contains "-p, SIGINT: 'Process N detached'" "$WORK/int.err" "ctrace: Process $spid detached"
check "-p, SIGINT: the sleeper still runs" test -e "/proc/$spid"
assert_eq "-p, SIGINT: the sleeper is no longer traced" 0 "$(tracer_of "$spid")"
sleep 0.3
check "-p, SIGINT: the sleeper is in state S or R" is_state "$spid" SR
check "-p, SIGINT: no thread left stopped" not_stopped "$spid"
kill -TERM "$spid"
check "-p, SIGINT: the sleeper still dies of SIGTERM" wait_for 10 is_gone "$spid"

# ---- -f -p of a process with 4 threads ---------------------------------------

start_sleeper thr 4
assert_eq "sleeper 4 runs 4 threads" 4 "$(ls "/proc/$spid/task" | wc -l)"
start_ctrace thr -f -p "$spid" -o "$WORK/thr.trace"
check "-f -p: 'Process N attached with 4 threads' (as strace)" \
	wait_for 10 file_has "$WORK/thr.err" "ctrace: Process $spid attached with 4 threads"
all_traced() {
	local t
	for t in /proc/"$spid"/task/*; do
		[ "$(awk '/^TracerPid:/ { print $2 }' "$t/status")" == "$cpid" ] || return 1
	done
}
check "-f -p: every thread is traced" wait_for 10 all_traced
kill -INT "$cpid"
wait "$cpid"
assert_eq "-f -p, SIGINT: ctrace exits 130" 130 "$?"
sleep 0.3
check "-f -p, SIGINT: no thread left stopped" not_stopped "$spid"
assert_eq "-f -p, SIGINT: 4 'detached' lines" 4 "$(grep -c 'detached$' "$WORK/thr.err")"
kill -KILL "$spid"
wait "$spid" 2> /dev/null

# ---- -p of a pid that does not exist -----------------------------------------

nopid=999999
while [ -e "/proc/$nopid" ]; do nopid=$((nopid - 1)); done
run_to 30 "$CTRACE" -p "$nopid" > /dev/null 2> "$WORK/nopid.err"
assert_eq "-p nonexistent: exit 1" 1 "$?"
assert_eq "-p nonexistent: message" \
	"ctrace: attach: ptrace(PTRACE_SEIZE, $nopid): No such process" "$(cat "$WORK/nopid.err")"

# ---- -p of a process strace already traces -----------------------------------

if [ -x "$STRACE" ]; then
	start_sleeper busy 1
	"$STRACE" -p "$spid" -o "$WORK/busy.strace" 2> /dev/null &
	stpid=$!
	track "$stpid"
	check "strace traces the sleeper" wait_for 10 traced_by "$spid" "$stpid"
	run_to 30 "$CTRACE" -p "$spid" > /dev/null 2> "$WORK/busy.err"
	assert_eq "-p of a traced process: exit 1" 1 "$?"
	assert_eq "-p of a traced process: message" \
		"ctrace: attach: ptrace(PTRACE_SEIZE, $spid): Operation not permitted" \
		"$(cat "$WORK/busy.err")"
	check "-p of a traced process: strace still traces it" traced_by "$spid" "$stpid"
	sleep 0.3
	check "-p of a traced process: it is not stopped" not_stopped "$spid"
	n1=$(grep -c nanosleep "$WORK/busy.strace")
	sleep 1.5
	n2=$(grep -c nanosleep "$WORK/busy.strace")
	check "-p of a traced process: strace keeps seeing its syscalls" test "$n2" -gt "$n1"
	kill -INT "$stpid"
	wait "$stpid"
	check "-p of a traced process: still running after strace left" is_state "$spid" SR
	kill -KILL "$spid"
	wait "$spid" 2> /dev/null
else
	echo "note: no strace: the already-traced case is not checked"
fi

# ---- the attached process exits: ctrace exits 0 ------------------------------

start_sleeper bye 1 2 7
start_ctrace bye -p "$spid" -o "$WORK/bye.trace"
check "-p: attached before the sleeper's exit" wait_for 10 traced_by "$spid" "$cpid"
wait "$cpid"
assert_eq "-p, the process exits 7: ctrace exits 0" 0 "$?"
assert_eq "-p, the process exits 7: trace ends with +++ exited with 7 +++" \
	"+++ exited with 7 +++" "$(tail -n 1 "$WORK/bye.trace")"
assert_contains "-p, the process exits 7: exit_group(7) traced" "$WORK/bye.trace" "exit_group(7)"

finish
