#!/bin/bash
# Storms: 5,000 forks (50 alive at a time) and 1,000 threads (100 at a time)
# traced with -f -o FILE, filtered (-e trace=%process) and in full: every
# successful clone/clone3/fork/vfork and every exit is in the trace, counted
# against the ground truth the program prints; ctrace's memory stays flat.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# ASan's quarantine keeps up to 256 MB of freed memory, which would make RSS
# grow with every tracee ever seen; without it RSS shows what ctrace retains.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0"

# creations FILE: successful process-creating calls in a trace: a whole line
# or a "<... resumed>" line with a positive return value.
creations() {
	grep -cE '^([0-9]+ +)?((clone|clone3|fork|vfork)\(|<\.\.\. (clone|clone3|fork|vfork) resumed>).* = [1-9][0-9]*$' "$1"
}
exits() { grep -cE '^([0-9]+ +)?\+\+\+ exited with [0-9]+ \+\+\+$' "$1"; }

# peak_rss_kb PID: polls VmHWM (the peak RSS) of PID every 50 ms until it is
# gone; prints the last value read, in kB.
peak_rss_kb() {
	local v last=0
	while v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null) && [ -n "$v" ]; do
		last=$v
		sleep 0.05
	done
	echo "$last"
}

# storm NAME SECONDS STORM-ARGS -- CTRACE-ARGS: runs storm under ctrace -f -o
# NAME.trace; sets $rc, $truth (what storm says it created), $secs, $peak.
storm() {
	local name=$1 limit=$2 sargs=() t0 t1 cp
	shift 2
	while [ "$1" != -- ]; do sargs+=("$1"); shift; done
	shift
	t0=$(date +%s%N)
	timeout -s KILL "$limit" "$CTRACE" -f "$@" -o "$WORK/$name.trace" \
		"$PROGS/storm" "${sargs[@]}" > "$WORK/$name.out" 2> "$WORK/$name.err" &
	cp=$!
	track "$cp"
	# timeout's child is ctrace.
	wait_for 10 eval 'ctp=$(pgrep -P "$cp")'
	peak=$(peak_rss_kb "$ctp")
	wait "$cp"
	rc=$?
	t1=$(date +%s%N)
	secs=$(((t1 - t0) / 1000000000))
	truth=$(sed -n 's/^created //p' "$WORK/$name.out")
	echo "    $name: ${secs}s, ctrace peak RSS ${peak} kB, created ${truth:-?}"
}

# check_storm NAME TOTAL
check_storm() {
	assert_eq "$1: ctrace exits 0" 0 "$rc"
	assert_eq "$1: the program created all $2" "$2" "$truth"
	assert_eq "$1: one successful clone/fork line per creation" "$truth" "$(creations "$WORK/$1.trace")"
	assert_eq "$1: one +++ exited line per task" "$((truth + 1))" "$(exits "$WORK/$1.trace")"
	assert_not_contains "$1: nothing killed" "$WORK/$1.trace" "+++ killed by"
	check "$1: done in under 60 s (${secs}s)" test "$secs" -lt 60
}

# ---- 5,000 forks ----------------------------------------------------------

storm fork-small 120 fork 500 50 -- -e trace=%process
small_peak=$peak
check_storm fork-small 500
storm fork-proc 120 fork 5000 50 -- -e trace=%process
check_storm fork-proc 5000
# Memory per *finished* tracee must be given back: 4,500 more processes may
# cost at most 1 MB (~230 bytes each; measured: +0.1 MB under ASan).
check "fork storm: peak RSS flat in the number of processes ($small_peak -> $peak kB)" \
	test $((peak - small_peak)) -lt 1024
storm fork-full 120 fork 5000 50 --
check_storm fork-full 5000
assert_contains "fork storm, full: the children's syscalls too" "$WORK/fork-full.trace" \
	"exit_group(0)"

# ---- 1,000 threads ----------------------------------------------------------

storm threads-proc 120 threads 1000 100 -- -e trace=%process
check_storm threads-proc 1000
storm threads-full 120 threads 1000 100 --
check_storm threads-full 1000

# ---- memory per live tracee ---------------------------------------------------
# storm hold N: N threads alive and asleep.  ctrace's peak RSS with 100 and with
# 1,000 live tracees: the difference / 900 is the cost of one live tracee.
# Measured (ASan build, no quarantine): ~6 kB each, with the event buffers;
# strace 6.1 needs ~0.3 kB.  Bound: 16 kB, so that an accidental per-tracee
# page-sized buffer or a leak per stop is caught.

hold_rss() {
	local cp v i
	"$CTRACE" -f -o /dev/null "$PROGS/storm" hold "$1" 30 > "$WORK/hold.out" 2> /dev/null &
	cp=$!
	track "$cp"
	wait_for 60 file_has "$WORK/hold.out" ready
	for i in 1 2 3 4 5 6; do          # settle: every thread's pause() is traced
		sleep 0.2
		v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$cp/status" 2>/dev/null)
	done
	kill -INT "$cp"
	wait "$cp" 2> /dev/null
	echo "${v:-0}"
}
rss100=$(hold_rss 100)
rss1000=$(hold_rss 1000)
per=$(((rss1000 - rss100) * 1024 / 900))
echo "    live tracees: 100 -> ${rss100} kB, 1000 -> ${rss1000} kB: ${per} bytes each"
check "RSS measured with 100 and 1,000 live tracees" test "$rss100" -gt 0 -a "$rss1000" -gt 0
check "RSS per live tracee under 16 kB (${per} bytes)" test "$per" -lt 16384

finish
