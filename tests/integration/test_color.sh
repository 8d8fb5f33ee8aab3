#!/bin/bash
# --color: never, always (also into -o files and despite NO_COLOR), auto (off
# into a pipe or a file, on in a terminal unless NO_COLOR is set and
# non-empty; the terminal through script(1)'s pty); coloured text minus its
# escape sequences is the plain text (same trace once normalised, "=" still
# at column 40); names bold, errors red, signals yellow, exits green/red;
# never in --json.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
ESC=$'\033'
PROG=$PROGS/signals
decoded=clone,clone3,execve,exit_group,wait4,kill,getpid,rt_sigaction,rt_sigprocmask

has_esc() { grep -q "$ESC" "$1"; }
no_esc() { ! grep -q "$ESC" "$1"; }
unescape() { sed "s/$ESC\[[0-9;]*m//g" "$1"; }

# always, into an -o file with -f: every role, and the text underneath intact.
run_io "$WORK/a.out" "$WORK/a.err" 60 "$CTRACE" -f --color=always -o "$WORK/always" "$PROG"
run_io "$WORK/n.out" "$WORK/n.err" 60 "$CTRACE" -f --color=never -o "$WORK/never" "$PROG"
check "always: escape sequences in the -o file" has_esc "$WORK/always"
check "never: none" no_esc "$WORK/never"
assert_matches "always: a syscall name in bold" "$WORK/always" "$ESC\[1mgetpid$ESC\[0m\(\)"
assert_matches "always: an error return in red" "$WORK/always" \
	"$ESC\[31m= -1 EINVAL \(Invalid argument\)$ESC\[0m$"
assert_matches "always: a signal line in yellow" "$WORK/always" \
	"$ESC\[33m--- SIGCHLD \{.*\} ---$ESC\[0m$"
assert_matches "always: exit 0 in green" "$WORK/always" "$ESC\[32m\+\+\+ exited with 0 \+\+\+$ESC\[0m$"
assert_matches "always: a death by signal in bold red" "$WORK/always" \
	"$ESC\[1;31m\+\+\+ killed by SIGKILL \+\+\+$ESC\[0m$"
assert_not_contains "always: exit_group's '= ?' is not an error" "$WORK/always" "$ESC[31m= ?"
unescape "$WORK/always" > "$WORK/always.plain"
check "always minus escapes: no escape left" no_esc "$WORK/always.plain"
check "always minus escapes: '=' at column 40 as in plain text" \
	python3 "$here/strip_times.py" --pid-column "$WORK/always.plain" > /dev/null
# Padding collapsed: normalize.py recomputes it from pid numbers, which
# differ in width between runs when pids wrap (strip_times.py checked it).
python3 "$here/normalize.py" --mask-vars --decoded-only "$decoded" "$WORK/always.plain" |
	sed -E 's/ {2,}= / = /' > "$WORK/always.norm"
python3 "$here/normalize.py" --mask-vars --decoded-only "$decoded" "$WORK/never" |
	sed -E 's/ {2,}= / = /' > "$WORK/never.norm"
CHECKS=$((CHECKS + 1))
if [ -s "$WORK/never.norm" ] && cmp -s "$WORK/always.norm" "$WORK/never.norm"; then
	pass "always minus escapes: the same trace as never"
else
	fail "always minus escapes differs from never:"
	diff "$WORK/never.norm" "$WORK/always.norm" | head -10 | sed 's/^/      | /' >&2
fi

# With time stamps and the pid prefix (dim) on stderr.
run_io "$WORK/ts.out" "$WORK/ts.err" 60 "$CTRACE" -f -tt -T --color=always "$PROG"
assert_matches "always -tt: the time stamp dim" "$WORK/ts.err" \
	"^$ESC\[2m[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}$ESC\[0m $ESC\[1m"
assert_matches "always -f: '[pid N] stamp' dim together" "$WORK/ts.err" \
	"^$ESC\[2m\[pid +[0-9]+\] [0-9:.]+$ESC\[0m "

# NO_COLOR does not overrule an explicit --color=always.
NO_COLOR=1 run_io "$WORK/nc.out" "$WORK/nc.err" 60 "$CTRACE" --color=always "$PROG"
check "always with NO_COLOR=1: still coloured" has_esc "$WORK/nc.err"

# auto (the default) into a pipe or a file: plain.
run_io "$WORK/p.out" "$WORK/p.err" 60 "$CTRACE" "$PROG"
check "default into a pipe: no colour" no_esc "$WORK/p.err"
run_io "$WORK/p2.out" "$WORK/p2.err" 60 "$CTRACE" --color=auto -o "$WORK/auto" "$PROG"
check "auto into an -o file: no colour" no_esc "$WORK/auto"

# --json is never coloured.
run_io "$WORK/j.out" "$WORK/j.err" 60 "$CTRACE" --json --color=always -o "$WORK/j.json" "$PROG"
check "--json --color=always: no colour" no_esc "$WORK/j.json"

run_io "$WORK/e.out" "$WORK/e.err" 20 "$CTRACE" --color=sometimes true
assert_eq "--color=sometimes: exit status 1" 1 "$?"
assert_contains "--color=sometimes: says why" "$WORK/e.err" \
	"ctrace: --color: expected never, auto or always, not 'sometimes'"

# auto on a terminal: script(1) gives ctrace a pty for its stderr.
if command -v script > /dev/null; then
	pty() {
		local out=$1
		shift
		timeout -s KILL 60 script -qec "$*" /dev/null > "$out" 2>&1 < /dev/null
	}
	pty "$WORK/tty" "$CTRACE -e trace=getpid,exit_group $PROG"
	check "auto on a terminal: coloured" has_esc "$WORK/tty"
	pty "$WORK/tty-nc" "env NO_COLOR=1 $CTRACE -e trace=getpid,exit_group $PROG"
	check "auto on a terminal with NO_COLOR=1: plain" no_esc "$WORK/tty-nc"
	assert_contains "auto on a terminal with NO_COLOR=1: still traced" "$WORK/tty-nc" "getpid()"
	pty "$WORK/tty-ne" "env NO_COLOR= $CTRACE -e trace=getpid,exit_group $PROG"
	check "auto on a terminal with NO_COLOR empty: coloured" has_esc "$WORK/tty-ne"
	pty "$WORK/tty-never" "$CTRACE --color=never -e trace=getpid,exit_group $PROG"
	check "never on a terminal: plain" no_esc "$WORK/tty-never"
else
	echo "note: script(1) not found, terminal checks skipped" >&2
fi

finish
