#!/bin/bash
# -k: the user stack under each syscall (and signal) line, in strace 6.1's
# format.  tests/progs/stack_nest has known call chains; the frames must come
# in order with the program's path and the right addresses, be the very lines
# strace -k prints for the same program, follow the right thread (-f), survive
# execve and a code mapping replaced at the same address (the map cache), go
# with the resumed half of a split line, and be an array in --json.
# A build without libunwind must refuse -k.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$WORK" || exit 1

P=$(readlink -f "$PROGS/stack_nest")

# ct NAME ARGS...: ctrace's stdout/stderr in NAME.{out,err}, status in $rc.
ct() {
	local name=$1
	shift
	run_to 120 "$CTRACE" "$@" > "$name.out" 2> "$name.err"
	rc=$?
}

# frames_after FILE ERE: the frame lines right under the first line matching ERE.
frames_after() {
	awk -v re="$2" 'found && /^ > / { print; next } found { exit } $0 ~ re { found = 1 }' "$1"
}

jq_ok() { jq -e "$@" > /dev/null; }

# names: the function of each frame line on stdin ("" when it has none), one a line.
names() { sed -E 's/^ > [^(]*\(([^+)]*).*/\1/'; }

ct nolib -k true
if grep -q "without libunwind" nolib.err; then
	# The static QEMU builds: a clear refusal, never a silently ignored -k.
	check "no libunwind: -k fails" test "$rc" -ne 0
	msg="ctrace: -k: this ctrace was built without libunwind-ptrace,"
	assert_eq "no libunwind: the message" "$msg it cannot print stack traces" \
		"$(cat nolib.err)"
	finish
fi

# ---- the frames of a known call chain ---------------------------------------

ct nest -k -e trace=getppid,exit_group "$P"
assert_eq "nest: exit 0" 0 "$rc"
frames_after nest.err '^getppid\(\) += [0-9]+$' > nest.frames
assert_eq "nest: functions, innermost first" \
	"getppid stack_leaf_fn stack_middle_fn main" "$(names < nest.frames | head -n 4 | xargs)"
assert_eq "nest: outermost is _start" "_start" "$(names < nest.frames | tail -n 1)"
assert_matches "nest: getppid in libc" nest.frames \
	'^ > /[^ ]*/libc\.so\.6\(getppid\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$'
for fn in stack_leaf_fn stack_middle_fn main _start; do
	assert_matches "nest: $fn with the program's path" nest.frames \
		"^ > $P\\($fn\\+0x[0-9a-f]+\\) \\[0x[0-9a-f]+\\]\$"
done
# [address] is relative to the file: the symbol's value plus the offset.
line=$(grep -F "(stack_leaf_fn+" nest.frames)
off=$(sed -E 's/.*\+(0x[0-9a-f]+)\).*/\1/' <<< "$line")
addr=$(sed -E 's/.*\[(0x[0-9a-f]+)\]$/\1/' <<< "$line")
sym=$(nm "$P" | awk '$3 == "stack_leaf_fn" { print $1 }')
assert_eq "nest: [address] = stack_leaf_fn's value + offset" \
	"$(printf '%#x' $((16#$sym + off)))" "$addr"
