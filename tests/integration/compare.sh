#!/bin/bash
# compare.sh [-t "TRACER OPTIONS"] [-k DIR] PROG [ARGS...]
#
# Traces PROG with strace and with ctrace under the same options, checks that
# both runs exit the same way and print the same to stdout, and diffs the two
# traces after normalize.py --decoded-only (the syscalls ctrace must decode
# exactly; every other syscall is compared by name only).
#
#   -t OPTS   extra options for both tracers, e.g. "-s 5" or "-e trace=%process"
#             (also from $TRACER_OPTS); -ff is supported: the per-pid files are
#             merged, with their pid column restored, before normalising
#   -k DIR    keep the raw and normalised traces in DIR
#   -l        loose: normalize.py --loose (only for programs that race)
#
# Environment: CTRACE (required), STRACE (default /usr/bin/strace),
# DECODED (comma-separated list overriding the syscalls compared whole),
# COMPARE_TIMEOUT (seconds per traced run, default 120).
# Exit status: 0 same, 1 different, 2 usage or setup error.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strace=${STRACE:-/usr/bin/strace}
opts=${TRACER_OPTS:-}
keep=
loose=
decoded=${DECODED:-clone,clone3,fork,vfork,unshare,setns,execve,exit_group,exit,wait4}
limit=${COMPARE_TIMEOUT:-120}

while getopts "t:k:l" o; do
	case $o in
	t) opts="$opts $OPTARG" ;;
	k) keep=$OPTARG ;;
	l) loose=--loose ;;
	*) echo "usage: $0 [-t OPTS] [-k DIR] PROG [ARGS...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ] || [ -z "${CTRACE:-}" ]; then
	echo "usage: CTRACE=path $0 [-t OPTS] [-k DIR] PROG [ARGS...]" >&2
	exit 2
fi
if [ ! -x "$CTRACE" ]; then
	echo "compare.sh: CTRACE=$CTRACE is not executable" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/compare.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

# With -ff each task has its own FILE.PID and no pid column: put it back, so
# that normalize.py sees one -f style trace (it does not need the interleaving).
merge_ff() {
	local out=$1 f
	: > "$out"
	for f in "$out".*; do
		[ -e "$f" ] || continue
		sed "s/^/${f##*.}  /" "$f" >> "$out"
	done
}

# run NAME TRACER: traces into $work/NAME.trace, records the exit status.
run() {
	local name=$1 tracer=$2 follow=-f
	shift 2
	case " $opts " in *" -ff "*) follow= ;; esac
	# shellcheck disable=SC2086 # $opts is a list of options, $follow may be empty
	timeout "$limit" "$tracer" $follow $opts -o "$work/$name.trace" -- "$@" \
		> "$work/$name.stdout" 2> "$work/$name.stderr" < /dev/null
	echo $? > "$work/$name.status"
	case " $opts " in *" -ff "*) merge_ff "$work/$name.trace" ;; esac
}

run strace "$strace" "$@"
run ctrace "$CTRACE" "$@"

status=0
for n in strace ctrace; do
	python3 "$here/normalize.py" --decoded-only "$decoded" $loose "$work/$n.trace" \
		> "$work/$n.norm" 2> "$work/$n.normerr" || {
		echo "compare.sh: normalize.py failed on the $n trace:" >&2
		cat "$work/$n.normerr" >&2
		status=1
	}
done

if ! cmp -s "$work/strace.status" "$work/ctrace.status"; then
	echo "exit status differs: strace $(cat "$work/strace.status")," \
		"ctrace $(cat "$work/ctrace.status")"
	status=1
fi
if ! cmp -s "$work/strace.stdout" "$work/ctrace.stdout"; then
	echo "the traced program's stdout differs:"
	diff -u "$work/strace.stdout" "$work/ctrace.stdout" | head -20
	status=1
fi
if ! diff -u --label "strace $*" --label "ctrace $*" "$work/strace.norm" "$work/ctrace.norm"; then
	status=1
fi
if [ -n "$keep" ]; then
	mkdir -p "$keep" && cp "$work"/* "$keep"/
fi
exit $status
