#!/bin/bash
# -t, -tt, -ttt, -r, -T and their long forms, --always-show-pid and the "time"
# and "duration" members of --json, against strace 6.1: for each option both
# tracers trace the same programs with -f (several tasks, so that
# <unfinished ...> and <... resumed> lines, signals, deaths and "= ?" occur);
# each line of both traces must carry the time stamp in the form strace
# prints (strip_times.py: digits masked, widths exact, durations where strace
# puts them and nowhere else, "=" still at column 40), and once stripped the
# two traces must match as compare.sh matches plain ones (normalize.py).
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
STRACE=${STRACE:-/usr/bin/strace}
if ! "$STRACE" -V 2> /dev/null | grep -q 'version 6\.1$'; then
	echo "SKIP: these tests compare with strace 6.1's own output" >&2
	exit 77
fi
decoded=clone,clone3,fork,vfork,execve,exit_group,exit,wait4,kill,getpid,write

# strip NAME TRACE ARGS...: strip_times.py ARGS TRACE into TRACE.plain, a check.
strip() {
	local name=$1 trace=$2
	shift 2
	CHECKS=$((CHECKS + 1))
	if python3 "$here/strip_times.py" "$@" "$trace" > "$trace.plain" 2> "$trace.err"; then
		pass "$name"
	else
		fail "$name:"
		sed 's/^/      | /' "$trace.err" | head -12 >&2
	fi
}

# normal TRACE: normalize.py's form, padding before " = " collapsed (it is
# recomputed from pid numbers that differ between runs, as 999 and 1000 do
# when pids wrap; strip_times.py has checked the raw padding already).
normal() {
	python3 "$here/normalize.py" --mask-vars --decoded-only "$decoded" "$1" 2>&1 |
		sed -E 's/ {2,}= / = /' > "$1.norm"
}

# same_structure NAME A B: two stripped traces normalise to the same text.
same_structure() {
	local a=$2 b=$3
	normal "$a"
	normal "$b"
	CHECKS=$((CHECKS + 1))
	if [ -s "$a.norm" ] && cmp -s "$a.norm" "$b.norm"; then
		pass "$1"
	else
		fail "$1: strace's and ctrace's traces differ once the times are stripped:"
		diff "$a.norm" "$b.norm" | head -20 | sed 's/^/      | /' >&2
	fi
}

# against_strace NAME "OPTIONS" "STRIP ARGS" PROG ARGS...: both tracers with
# -f -o, every line checked, the stripped traces compared.
against_strace() {
	local name=$1 opts=$2 strip_args=$3 tracer
	shift 3
	for tracer in strace ctrace; do
		local bin=$STRACE
		[ $tracer = ctrace ] && bin=$CTRACE
		# shellcheck disable=SC2086 # option lists
		run_io "$WORK/$name.$tracer.out" "$WORK/$name.$tracer.err" 60 \
			"$bin" -f $opts -o "$WORK/$name.$tracer" "$@"
		# shellcheck disable=SC2086
		strip "$name: $tracer's lines carry '$opts' stamps as strace 6.1 prints them" \
			"$WORK/$name.$tracer" --pid-column $strip_args
	done
	same_structure "$name: same trace as strace once stamps are stripped" \
		"$WORK/$name.strace.plain" "$WORK/$name.ctrace.plain"
}

T='--prefix ^\d\d:\d\d:\d\d\x20'
TT='--prefix ^\d\d:\d\d:\d\d\.\d{6}\x20'
TTT='--prefix ^\d{10}\.\d{6}\x20'
R='--prefix ^\x20*\d+\.\d{6}\x20 --prefix-len 14'

for prog in signals "threads 4" fork_tree; do
	set -- $prog
	p=$1
	against_strace "$p-t" "-t" "$T" "$PROGS/$@"
	against_strace "$p-tt" "-tt" "$TT" "$PROGS/$@"
	against_strace "$p-ttt" "-ttt" "$TTT" "$PROGS/$@"
	against_strace "$p-r" "-r" "$R" "$PROGS/$@"
	against_strace "$p-T" "-T" "--durations 6" "$PROGS/$@"
