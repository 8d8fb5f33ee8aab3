#!/bin/bash
# Teaching output: --decode (flags as strace prints them, and their
# explanation), --list-syscalls (each architecture's table) and --explain
# (sentences under clone-family lines of a trace, and under no other line).
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$WORK" || exit 1

# ct NAME ARGS...: ctrace's stdout/stderr in $WORK/NAME.{out,err}, status in $rc.
ct() {
	local name=$1
	shift
	run_to 60 "$CTRACE" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
	rc=$?
}

# ---- --decode ----------------------------------------------------------------

# glibc's pthread_create flags
ct thread --decode clone 0x3d0f00 --arch=x86_64
assert_eq "decode thread: exit 0" 0 "$rc"
assert_eq "decode thread: strace's form" \
	"CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID" \
	"$(head -1 thread.out)"
assert_eq "decode thread: the form, 9 flags, signal, summary, registers, number" 14 \
	"$(wc -l < thread.out)"
assert_contains "decode thread: classified" thread.out "    => a thread: a new task in the caller's process"
assert_contains "decode thread: registers" thread.out \
	"    on x86_64: flags in rdi, stack in rsi, parent_tid in rdx, child_tid in r10, tls in r8"
assert_eq "decode thread: nothing on stderr" "" "$(cat thread.err)"

# glibc's fork(): the whole output
ct fork --decode clone 0x1200011 --arch=x86_64
assert_eq "decode fork: exit 0" 0 "$rc"
assert_eq "decode fork: output" \
"CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD
    CLONE_CHILD_CLEARTID  when the child exits, the kernel zeroes the int at child_tid and wakes a futex wait on it: how pthread_join learns a thread ended
    CLONE_CHILD_SETTID    the kernel stores the child's tid at child_tid, in the child's memory
    SIGCHLD               exit signal: sent to the parent when the child terminates (SIGCHLD is what wait() expects)
    => a new process, fork-like: the child runs on a copy-on-write copy of the caller's memory
    on x86_64: flags in rdi, stack in rsi, parent_tid in rdx, child_tid in r10, tls in r8
    on x86_64: syscall number 56 in orig_rax; the child's tid (0 in the child) comes back in rax" \
	"$(cat fork.out)"

# posix_spawn, decimal, on i386: the whole output
ct spawn --decode clone $((0x4111)) --arch=i386
assert_eq "decode posix_spawn: exit 0" 0 "$rc"
assert_eq "decode posix_spawn: output" \
"CLONE_VM|CLONE_VFORK|SIGCHLD
    CLONE_VM              the child shares the parent's memory: what one writes, the other reads (without it the child gets a copy-on-write copy)
    CLONE_VFORK           the caller sleeps until the child calls execve or exits, so that the child can use the caller's memory meanwhile
    SIGCHLD               exit signal: sent to the parent when the child terminates (SIGCHLD is what wait() expects)
    => a vfork-style spawn: the child borrows the caller's memory while the caller waits for its execve or exit (vfork, posix_spawn)
    on i386: flags in ebx, stack in ecx, parent_tid in edx, tls in esi, child_tid in edi (CLONE_BACKWARDS: tls before child_tid)
    on i386: syscall number 120 in orig_eax; the child's tid (0 in the child) comes back in eax" \
	"$(cat spawn.out)"

ct newuser --decode clone 0x10000011 --arch=aarch64
assert_eq "decode NEWUSER: exit 0" 0 "$rc"
assert_eq "decode NEWUSER: strace's form" "CLONE_NEWUSER|SIGCHLD" "$(head -1 newuser.out)"
assert_contains "decode NEWUSER: sandbox" newuser.out "    => a container-style sandbox: "
assert_contains "decode NEWUSER: aarch64 registers" newuser.out \
	"    on aarch64: flags in x0, stack in x1, parent_tid in x2, tls in x3, child_tid in x4 (CLONE_BACKWARDS: tls before child_tid)"

ct c3 --decode clone3 0x200000080 --arch=x86_64
assert_eq "decode clone3: strace's form" "CLONE_NEWTIME|CLONE_INTO_CGROUP" "$(head -1 c3.out)"
assert_contains "decode clone3: memory lesson" c3.out \
	"    the whole struct clone_args is in memory: read at entry, so another thread could change it before the kernel copies it"
