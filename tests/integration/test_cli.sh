#!/bin/bash
# The command line: usage errors and their messages (strace 6.1's, with
# "strace" read "ctrace"), -h, -V, -o, -e trace=, -s, -qq and -ff.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$WORK" || exit 1

# ct NAME ARGS...: runs ctrace with stdout/stderr in $WORK/NAME.{out,err},
# its exit status in $rc.
ct() {
	local name=$1
	shift
	run_to 60 "$CTRACE" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
	rc=$?
}

# syscall_names FILE: the syscall names of FILE's trace lines, sorted, unique
# ("[pid N] " and "N " prefixes and "<... NAME resumed>" included).
syscall_names() {
	sed -E 's/^(\[pid +[0-9]+\] |[0-9]+ +)//' "$1" |
		sed -nE 's/^<\.\.\. ([a-z0-9_]+) resumed>.*/\1/p; s/^([a-z0-9_]+)\(.*/\1/p' |
		sort -u | tr '\n' ' '
}

# The same line with addresses and the tracer's name made comparable.
normalize() { sed -E 's/0x[0-9a-f]+/ADDR/g; s/^strace: /ctrace: /' "$1"; }

# ---- usage errors: exact stderr, exit 1 -------------------------------------

ct noargs
assert_eq "no args: exit 1" 1 "$rc"
assert_eq "no args: message" "ctrace: must have PROG [ARGS] or -p PID
Try 'ctrace -h' for more information." "$(cat noargs.err)"

ct badopt -j true
assert_eq "unknown option: exit 1" 1 "$rc"
assert_eq "unknown option: message" "ctrace: invalid option -- 'j'
Try 'ctrace -h' for more information." "$(cat badopt.err)"

ct bogus -e trace=bogus true
assert_eq "-e trace=bogus: exit 1" 1 "$rc"
assert_eq "-e trace=bogus: message" "ctrace: invalid system call 'bogus'" "$(cat bogus.err)"

ct pbogus -e trace=%bogus true
assert_eq "-e trace=%bogus: exit 1" 1 "$rc"
assert_eq "-e trace=%bogus: message" "ctrace: invalid system call '%bogus'" "$(cat pbogus.err)"

ct pabc -p abc
assert_eq "-p abc: exit 1" 1 "$rc"
assert_eq "-p abc: message" "ctrace: Invalid process id: 'abc'" "$(cat pabc.err)"

ct noprog nosuchprog
assert_eq "missing program: exit 1" 1 "$rc"
assert_eq "missing program: message" \
	"ctrace: Can't stat 'nosuchprog': No such file or directory" "$(cat noprog.err)"

# ---- a file that is not executable ------------------------------------------
# strace 6.1 -o F: the failed execve, then only "+++ exited with 1 +++": the
# tracer's own error path in the child (its write of the message) is not PROG's.
printf 'not a program\n' > "$WORK/noexec"
chmod 644 "$WORK/noexec"
ct noexec -o "$WORK/noexec.trace" "$WORK/noexec"
assert_eq "non-executable: exit 1" 1 "$rc"
assert_contains "non-executable: stderr" noexec.err "ctrace: exec: Permission denied"
assert_matches "non-executable: execve = -1 EACCES" noexec.trace \
	"^execve\(\"$WORK/noexec\", \[\"$WORK/noexec\"\], 0x[0-9a-f]+ /\* [0-9]+ vars \*/\) += -1 EACCES \(Permission denied\)$"
if [ -x "${STRACE:-/usr/bin/strace}" ]; then
	"${STRACE:-/usr/bin/strace}" -o "$WORK/noexec.strace" "$WORK/noexec" 2>/dev/null
	assert_eq "non-executable: trace as strace's" "$(normalize noexec.strace)" \
		"$(normalize noexec.trace)"
fi

# ---- -h and -V ---------------------------------------------------------------

ct help -h
assert_eq "-h: exit 0" 0 "$rc"
assert_eq "-h: nothing on stderr" "" "$(cat help.err)"
for opt in -f -ff -o -p -e -q -qq -s -v -h -V; do
	assert_matches "-h lists $opt" help.out "^ +$opt( |,|$)"
done

ct version -V
assert_eq "-V: exit 0" 0 "$rc"
assert_matches "-V: 'ctrace -- version X.Y.Z'" version.out '^ctrace -- version [0-9]+\.[0-9]+\.[0-9]+$'

# ---- long spellings: each does what its short option does ---------------------

# same_as NAME "SHORT OPTS" "LONG OPTS" PROG...: two -o traces, equal once
# addresses are masked (one process, no pids in the lines).
same_as() {
	local name=$1 short=$2 long=$3
	shift 3
	# shellcheck disable=SC2086
	run_to 60 "$CTRACE" $short -o "$WORK/$name.short" "$@" > /dev/null 2>&1
	# shellcheck disable=SC2086
	run_to 60 "$CTRACE" $long -o "$WORK/$name.long" "$@" > /dev/null 2>&1
	CHECKS=$((CHECKS + 1))
	if [ -s "$WORK/$name.short" ] &&
	   cmp -s <(normalize "$WORK/$name.short") <(normalize "$WORK/$name.long"); then
		pass "$long is $short"
	else
		fail "$long differs from $short:"
		diff <(normalize "$WORK/$name.short") <(normalize "$WORK/$name.long") | head -10 >&2
	fi
}
same_as trace "-e trace=openat,close" "--trace=openat,close" "$PROGS/summary_calls" 3 2
same_as ok "-z -e trace=openat,close" "--successful-only --trace=openat,close" \
	"$PROGS/summary_calls" 3 2
same_as failed "-Z -e trace=openat,close" "--failed-only --trace=openat,close" \
	"$PROGS/summary_calls" 3 2