done
against_strace "signals-tt-T" "-tt -T" "$TT --durations 6" "$PROGS/signals"
against_strace "signals-t-r" "-t -r" \
	'--prefix ^\d\d:\d\d:\d\d\x20\(\+\x20*\d+\.\d{6}\)\x20 --prefix-len 26' "$PROGS/signals"
against_strace "threads-long-abs" "--absolute-timestamps=format:unix,precision:ns" \
	'--prefix ^\d{10}\.\d{9}\x20' "$PROGS/threads"
against_strace "threads-long-abs-ms" "--timestamps=ms" \
	'--prefix ^\d\d:\d\d:\d\d\.\d{3}\x20' "$PROGS/threads"
against_strace "signals-long-rel" "--relative-timestamps=ms" \
	'--prefix ^\x20*\d+\.\d{3}\x20 --prefix-len 11' "$PROGS/signals"
against_strace "signals-long-T-ns" "--syscall-times=ns" "--durations 9" "$PROGS/signals"
against_strace "signals-long-T-s" "--syscall-times=s" "--durations 0" "$PROGS/signals"
# -z/-Z print a call's whole line at its exit, stamped with its entry time.
against_strace "signals-Z-tt-T" "-Z -tt -T" "$TT --durations 6" "$PROGS/signals"
against_strace "signals-z-r" "-z -r" "$R" "$PROGS/signals"

# An interrupted call ("= ? ERESTARTSYS") did return: it has its duration.
run_io "$WORK/restart.out" "$WORK/restart.err" 60 "$CTRACE" -T -o "$WORK/restart" \
	bash -c 'trap "echo hi" USR1; (sleep 0.2; kill -USR1 $$) & wait'
assert_matches "-T: '= ? ERESTARTSYS (...)' has a duration" "$WORK/restart" \
	'^wait4\(.*= \? ERESTARTSYS \(To be restarted if SA_RESTART is set\) <[0-9]+\.[0-9]{6}>$'