# The return address of the call in stack_middle_fn is inside it.
size=$(nm -S "$P" | awk '$4 == "stack_middle_fn" { print $2 }')
off=$(grep -F "(stack_middle_fn+" nest.frames | sed -E 's/.*\+(0x[0-9a-f]+)\).*/\1/')
check "nest: offset inside stack_middle_fn" test $((off)) -gt 0 -a $((off)) -lt $((16#$size))
assert_not_contains "nest: no unwinding error" nest.err "unexpected_backtracing_error"

# exit_group's stack is taken at its entry and printed under its line.
assert_eq "exit_group: its stack under it, from _exit" "_exit" \
	"$(frames_after nest.err '^exit_group\(0\) += \?$' | names | head -n 1)"

# --stack-traces is -k; with -c (no trace) it has no effect, as strace says.
ct long --stack-traces -e trace=getppid "$P"
assert_eq "--stack-traces: the same frames as -k" "$(cat nest.frames)" \
	"$(frames_after long.err '^getppid\(\) += [0-9]+$')"
ct summary -c -k "$P"
assert_eq "-c -k: exit 0" 0 "$rc"
assert_eq "-c -k: strace's warning" \
	"ctrace: -k/--stack-traces has no effect with -c/--summary-only" "$(head -n 1 summary.err)"
assert_not_contains "-c -k: no frames" summary.err " > "

# ---- the same lines as strace -k ----------------------------------------------

if strace -k -o /dev/null true 2> /dev/null; then
	for mode in "" signal; do
		run_to 120 strace -k -o "strace$mode.txt" "$P" $mode
		ct "ctrace$mode" -k -o "ctrace$mode.txt" "$P" $mode
		grep '^ > ' "strace$mode.txt" > "strace$mode.frames"
		grep '^ > ' "ctrace$mode.txt" > "ctrace$mode.frames"
		n=$(wc -l < "strace$mode.frames")
		check "strace -k ${mode:-default}: same frames ($n lines)" \
			test -s "strace$mode.frames"
		assert_file_eq "strace -k ${mode:-default}: every frame line identical" \
			"strace$mode.frames" "ctrace$mode.frames"
	done
else
	echo "note: strace -k unavailable here, comparison skipped"
fi

# ---- signals ---------------------------------------------------------------------

ct sig -k -e trace=getppid "$P" signal
assert_eq "signal: the stack where SIGUSR1 arrived" "stack_raise_fn main" \
	"$(frames_after sig.err '^--- SIGUSR1 ' | names | grep -xE 'stack_raise_fn|main' | xargs)"
assert_eq "signal: the handler's getppid" "getppid stack_handler_fn" \
	"$(frames_after sig.err '^getppid\(\)' | names | head -n 2 | xargs)"

# ---- threads (-f): each task's own stack ---------------------------------------------

ct thr -f -k -e trace=getppid -ff -o thr.trace "$P" thread
assert_eq "thread: exit 0" 0 "$rc"
assert_eq "thread: one trace file per task" 2 "$(ls thr.trace.* | wc -l)"
tfile=$(grep -lF "(thread_leaf_fn+" thr.trace.*)
mfile=$(grep -lF "(stack_leaf_fn+" thr.trace.*)
assert_eq "thread: one task shows thread_leaf_fn" 1 "$(wc -w <<< "$tfile")"
assert_eq "thread: another shows stack_leaf_fn" 1 "$(wc -w <<< "$mfile")"
check "thread: not the same task" test "$tfile" != "$mfile"
assert_eq "thread: the thread's chain" "getppid thread_leaf_fn thread_start_fn" \
	"$(frames_after "$tfile" '^getppid\(\)' | names | head -n 3 | xargs)"

# ---- a split line: the stack goes with "<... read resumed>" -----------------------------

ct split -f -k -e trace=read,write "$P" split
assert_matches "split: the reader's line is split" split.err \
	'^\[pid +[0-9]+\] read\([0-9]+,  <unfinished \.\.\.>$'
assert_eq "split: the reader's stack under its resumed line" \
	"read split_reader_fn split_thread_fn" \
	"$(frames_after split.err '<\.\.\. read resumed>"x", 1\) += 1$' | names | head -3 | xargs)"

# ---- execve: a new address space ---------------------------------------------------

ct exec -f -k -e trace=getppid,execve "$P" exec
assert_eq "exec: exit 0" 0 "$rc"
# The child's execve: taken at entry, in the program that calls it.
assert_eq "exec: execve's stack is the caller's" "execve execl main" \
	"$(frames_after exec.err 'execve\("/proc/self/exe"' | names | head -n 3 | xargs)"
assert_eq "exec: after it, the new image's functions" "getppid after_exec_leaf_fn main" \
	"$(frames_after exec.err 'getppid\(\)' | names | head -n 3 | xargs)"
assert_contains "exec: with the program's path" exec.err " > $P(after_exec_leaf_fn+"
# PROG's own first execve: its entry is ctrace's code, so the stack is the new
# program's entry point, as strace shows it.
assert_matches "exec: PROG's execve shows ld.so's entry" exec.err '^ > /.*ld-linux[^(]*\('
assert_not_contains "exec: no unwinding error" exec.err "unexpected_backtracing_error"

# ---- a code mapping replaced at the same address -------------------------------------

if [ "$(uname -m)" = x86_64 ]; then
	for seccomp in on off; do
		ct "remap_$seccomp" -k -e trace=getppid --seccomp-bpf=$seccomp "$P" remap
		frames=$(grep -A1 '^getppid()' "remap_$seccomp.err" | grep '^ > ' |
			sed 's/() \[.*//' | xargs)
		assert_eq "remap (seccomp $seccomp): each call names its own mapping" \
			"> /memfd:ctrace_code_a (deleted) > /memfd:ctrace_code_b (deleted)" \
			"$frames"
	done
fi

# ---- another personality: no stack rather than a wrong one ----------------------------

printf 'int main(void) { return 0; }\n' > m32.c
if cc -m32 -o m32 m32.c 2> /dev/null && ./m32; then
	ct m32 -k -e trace=brk,exit_group ./m32
	assert_eq "i386 program: exit 0" 0 "$rc"
	assert_contains "i386 program: traced" m32.err "exit_group(0)"
	assert_not_contains "i386 program: no frames (as strace)" m32.err " > "
fi

# ---- --json -------------------------------------------------------------------------

ct json --json -k "$P" signal
assert_eq "json: exit 0" 0 "$rc"
check "json: every line is JSON" jq_ok -R -n '[inputs | fromjson] | length > 0' json.err
check "json: getppid's stack, innermost first" jq_ok -n --arg p "$P" '
	[inputs | select(.type == "syscall" and .syscall == "getppid")] | .[0].stack as $s
	| ($s[0].path | endswith("libc.so.6")) and $s[0].symbol == "getppid"
	and $s[1].symbol == "stack_handler_fn" and $s[1].path == $p
	and ($s[1].offset | type == "number") and ($s[1].address | type == "number")
	and ($s[1].ip | type == "number") and ($s[1].ip > $s[1].address)' json.err
check "json: the signal's stack" jq_ok -n '
	[inputs | select(.type == "signal")] | .[0].stack
	| map(.symbol) | index("stack_raise_fn") != null' json.err
check "json: every syscall has a stack" jq_ok -n '
	[inputs | select(.type == "syscall") | has("stack")] | all' json.err
ct json_nok --json "$P"
check "json: no stack without -k" jq_ok -n '[inputs | has("stack")] | any | not' json_nok.err

finish