ct unsh --decode unshare 0x2200 --arch=x86_64
assert_eq "decode unshare: strace's form" "CLONE_FS|0x2000" "$(head -1 unsh.out)"
assert_contains "decode unshare: rejected bit" unsh.out "    0x2000                not a flag unshare accepts"
ct setns --decode setns 0x40000000 --arch=x86_64
assert_eq "decode setns: strace's form" "CLONE_NEWNET" "$(head -1 setns.out)"
assert_contains "decode setns: registers" setns.out "    on x86_64: fd in rdi, nstype in rsi"

# bad input: "ctrace: ...", exit 1, nothing on stdout
for bad in "clone" "clone zz" "clone -1" "bogus 1" "clone 0x11 extra" "clone 99999999999999999999999"; do
	# shellcheck disable=SC2086
	ct bad --decode $bad
	assert_eq "decode '$bad': exit 1" 1 "$rc"
	check "decode '$bad': ctrace: message" grep -q '^ctrace: --decode: ' bad.err
	assert_eq "decode '$bad': no stdout" "" "$(cat bad.out)"
done
ct badarch --decode clone 0x11 --arch=vax
assert_eq "decode --arch=vax: exit 1" 1 "$rc"
assert_eq "decode --arch=vax: message" \
	"ctrace: --decode: unknown architecture 'vax' (x86_64, i386, aarch64, x32)" "$(cat badarch.err)"

# ---- --list-syscalls ---------------------------------------------------------

for spec in x86_64:362:"56 clone 5" i386:440:"120 clone 5" aarch64:306:"220 clone 5" \
	x32:351:"1073741880 clone 5"; do
	IFS=: read -r arch count line <<< "$spec"
	ct "list-$arch" --list-syscalls --arch="$arch"
	assert_eq "list $arch: exit 0" 0 "$rc"
	assert_eq "list $arch: one line per table entry" "$count" "$(wc -l < "list-$arch.out")"
	check "list $arch: \"$line\"" grep -qx "$line" "list-$arch.out"
	check "list $arch: in number order" sort -c -n -k1,1 "list-$arch.out"
done
check "list i386: 0 restart_syscall 0" grep -qx "0 restart_syscall 0" list-i386.out
check "list aarch64: 435 clone3 2" grep -qx "435 clone3 2" list-aarch64.out
ct list-bad --list-syscalls --arch=pdp11
assert_eq "list --arch=pdp11: exit 1" 1 "$rc"
check "list --arch=pdp11: message" grep -q "^ctrace: --list-syscalls: unknown architecture 'pdp11'" list-bad.err

# ---- --explain while tracing -------------------------------------------------

ct explain -o trace --explain "$PROGS/clone_flags"
assert_eq "--explain: exit status of the program" 0 "$rc"
# An explanation line (4 spaces) only follows a clone-family line or another
# explanation line; every complete clone line is followed by one.
awk '
	/^    / { if (!prev_ok) { print "stray: " $0; bad = 1 } next }
	{ prev_ok = ($0 ~ /^(clone|clone3|fork|vfork|unshare|setns)\(/) }
	END { exit bad }' trace > stray.txt
check "--explain: explanations only under clone-family lines" test ! -s stray.txt
clones=$(grep -c '^clone(' trace)
explained=$(awk '/^clone\(/ { c = 1; next }
	/^    / { if (c && /^    => /) { n++; c = 0 } next }
	{ c = 0 }
	END { print n + 0 }' trace)
check "--explain: clone lines traced" test "$clones" -gt 5
assert_eq "--explain: every clone line has its summary" "$clones" "$explained"
assert_contains "--explain: registers" trace \
	"    on $(uname -m | sed 's/arm64/aarch64/'): flags in "
assert_contains "--explain: the trace itself is unchanged" trace "clone(child_stack=NULL, flags=SIGCHLD)  = "
ct plain -o plain "$PROGS/clone_flags"
check "without --explain: no explanation" test -z "$(grep '^    ' plain)"

# ---- documented --------------------------------------------------------------

ct help -h
for opt in --explain --decode --list-syscalls; do
	assert_matches "-h lists $opt" help.out "^ +$opt( |,|$)"
	# the man page spells every dash \-
	check "man/ctrace.1 documents $opt" grep -qF -- "${opt//-/\\-}" "$TESTS_DIR/../man/ctrace.1"
done
check "man/ctrace.1 has a Teaching subsection" grep -qx '.SS Teaching' "$TESTS_DIR/../man/ctrace.1"

finish