# -ff: each file has its stamps (-r measures from the previous line of any
# file, as strace 6.1 does); the files, stripped and merged with their pid
# column put back, are strace's.
for tracer in strace ctrace; do
	bin=$STRACE
	[ $tracer = ctrace ] && bin=$CTRACE
	mkdir -p "$WORK/ff-$tracer"
	run_io "$WORK/ff-$tracer.out" "$WORK/ff-$tracer.err" 60 \
		"$bin" -ff -r -T -o "$WORK/ff-$tracer/t" "$PROGS/fork_tree"
	nfiles=0
	: > "$WORK/ff-$tracer.merged"
	# The root (the one execve) first: normalize.py labels the first pid P0,
	# and file names sort by pid only until pids wrap.
	root=$(grep -l 'execve(' "$WORK/ff-$tracer"/t.*)
	for f in $root $(ls "$WORK/ff-$tracer"/t.* | grep -vxF "$root"); do
		case $f in *.plain | *.err) continue ;; esac
		nfiles=$((nfiles + 1))
		# shellcheck disable=SC2086
		strip "-ff -r -T: $tracer's $(basename "$f") has stamps and durations" "$f" \
			$R --durations 6
		pid=${f##*.}
		sed "s/^/$pid  /" "$f.plain" >> "$WORK/ff-$tracer.merged"
	done
	assert_eq "-ff: $tracer writes one file per process of fork_tree" 7 "$nfiles"
done
same_structure "-ff -r -T: same traces as strace once stamps are stripped" \
	"$WORK/ff-strace.merged" "$WORK/ff-ctrace.merged"

# Without -o: stamps follow the "[pid N] " prefix, as strace prints them.
run_io "$WORK/stderr.out" "$WORK/stderr.trace" 60 "$CTRACE" -q -f -tt "$PROGS/fork_tree"
grep -v '^ctrace: Process [0-9]* attached$' "$WORK/stderr.trace" > "$WORK/stderr.lines"
# shellcheck disable=SC2086
strip "-tt to stderr: after the [pid N] prefix" "$WORK/stderr.lines" $TT
assert_matches "-tt to stderr: a [pid N] line has its stamp after the pid" \
	"$WORK/stderr.lines" '^\[pid +[0-9]+\] [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} '

# --always-show-pid: "[pid N] " even for a lone task, the width strace gives it.
run_io "$WORK/asp.out" "$WORK/asp.trace" 60 "$CTRACE" --always-show-pid -T "$PROGS/exit_status" 3
CHECKS=$((CHECKS + 1))
if [ -s "$WORK/asp.trace" ] && ! grep -qvE '^\[pid [ 0-9]{4}[0-9]+\] ' "$WORK/asp.trace"; then
	pass "--always-show-pid: every line starts with [pid %5d]"
else
	fail "--always-show-pid: a line without [pid N]:"
	grep -vE '^\[pid [ 0-9]{4}[0-9]+\] ' "$WORK/asp.trace" | head -5 >&2
fi
assert_matches "--always-show-pid -T: the exit line too" "$WORK/asp.trace" \
	'^\[pid +[0-9]+\] \+\+\+ exited with 3 \+\+\+$'
run_io "$WORK/asp2.out" "$WORK/asp2.err" 60 "$CTRACE" --always-show-pid -ff -o "$WORK/asp2" \
	"$PROGS/fork_tree"
f=$(ls "$WORK"/asp2.[0-9]* | head -1)
check "--always-show-pid -ff: the pid in each file's lines too" \
	grep -qE '^\[pid +[0-9]+\] \+\+\+ exited with [0-9]+ \+\+\+$' "$f"
run_io "$WORK/plain.out" "$WORK/plain.trace" 60 "$CTRACE" "$PROGS/exit_status" 3
assert_not_contains "without --always-show-pid a lone task has no [pid N]" \
	"$WORK/plain.trace" "[pid "

# Option errors: strace 6.1's messages, exit 1, nothing traced.
opt_error() {
	local name=$1 want=$2 rc
	shift 2
	run_io "$WORK/e.out" "$WORK/e.err" 20 "$CTRACE" "$@" true
	rc=$?
	assert_eq "$name: exit status 1" 1 "$rc"
	assert_contains "$name: says why" "$WORK/e.err" "ctrace: $want"
}
opt_error "-t with --absolute-timestamps" \
	"-t and --absolute-timestamps cannot be provided simultaneously" -t --absolute-timestamps=ms
opt_error "--absolute-timestamps=foo" "invalid --absolute-timestamps argument: 'foo'" \
	--absolute-timestamps=foo
opt_error "--relative-timestamps=" "invalid --relative-timestamps argument: ''" \
	--relative-timestamps=
opt_error "--syscall-times=xx" "invalid --syscall-times argument: 'xx'" --syscall-times=xx

# --json: "time" with a time stamp option, "duration" with -T, neither without.
if command -v jq > /dev/null; then
	run_io "$WORK/j.out" "$WORK/j.err" 60 "$CTRACE" -f -ttt -T --json -o "$WORK/j.json" \
		"$PROGS/signals"
	check "--json -ttt -T: every object has a numeric time" \
		jq -e -n '[inputs | (.time | type) == "number" and .time > 1e9] | all and length > 10' \
		"$WORK/j.json"
	check "--json -T: every returned syscall has a duration >= 0, others none" \
		jq -e -n '[inputs | if .type == "syscall" and (.unfinished | not)
			then (.duration | type) == "number" and .duration >= 0
			else has("duration") | not end] | all' "$WORK/j.json"
	check "--json -T: a task's unfinished call (kill by SIGKILL) has no duration" \
		jq -e -n '[inputs | select(.unfinished) | has("duration")] | length > 0 and (any | not)' \
		"$WORK/j.json"
	run_io "$WORK/j2.out" "$WORK/j2.err" 60 "$CTRACE" -f --json -o "$WORK/j2.json" \
		"$PROGS/signals"
	check "--json alone: no time, no duration (schema 1 unchanged)" \
		jq -e -n '[inputs | has("time") or has("duration")] | any | not' "$WORK/j2.json"
	run_io "$WORK/j3.out" "$WORK/j3.err" 60 "$CTRACE" -f -r --json -o "$WORK/j3.json" \
		"$PROGS/signals"
	check "--json -r: time, no duration" \
		jq -e -n '[inputs | has("time") and (has("duration") | not)] | all' "$WORK/j3.json"
fi

finish
