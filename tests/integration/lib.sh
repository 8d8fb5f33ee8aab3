# shellcheck shell=bash
# Shared helpers for the integration tests (sourced, not run).
# Env: CTRACE (ctrace binary), PROGS (built tests/progs), TESTS_DIR (tests/).
#
# A test runs its checks with check/assert_* and ends with `finish`: every
# failed check is reported (not only the first), and the exit status is 0 only
# when all passed.  Processes a test starts are registered with `track PID` and
# are SIGKILLed at exit, so that a failing test leaves nothing running.

: "${CTRACE:?CTRACE must name the ctrace binary}"
: "${PROGS:?PROGS must name the built test programs directory}"

FAILS=0
CHECKS=0
TRACKED=()
LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ctrace-it.XXXXXX") || exit 1

cleanup() {
	local p
	for p in "${TRACKED[@]}"; do
		kill -KILL "$p" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

track() { TRACKED+=("$@"); }

fail() {
	FAILS=$((FAILS + 1))
	echo "FAIL: $*" >&2
}

pass() { echo "ok:   $*"; }

# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
	local name=$1
	shift
	CHECKS=$((CHECKS + 1))
	if "$@"; then
		pass "$name"
	else
		fail "$name"
	fi
}

# assert_eq NAME EXPECTED ACTUAL
assert_eq() {
	CHECKS=$((CHECKS + 1))
	if [ "$2" == "$3" ]; then
		pass "$1"
	else
		fail "$1: expected [$2], got [$3]"
	fi
}

# assert_contains NAME FILE FIXED-STRING: some line of FILE contains the string.
assert_contains() {
	CHECKS=$((CHECKS + 1))
	if grep -qF -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1: no line containing [$3] in $(basename "$2"):"
		sed 's/^/      | /' "$2" | head -40 >&2
	fi
}

# assert_not_contains NAME FILE FIXED-STRING
assert_not_contains() {
	CHECKS=$((CHECKS + 1))
	if ! grep -qF -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1: unexpected [$3] in $(basename "$2"):"
		grep -nF -- "$3" "$2" | sed 's/^/      | /' | head -10 >&2
	fi
}

# assert_matches NAME FILE ERE: some line of FILE matches the extended regex.
assert_matches() {
	CHECKS=$((CHECKS + 1))
	if grep -qE -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1: no line matching /$3/ in $(basename "$2"):"
		sed 's/^/      | /' "$2" | head -40 >&2
	fi
}

# assert_file_eq NAME EXPECTED-FILE ACTUAL-FILE: byte for byte.
assert_file_eq() {
	CHECKS=$((CHECKS + 1))
	if cmp -s -- "$2" "$3"; then
		pass "$1"
	else
		fail "$1: $(basename "$2") and $(basename "$3") differ:"
		diff <(od -c "$2") <(od -c "$3") | head -20 | sed 's/^/      | /' >&2
	fi
}

# run_to SECONDS COMMAND...: runs COMMAND, SIGKILLed after SECONDS; its exit
# status is returned (137 after a timeout, which no check here expects).
run_to() {
	local secs=$1
	shift
	timeout -s KILL "$secs" "$@"
}

# run_io OUT ERR SECONDS COMMAND...: run_to with stdout in OUT and stderr in
# ERR.  The files are opened inside a subshell: bash's own report of a death
# by signal ("Segmentation fault") goes to the test's stderr, never into ERR.
run_io() {
	{ (
		exec > "$1" 2> "$2"
		local secs=$3
		shift 3
		exec timeout -s KILL "$secs" "$@"
	); } 2> /dev/null
}

# proc_state PID: the state letter of /proc/PID/stat (R S D T t Z X...), or
# "gone".  The comm field may hold spaces and parentheses: cut after the last ')'.
proc_state() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo gone; return; }
	stat=${stat##*) }
	echo "${stat%% *}"
}

# not_stopped PID: no thread of PID is in a stop (T: group-stop, t: ptrace stop).
not_stopped() {
	local task s ok=0
	for task in /proc/"$1"/task/*; do
		[ -e "$task/stat" ] || continue
		s=$(proc_state "$1/task/${task##*/}")
		case $s in
		T | t)
			echo "    pid $1 task ${task##*/} is in state $s" >&2
			ok=1
			;;
		esac
	done
	return $ok
}

# tracer_of PID: the TracerPid of PID (0 when not traced).
tracer_of() {
	awk '/^TracerPid:/ { print $2 }' "/proc/$1/status" 2>/dev/null
}

# wait_for SECONDS COMMAND...: polls COMMAND every 50 ms until it succeeds.
wait_for() {
	local tries=$(($1 * 20))
	shift
	while ((tries-- > 0)); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

# is_state PID LETTERS: the state of PID is one of LETTERS.
is_state() {
	local s
	s=$(proc_state "$1")
	[[ $s != gone && $2 == *"$s"* ]]
}

# is_gone PID: PID has exited and been reaped (zombie counts as not gone).
is_gone() { [ ! -e "/proc/$1" ]; }

# file_has FILE FIXED-STRING
file_has() { grep -qF -- "$2" "$1" 2>/dev/null; }

# no_stopped_leftovers: no tracked process still alive is in state T/t.
no_stopped_leftovers() {
	local pid ok=0
	for pid in "${TRACKED[@]}"; do
		[ -e "/proc/$pid" ] || continue
		not_stopped "$pid" || ok=1
	done
	return $ok
}

finish() {
	if ((FAILS)); then
		echo "$FAILS of $CHECKS checks failed" >&2
		exit 1
	fi
	echo "all $CHECKS checks passed"
	exit 0
}

# require_strace: a differential test without strace 6.1 is skipped (77).
require_strace() {
	if [ ! -x "${STRACE:-/usr/bin/strace}" ]; then
		echo "SKIP: strace not found" >&2
		exit 77
	fi
}

# compare_retry ARGS...: compare.sh ARGS (ctrace vs strace), up to 3 runs:
# where a SIGCHLD lands next to wait4 is scheduling, and a machine under load
# sometimes shows it; a decoding or printing difference shows every time.
compare_retry() {
	local i
	for i in 1 2 3; do
		"$LIB_DIR/compare.sh" "$@" > "$WORK/compare.out" 2>&1 && return 0
	done
	cat "$WORK/compare.out"
	return 1
}