same_as colour "--color=always -e trace=openat" "--colour=always -e trace=openat" \
	"$PROGS/summary_calls" 3 2
same_as stamps "--absolute-timestamps=unix -e trace=none" "--timestamps=unix -e trace=none" \
	"$PROGS/summary_calls" 3 2
assert_eq "--failed-only: only the 2 failing opens" 2 "$(grep -c ' = -1 ENOENT' "$WORK/failed.long")"
assert_eq "--successful-only: no failing call" 0 "$(grep -c ' = -1 ' "$WORK/ok.long")"
check "--colour=always: escapes written" grep -q $'\e\[' "$WORK/colour.long"
ct out --output="$WORK/out.trace" -e trace=getppid "$PROGS/summary_calls" 3 0
assert_eq "--output=FILE: the 3 getppid lines there" 3 "$(grep -c '^getppid()' "$WORK/out.trace")"
"$PROGS/sleeper" 1 2 > "$WORK/sleeper.pid" &
track $!
check "sleeper prints its pid" wait_for 10 test -s "$WORK/sleeper.pid"
ct attach --attach="$(cat "$WORK/sleeper.pid")" -o "$WORK/attach.trace"
assert_eq "--attach=PID: exit 0 once PID exits" 0 "$rc"
check "--attach=PID: its exit traced" grep -q '^+++ exited with 0 +++' "$WORK/attach.trace"

# ---- -o into a directory that does not exist ----------------------------------

# PROG would print its pid and run for 5 s: neither may happen.
ct badout -o /nonexistent/dir/file "$PROGS/sleeper" 1 5
assert_eq "-o /nonexistent/dir/file: exit 1" 1 "$rc"
assert_eq "-o /nonexistent/dir/file: message (strace's, alone)" \
	"ctrace: Can't fopen '/nonexistent/dir/file': No such file or directory" "$(cat badout.err)"
assert_eq "-o /nonexistent/dir/file: PROG never ran" "" "$(cat badout.out)"
check "-o /nonexistent/dir/file: no child of ctrace left" \
	test -z "$(pgrep -f "$PROGS/sleeper 1 5")"

# ---- -e trace= -------------------------------------------------------------

ct filt -f -o "$WORK/filt.trace" -e trace=clone,execve "$PROGS/fork_tree"
assert_eq "-e trace=clone,execve: exit 0" 0 "$rc"
assert_eq "-e trace=clone,execve: only those" "clone execve " "$(syscall_names filt.trace)"

ct all -o "$WORK/all.trace" "$PROGS/die" 0
assert_contains "no filter: write is traced (control)" all.trace "write("
ct nowrite -o "$WORK/nowrite.trace" -e 'trace=!write' "$PROGS/die" 0
assert_eq "-e trace=!write: exit 0" 0 "$rc"
assert_not_contains "-e trace=!write: no write" nowrite.trace "write("
assert_contains "-e trace=!write: execve still there" nowrite.trace "execve("
assert_contains "-e trace=!write: exit_group still there" nowrite.trace "exit_group("

ct proc -f -o "$WORK/proc.trace" -e trace=%process "$PROGS/fork_tree"
assert_eq "-e trace=%process: exit 0" 0 "$rc"
for name in execve clone wait4 exit_group; do
	assert_matches "-e trace=%process shows $name" proc.trace "(^|\] |^[0-9]+ +)(<\.\.\. )?${name}[( ]"
done
assert_not_contains "-e trace=%process: no write" proc.trace "write("
assert_not_contains "-e trace=%process: no mmap" proc.trace "mmap("

# ---- -s ---------------------------------------------------------------------

ct s5 -o "$WORK/s5.trace" -s 5 -e trace=execve "$PROGS/die" 0 helloworld
assert_matches "-s 5: \"hello\"..." s5.trace '"0", "hello"\.\.\.\]'
if [ -x "${STRACE:-/usr/bin/strace}" ]; then
	"${STRACE:-/usr/bin/strace}" -o "$WORK/s5.strace" -s 5 -e trace=execve \
		"$PROGS/die" 0 helloworld > /dev/null 2>&1
	assert_eq "-s 5: as strace's" "$(normalize s5.strace)" "$(normalize s5.trace)"
fi

# ---- -qq ----------------------------------------------------------------------

ct q0 -o "$WORK/q0.trace" -e trace=none "$PROGS/die" 3
assert_contains "without -qq: +++ exited with 3 +++ (control)" q0.trace "+++ exited with 3 +++"
ct qq -qq -o "$WORK/qq.trace" -e trace=none "$PROGS/die" 3
assert_eq "-qq: exit status still 3" 3 "$rc"
assert_not_contains "-qq: no +++ exited line" qq.trace "+++ exited"

# ---- -ff -o F: F.PID per process --------------------------------------------
# fork_tree runs 7 processes: the root, 2 children, 4 grandchildren.

mkdir "$WORK/ff"
ct ff -ff -o "$WORK/ff/t" "$PROGS/fork_tree"
assert_eq "-ff: exit 0" 0 "$rc"
assert_eq "-ff: one file per process" 7 "$(find "$WORK/ff" -name 't.*' | wc -l)"
check "-ff: no file F itself" test ! -e "$WORK/ff/t"
check "-ff: every file is named F.PID" \
	test -z "$(find "$WORK/ff" -type f ! -regex '.*/t\.[0-9]+')"
exits=$(cat "$WORK"/ff/t.* | grep -c '^+++ exited with ')
assert_eq "-ff: one +++ exited line per process" 7 "$exits"
check "-ff: no [pid N] prefixes in per-process files" \
	test -z "$(grep -l '^\[pid ' "$WORK"/ff/t.*)"

finish
