#!/bin/bash
# Signals: a caught SIGUSR1's line and handler, a self-stopped program
# continued by SIGCONT (as strace shows it), SIGTERM sent to ctrace.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
STRACE=${STRACE:-/usr/bin/strace}
uid=$(id -u)

# ---- SIGUSR1 sent with kill() to itself, caught by a handler ------------------

# -ff -o: the file's name gives die's pid, whatever kill()'s decoding.
mkdir "$WORK/usr1"
run_io "$WORK/usr1.out" "$WORK/usr1.err" 60 "$CTRACE" -ff -o "$WORK/usr1/t" "$PROGS/die" -c 10
assert_eq "SIGUSR1 caught: exit 0" 0 "$?"
assert_contains "SIGUSR1 caught: the handler ran" "$WORK/usr1.out" "caught 10"
trace=$(ls "$WORK"/usr1/t.* 2>/dev/null | head -n 1)
kpid=${trace##*.}
check "SIGUSR1 caught: one traced process" test -n "$trace"
[ -n "$trace" ] || trace=/dev/null
assert_contains "SIGUSR1 caught: the signal line" "$trace" \
	"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=$kpid, si_uid=$uid} ---"
assert_eq "SIGUSR1 caught: delivered on the return from kill()" "kill(" \
	"$(grep -B1 '^--- SIGUSR1' "$trace" | head -n 1 | cut -c1-5)"

# ---- a program that stops itself with SIGSTOP, continued by SIGCONT ---------
# run_stopped NAME TRACER...: runs self_stop under TRACER -o NAME.trace, waits
# until it is stopped, checks it stays stopped, sends SIGCONT; the tracer's
# exit status is in $rc, self_stop's stdout in NAME.out.
run_stopped() {
	local name=$1 tpid pid state
	shift
	"$@" -o "$WORK/$name.trace" "$PROGS/self_stop" > "$WORK/$name.out" 2> "$WORK/$name.err" &
	tpid=$!
	track "$tpid"
	wait_for 10 eval 'pid=$(pgrep -P "$tpid")'
	track "$pid"
	check "$name: self_stop stops" wait_for 10 is_state "$pid" Tt
	sleep 0.5
	state=$(proc_state "$pid")
	check "$name: still stopped after 0.5 s (state $state)" is_state "$pid" Tt
	assert_eq "$name: nothing printed after the stop yet" "before" "$(cat "$WORK/$name.out")"
	kill -CONT "$pid"
	wait "$tpid"
	rc=$?
}

untraced_out=$("$PROGS/self_stop" & p=$!; wait_for 10 is_state "$p" T; kill -CONT "$p"; wait "$p")
untraced_rc=$?
assert_eq "untraced self_stop: exit 0 after SIGCONT (control)" 0 "$untraced_rc"

run_stopped stop "$CTRACE" -e trace=none
assert_eq "SIGSTOP under ctrace: exit 0 as untraced" "$untraced_rc" "$rc"
assert_eq "SIGSTOP under ctrace: same output as untraced" "$untraced_out" "$(cat "$WORK/stop.out")"
assert_contains "SIGSTOP under ctrace: --- stopped by SIGSTOP ---" "$WORK/stop.trace" \
	"--- stopped by SIGSTOP ---"
if [ -x "$STRACE" ]; then
	run_stopped stop-strace "$STRACE" -e trace=none
	# The pids differ from run to run: compare the lines without them.
	nopids() { sed -E 's/si_pid=[0-9]+/si_pid=N/g' "$1"; }
	assert_eq "SIGSTOP: ctrace's trace is strace's" "$(nopids "$WORK/stop-strace.trace")" \
		"$(nopids "$WORK/stop.trace")"
fi

# ---- SIGTERM to ctrace while it traces a program it started ---------------
# strace's rule with the trace on stderr: PROG gets the same signal, the
# tracer dies of it too.  (With -o FILE PROG both block it instead: see
# test_faults.sh.)

"$CTRACE" "$PROGS/sleeper" 1 > "$WORK/term.out" 2> "$WORK/term.trace" &
cpid=$!
track "$cpid"
wait_for 10 test -s "$WORK/term.out"
spid=$(cat "$WORK/term.out")
track "$spid"
check "SIGTERM: sleeper traced by ctrace" wait_for 10 eval '[ "$(tracer_of "$spid")" == "$cpid" ]'
wait_for 10 file_has "$WORK/term.trace" "nanosleep("
kill -TERM "$cpid"
wait "$cpid" 2> /dev/null
assert_eq "SIGTERM: ctrace dies of SIGTERM (143)" 143 "$?"
check "SIGTERM: the program is gone (killed too)" wait_for 10 is_gone "$spid"
check "SIGTERM: nothing left stopped" no_stopped_leftovers

finish
