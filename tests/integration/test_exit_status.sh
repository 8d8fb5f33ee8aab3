#!/bin/bash
# Exit statuses: PROG's exit code passes through ctrace; when PROG is killed
# by a signal, ctrace dies of the same signal (no exit(128+N) imitation), with
# no core file of its own, and the trace ends "+++ killed by SIG... +++".
# PROG's stdout and stderr are the same bytes traced and untraced.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# how_died COMMAND...: "exit N" or "signal N", as waitpid saw it (bash's $?
# cannot tell exit(139) from death by SIGSEGV).
how_died() {
	python3 -c '
import subprocess, sys
r = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
print("signal %d" % -r.returncode if r.returncode < 0 else "exit %d" % r.returncode)
' "$@"
}
have_python=0
command -v python3 > /dev/null && have_python=1

# ---- exit codes ---------------------------------------------------------------

for code in 0 1 3 255; do
	run_to 60 "$CTRACE" -o "$WORK/exit$code.trace" "$PROGS/die" "$code" > /dev/null 2>&1
	assert_eq "exit $code passes through" "$code" "$?"
	assert_eq "exit $code: trace ends with +++ exited with $code +++" \
		"+++ exited with $code +++" "$(tail -n 1 "$WORK/exit$code.trace")"
done

# PROG looked up in $PATH (sh), not given as a path: the same status, and
# nothing on stderr but what sh writes (here: nothing).
run_to 60 "$CTRACE" -o "$WORK/path.trace" sh -c 'exit 3' > "$WORK/path.out" 2> "$WORK/path.err"
assert_eq "PROG found in \$PATH: exit 3 passes through" 3 "$?"
assert_eq "PROG found in \$PATH: ctrace writes nothing to stderr" "" "$(cat "$WORK/path.err")"

# ---- killed by a signal --------------------------------------------------------
# A core file in the cwd can only be ctrace's: die disables its own core dumps.
# ASan would disable ctrace's core dumps for it: let it not, so that ctrace's
# own care (RLIMIT_CORE) is what is tested.
core_pattern=$(cat /proc/sys/kernel/core_pattern 2>/dev/null)
case $core_pattern in
'|'* | '') echo "note: core_pattern '$core_pattern' writes no core file in the cwd:" \
	"the no-core checks cannot fail here" ;;
esac

for sig in SEGV KILL TERM; do
	num=$(kill -l "$sig")
	dir="$WORK/sig$sig"
	mkdir "$dir"
	{ (
		cd "$dir" || exit 1
		ulimit -c unlimited 2>/dev/null
		export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}disable_coredump=0"
		exec timeout -s KILL 60 "$CTRACE" -o "$dir/trace" "$PROGS/die" -s "$num" \
			> /dev/null 2>&1
	); } 2> /dev/null     # not bash's "Segmentation fault" report
	assert_eq "SIG$sig: bash sees 128+$num" $((128 + num)) "$?"
	assert_eq "SIG$sig: trace ends with +++ killed by SIG$sig +++" \
		"+++ killed by SIG$sig +++" "$(tail -n 1 "$dir/trace")"
	assert_eq "SIG$sig: no core file in the cwd" "" \
		"$(cd "$dir" && find . -maxdepth 1 -name 'core*')"
	if ((have_python)); then
		assert_eq "SIG$sig: ctrace itself dies of SIG$sig" "signal $num" \
			"$(cd "$dir" && how_died "$CTRACE" -o "$dir/trace2" "$PROGS/die" -s "$num")"
	fi
done
assert_contains "SIGSEGV: the signal is shown" "$WORK/sigSEGV/trace" \
	"--- SIGSEGV {si_signo=SIGSEGV, si_code=SI_TKILL, si_pid="

# ---- PROG's stdout and stderr are untouched ----------------------------------
# -o keeps the trace off stderr, so both streams are PROG's alone.

for args in "3" "-s 11" "-c 10"; do
	tag=${args// /}
	# shellcheck disable=SC2086  # args is split on purpose
	run_io "$WORK/plain$tag.out" "$WORK/plain$tag.err" 60 "$PROGS/die" $args
	plain_rc=$?
	# shellcheck disable=SC2086
	run_io "$WORK/traced$tag.out" "$WORK/traced$tag.err" 60 \
		"$CTRACE" -o "$WORK/io$tag.trace" "$PROGS/die" $args
	assert_eq "die $args: same status as untraced" "$plain_rc" "$?"
	assert_file_eq "die $args: stdout byte for byte" "$WORK/plain$tag.out" "$WORK/traced$tag.out"
	assert_file_eq "die $args: stderr byte for byte" "$WORK/plain$tag.err" "$WORK/traced$tag.err"
done

finish
