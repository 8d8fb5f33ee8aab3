#!/bin/bash
# The namespace gate on the less obvious routes (tests/progs/ns_routes), on the
# host (the i386 and aarch64 routes are in test_qemu_gate.sh):
#   - CLONE_UNTRACED children, which the kernel does not attach to a tracer:
#     clone's flag register is rewritten at the entry stop (the child is then
#     followed like any other: its calls are refused and reported, or
#     audited); a clone3 child the kernel did not attach is an "untraced"
#     violation, and is seized from then on.  Routes: a child, a child's
#     child, clone(CLONE_UNTRACED|CLONE_NEWUSER), clone3 with and without
#     CLONE_NEW* flags, int $0x80 (i386 clone from 64-bit code), and daemons
#     that outlive their parent (they must run to their end);
#   - a daemon (double fork + setsid) whose parents are gone;
#   - a program exec'd by a program exec'd by sh, which unshares and setns;
#   - vfork children (vfork, and a raw clone(CLONE_VFORK|CLONE_NEWUTS));
#   - false positives, which must not be violations in either mode: sh
#     pipelines, python3 with threads and subprocesses, posix_spawn,
#     unshare(CLONE_FILES|CLONE_FS|CLONE_SYSVSEM), tests/progs/threads;
#   - the clone3 race: a thread flips clone_args.flags between 0 and
#     CLONE_NEWUTS while the main thread calls clone3 200 times.  --deny:
#     no child is ever born in another UTS namespace (clone3 is refused by
#     number); --audit: every child that was is reported, no more, no less.
# Children say where they were born (/proc/self/ns/uts inode against their
# parent's), so "nothing was created" is checked by effect, not by exit codes.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: namespaces need root" >&2
	exit 77
fi
R=$PROGS/ns_routes
"$CTRACE" --deny=namespaces /bin/true 2>"$WORK/probe.err"
if grep -q "built without libseccomp" "$WORK/probe.err"; then
	echo "SKIP: ctrace built without libseccomp" >&2
	exit 77
fi
t0=$SECONDS

# gate MODE NAME COMMAND...: runs ctrace --MODE=namespaces COMMAND with stdout
# in $WORK/NAME.out, stderr in $WORK/NAME.err, status in $WORK/NAME.rc
gate() {
	local mode=$1 name=$2
	shift 2
	run_io "$WORK/$name.out" "$WORK/$name.err" 120 "$CTRACE" --"$mode"=namespaces "$@"
	echo $? >"$WORK/$name.rc"
}

rc_of() { cat "$WORK/$1.rc"; }

# nv3 NAME A B: "all A B", the counts of violation lines in all, with A, with B
# sums NAME: "STATUS VIOLATIONS STDOUT-LINES..." of one run
sums() { echo "$(rc_of "$1") $(nviol "$1") $(paste -sd' ' "$WORK/$1.out")"; }

nv3() { echo "$(nviol "$1") $(nviol "$1" "$2") $(nviol "$1" "$3")"; }

# nviol NAME [FIXED]: violation lines in NAME.err (containing FIXED)
nviol() {
	grep '^ctrace: namespace violation: ' "$WORK/$1.err" | grep -cF -- "${2:-}"
}

# ---- CLONE_UNTRACED -------------------------------------------------------
# untraced_case MODE NAME ROUTE... : runs the route; NAME.report is the JSON report
untraced_case() {
	local mode=$1 name=$2
	shift 2
	gate "$mode" "$name" --report="$WORK/$name.report" "$R" "$@"
}
# nrep NAME VERDICT: report lines with that verdict
nrep() { grep -c "\"verdict\":\"$2\"" "$WORK/$1.report"; }

untraced_case deny ut-deny untraced
check "untraced deny: the child's unshare fails with EPERM, uts unchanged" \
	file_has "$WORK/ut-deny.out" "untraced unshare(CLONE_NEWUTS) EPERM same"
assert_eq "untraced deny: the child followed, its attempt reported, exit 3" "1 3" \
	"$(nviol ut-deny "/ns_routes) unshare(CLONE_NEWUTS) denied") $(rc_of ut-deny)"
check "untraced deny: ctrace says it cleared CLONE_UNTRACED" \
	file_has "$WORK/ut-deny.err" "clone: CLONE_UNTRACED cleared, so that its child is followed"
untraced_case audit ut-audit untraced
check "untraced audit: the child's unshare ran" \
	file_has "$WORK/ut-audit.out" "untraced unshare(CLONE_NEWUTS) ok changed"
assert_eq "untraced audit: reported once, exit 3" "1 3" \
	"$(nviol ut-audit "/ns_routes) unshare(CLONE_NEWUTS) allowed") $(rc_of ut-audit)"

# A child and a grandchild, both made with CLONE_UNTRACED, both unsharing.
for mode in deny audit; do
	untraced_case "$mode" "tree-$mode" untraced-tree
done
for who in grandchild child; do
	check "untraced tree deny: the $who's unshare EPERM, user and mnt unchanged" \
		file_has "$WORK/tree-deny.out" \
		"untraced-tree $who unshare(CLONE_NEWUSER|CLONE_NEWNS) EPERM same"
	check "untraced tree audit: the $who made new user and mnt namespaces" \
		file_has "$WORK/tree-audit.out" \
		"untraced-tree $who unshare(CLONE_NEWUSER|CLONE_NEWNS) ok changed"
done
assert_eq "untraced tree deny: 2 denied unshares (child, grandchild), exit 3, report" "2 2 3 2" \
	"$(nviol tree-deny) $(nviol tree-deny ") unshare(CLONE_NEWNS|CLONE_NEWUSER) denied") \
$(rc_of tree-deny) $(nrep tree-deny denied)"
assert_eq "untraced tree audit: 2 unshares reported, exit 3, report" "2 2 3 2" \
	"$(nviol tree-audit) $(nviol tree-audit ") unshare(CLONE_NEWNS|CLONE_NEWUSER) allowed") \
$(rc_of tree-audit) $(nrep tree-audit allowed)"
# Three distinct pids: the program, its child and its grandchild were all seen.
assert_eq "untraced tree audit: by two different pids" "2" \
	"$(grep -o '^ctrace: namespace violation: pid [0-9]*' "$WORK/tree-audit.err" | sort -u | wc -l)"

# clone(CLONE_UNTRACED|CLONE_NEWUSER): the namespace is in the call itself.
untraced_case deny nu-deny untraced-newuser
check "untraced newuser deny: clone EPERM, no child" \
	file_has "$WORK/nu-deny.out" "untraced-newuser clone(CLONE_UNTRACED|CLONE_NEWUSER) EPERM"
assert_not_contains "untraced newuser deny: no child born" "$WORK/nu-deny.out" "child user"
assert_eq "untraced newuser deny: reported, exit 3" "1 3" \
	"$(nviol nu-deny ") clone(CLONE_NEWUSER) denied") $(rc_of nu-deny)"
untraced_case audit nu-audit untraced-newuser
check "untraced newuser audit: the child is in a new user namespace" \
	file_has "$WORK/nu-audit.out" "untraced-newuser child user changed"
assert_eq "untraced newuser audit: reported once, exit 3" "1 1 3" \
	"$(nviol nu-audit) $(nviol nu-audit ") clone(CLONE_NEWUSER) allowed") $(rc_of nu-audit)"

# clone3(CLONE_UNTRACED): flags in memory, so not rewritten.  --deny refuses
# clone3 (ENOSYS) and the program falls back to clone, as libc does; --audit
# lets it run and reports the child it could not follow ("untraced"), then
# seizes it: the child's later unshare is seen (the child waits until the
# parent's clone3 has returned, i.e. until after ctrace's exit stop).
untraced_case deny c3-deny clone3-untraced
check "clone3 untraced deny: fell back to clone, which ran" \
	file_has "$WORK/c3-deny.out" "clone3-untraced clone(CLONE_UNTRACED) ok"
check "clone3 untraced deny: the child's unshare EPERM" \
	file_has "$WORK/c3-deny.out" "clone3-untraced unshare(CLONE_NEWUTS) EPERM same"
assert_eq "clone3 untraced deny: only the unshare reported, exit 3" "1 1 3" \
	"$(nviol c3-deny) $(nviol c3-deny ") unshare(CLONE_NEWUTS) denied") $(rc_of c3-deny)"
untraced_case audit c3-audit clone3-untraced
check "clone3 untraced audit: clone3 ran" \
	file_has "$WORK/c3-audit.out" "clone3-untraced clone3(CLONE_UNTRACED) ok"
c3pid=$(sed -n 's/.*) clone3(0) untraced: created pid \([0-9]*\) that ctrace could not.*/\1/p' \
	"$WORK/c3-audit.err")
check "clone3 untraced audit: an untraced violation naming the child" test -n "$c3pid"
assert_eq "clone3 untraced audit: untraced + the adopted child's unshare, exit 3" "2 1 1 3" \
	"$(nviol c3-audit) $(nrep c3-audit untraced) \
$(grep -c "^ctrace: namespace violation: pid $c3pid (.*/ns_routes) unshare(CLONE_NEWUTS) allowed$" \
	"$WORK/c3-audit.err") $(rc_of c3-audit)"
check "clone3 untraced audit: report has child and how" \
	file_has "$WORK/c3-audit.report" "\"child\":$c3pid,\"verdict\":\"untraced\",\"how\":\"ptrace\""

# The same from inside a new pid namespace: clone3 returns 2 (the child's pid
# there), and ctrace must find that child among its own pids to seize it.
# unshare(CLONE_NEWPID) itself is seen although the kernel hides the new
# namespace (pid_for_children) until its init is born.
untraced_case audit c3pid-audit clone3-untraced-pidns
assert_eq "clone3 untraced in a new pid ns, audit: NEWPID, untraced pid 2, its unshare" \
	"3 1 1 1 3" "$(nviol c3pid-audit) $(nviol c3pid-audit ") unshare(CLONE_NEWPID) allowed") \
$(nviol c3pid-audit ") clone3(0) untraced: created pid 2 that") \
$(nviol c3pid-audit ") unshare(CLONE_NEWUTS) allowed") $(rc_of c3pid-audit)"
check "clone3 untraced in a new pid ns, audit: the child really made a new UTS namespace" \
	file_has "$WORK/c3pid-audit.out" "clone3-untraced-pidns unshare(CLONE_NEWUTS) ok changed"
untraced_case deny c3pid-deny clone3-untraced-pidns
assert_eq "clone3 untraced in a new pid ns, deny: unshare(CLONE_NEWPID) refused, reported" \
	"1 1 3" "$(nviol c3pid-deny) $(nviol c3pid-deny ") unshare(CLONE_NEWPID) denied") \
$(rc_of c3pid-deny)"

untraced_case deny c3ns-deny clone3-untraced ns
check "clone3 untraced ns deny: clone3 ENOSYS, then clone EPERM, no child" \
	file_has "$WORK/c3ns-deny.out" \
	"clone3-untraced-ns clone(CLONE_UNTRACED|CLONE_NEWUSER|CLONE_NEWNS) EPERM"
assert_not_contains "clone3 untraced ns deny: no child born" "$WORK/c3ns-deny.out" "child user"
assert_eq "clone3 untraced ns deny: clone3 and clone reported, exit 3" "2 1 1 3" \
	"$(nviol c3ns-deny) $(nviol c3ns-deny ") clone3(CLONE_NEWNS|CLONE_NEWUSER) denied") \
$(nviol c3ns-deny ") clone(CLONE_NEWNS|CLONE_NEWUSER) denied") $(rc_of c3ns-deny)"
untraced_case audit c3ns-audit clone3-untraced ns
check "clone3 untraced ns audit: the child is in new user and mnt namespaces" \
	file_has "$WORK/c3ns-audit.out" "clone3-untraced-ns child mnt changed"
check "clone3 untraced ns audit: ... user too" \
	file_has "$WORK/c3ns-audit.out" "clone3-untraced-ns child user changed"
# Untraced, and the namespaces it really has (compared with its parent's
# when seized), reported.
assert_eq "clone3 untraced ns audit: untraced and the namespaces, exit 3" "2 1 1 3" \
	"$(nviol c3ns-audit) $(nrep c3ns-audit untraced) \
$(nviol c3ns-audit ") clone3(CLONE_NEWNS|CLONE_NEWUSER) allowed") $(rc_of c3ns-audit)"

# int $0x80 from 64-bit code: i386 clone (120), flags in ebx.
if "$R" untraced-int80 >"$WORK/int80-plain.out" 2>&1 &&
	grep -q "ok changed" "$WORK/int80-plain.out"; then
	untraced_case deny i80-deny untraced-int80
	check "untraced int80 deny: the child's i386 unshare EPERM" \
		file_has "$WORK/i80-deny.out" \
		"untraced-int80 child unshare(CLONE_NEWUSER|CLONE_NEWNS) EPERM same"
	assert_eq "untraced int80 deny: reported, exit 3" "1 3" \
		"$(nviol i80-deny ") unshare(CLONE_NEWNS|CLONE_NEWUSER) denied") $(rc_of i80-deny)"
	untraced_case audit i80-audit untraced-int80
	check "untraced int80 audit: the child's unshare ran" \
		file_has "$WORK/i80-audit.out" \
		"untraced-int80 child unshare(CLONE_NEWUSER|CLONE_NEWNS) ok changed"
	assert_eq "untraced int80 audit: reported, exit 3" "1 3" \
		"$(nviol i80-audit ") unshare(CLONE_NEWNS|CLONE_NEWUSER) allowed") $(rc_of i80-audit)"
else
	echo "note: int \$0x80 unavailable here (no IA-32 emulation): that route is in test_qemu_gate"
fi

# An i386 program (clone 120 with flags in ebx), when this host can build and
# run one (gcc -m32, IA-32 emulation; else test_qemu_gate covers i386).
I386_INC=$WORK/i386-include
mkdir -p "$I386_INC"
ln -sfn /usr/include/x86_64-linux-gnu/asm "$I386_INC/asm"
R32=$WORK/ns_routes32
if gcc -m32 -static -O2 -idirafter "$I386_INC" -I"$TESTS_DIR/../include" -pthread -o "$R32" \
	"$TESTS_DIR/progs/ns_routes.c" >"$WORK/r32.log" 2>&1 && "$R32" untraced-tree \
	>"$WORK/r32-plain.out" 2>&1 && grep -q "child unshare.* ok changed" "$WORK/r32-plain.out"; then
	for mode in deny audit; do
		gate "$mode" "i386-tree-$mode" "$R32" untraced-tree
		gate "$mode" "i386-c3-$mode" "$R32" clone3-untraced
	done
	assert_eq "i386 untraced tree deny: child and grandchild refused, reported, exit 3" \
		"2 2 3" "$(grep -c 'unshare(CLONE_NEWUSER|CLONE_NEWNS) EPERM same' \
		"$WORK/i386-tree-deny.out") $(nviol i386-tree-deny \
		"/ns_routes32) unshare(CLONE_NEWNS|CLONE_NEWUSER) denied") $(rc_of i386-tree-deny)"
	assert_eq "i386 untraced tree audit: both created, both reported, exit 3" "2 2 3" \
		"$(grep -c 'unshare(CLONE_NEWUSER|CLONE_NEWNS) ok changed' \
		"$WORK/i386-tree-audit.out") $(nviol i386-tree-audit \
		"/ns_routes32) unshare(CLONE_NEWNS|CLONE_NEWUSER) allowed") $(rc_of i386-tree-audit)"
	assert_eq "i386 clone3 untraced audit: untraced, then the seized child's unshare" "1 1 3" \
		"$(nviol i386-c3-audit ") clone3(0) untraced: created pid ") \
$(nviol i386-c3-audit ") unshare(CLONE_NEWUTS) allowed") $(rc_of i386-c3-audit)"
	assert_eq "i386 clone3 untraced deny: clone fallback followed, unshare refused" "1 3" \
		"$(nviol i386-c3-deny ") unshare(CLONE_NEWUTS) denied") $(rc_of i386-c3-deny)"
else
	echo "note: no i386 program on this host (gcc -m32 or IA-32 emulation missing):" \
		"that route is in test_qemu_gate"
fi

# Daemons made with CLONE_UNTRACED outlive their parent: followed (clone) or
# seized (clone3), never killed or left stopped; they run to their end.
for how in clone clone3; do
	for mode in deny audit; do
		rm -f "$WORK/ud-$how-$mode.mark"
		gate "$mode" "ud-$how-$mode" "$R" untraced-daemon "$WORK/ud-$how-$mode.mark" \
			$([ $how = clone3 ] && echo clone3)
		check "untraced daemon ($how, $mode): ran to its end" \
			file_has "$WORK/ud-$how-$mode.mark" "daemon ran"
	done
done
assert_eq "untraced daemon: innocent with clone (0, 0), untraced with clone3 under audit (3)" \
	"0 0 3 0" "$(rc_of ud-clone-deny) $(rc_of ud-clone-audit) $(rc_of ud-clone3-audit) \
$(rc_of ud-clone3-deny)"

# ctrace stopped by SIGTERM while it follows a seized clone3 daemon: the
# daemon is let go (not left stopped, not killed) and runs to its end.
mark=$WORK/ud-term.mark
rm -f "$mark"
"$CTRACE" --audit=namespaces "$R" untraced-daemon "$mark" clone3 3000 \
	>"$WORK/ud-term.out" 2>"$WORK/ud-term.err" &
ctrace_pid=$!
dpid=
for _ in $(seq 100); do
	dpid=$(sed -n 's/.* untraced: created pid \([0-9]*\) .*/\1/p' "$WORK/ud-term.err")
	[ -n "$dpid" ] && [ "$(awk '/^TracerPid:/ { print $2 }' "/proc/$dpid/status" \
		2>/dev/null)" = "$ctrace_pid" ] && break
	sleep 0.05
done
check "untraced daemon, SIGTERM: ctrace had seized the clone3 daemon" \
	test -n "$dpid" -a "$(awk '/^TracerPid:/ { print $2 }' "/proc/${dpid:-0}/status" \
	2>/dev/null)" = "$ctrace_pid"
kill -TERM "$ctrace_pid"
wait "$ctrace_pid"
check "untraced daemon, SIGTERM: let go, not stopped" \
	test "$(awk '/^TracerPid:/ { print $2 }' "/proc/${dpid:-0}/status" 2>/dev/null)" = 0
check "untraced daemon, SIGTERM: not stopped" not_stopped "${dpid:-0}"
wait_file() {
	local i
	for i in $(seq 200); do
		[ -s "$1" ] && return 0
		sleep 0.05
	done
	return 1
}
check "untraced daemon, SIGTERM: ran to its end after ctrace exited" wait_file "$mark"

# ---- daemon ---------------------------------------------------------------
# wait_line FILE FIXED: up to 3 s for a line (a daemon may outlive ctrace)
wait_line() {
	local i
	for i in $(seq 60); do
		file_has "$1" "$2" && return 0
		sleep 0.05
	done
	return 1
}
gate deny daemon-deny "$R" daemon
# A child announced by its parent's fork event keeps ctrace running until its
# own first stop: ctrace exiting earlier would kill it (EXITKILL), and the
# daemon would never run (it did, in about half the runs, before that fix).
check "daemon deny: exit 3" test "$(rc_of daemon-deny)" = 3
check "daemon deny: its unshare fails with EPERM, uts unchanged" \
	wait_line "$WORK/daemon-deny.out" "daemon unshare(CLONE_NEWUTS) EPERM same"
assert_eq "daemon deny: one violation line" "1" \
	"$(nviol daemon-deny "/ns_routes) unshare(CLONE_NEWUTS) denied")"
gate audit daemon-audit "$R" daemon
check "daemon audit: exit 3" test "$(rc_of daemon-audit)" = 3
check "daemon audit: the unshare ran" \
	file_has "$WORK/daemon-audit.out" "daemon unshare(CLONE_NEWUTS) ok changed"
assert_eq "daemon audit: one violation line" "1" \
	"$(nviol daemon-audit "/ns_routes) unshare(CLONE_NEWUTS) allowed")"

# ---- exec chain: sh -> env -> ns_routes -----------------------------------
gate deny exec-deny /bin/sh -c "exec /usr/bin/env $R setns"
check "exec deny: exit 3" test "$(rc_of exec-deny)" = 3
check "exec deny: unshare EPERM, uts unchanged" \
	file_has "$WORK/exec-deny.out" "setns unshare(CLONE_NEWUTS) EPERM same"
check "exec deny: setns EPERM" file_has "$WORK/exec-deny.out" "setns setns(CLONE_NEWUTS) EPERM same"
assert_eq "exec deny: 2 violation lines, both by ns_routes" "2 1 1" \
	"$(nv3 exec-deny "/ns_routes) unshare(CLONE_NEWUTS) denied" \
	"/ns_routes) setns(CLONE_NEWUTS) denied")"
gate audit exec-audit /bin/sh -c "exec /usr/bin/env $R setns"
check "exec audit: exit 3" test "$(rc_of exec-audit)" = 3
check "exec audit: setns back into the first UTS namespace ran" \
	file_has "$WORK/exec-audit.out" "setns setns(CLONE_NEWUTS) ok changed"
assert_eq "exec audit: unshare and setns reported" "2 1 1" \
	"$(nv3 exec-audit "/ns_routes) unshare(CLONE_NEWUTS) allowed" \
	"/ns_routes) setns(CLONE_NEWUTS) allowed")"

# ---- vfork ----------------------------------------------------------------
gate deny vfork-deny "$R" vfork
check "vfork deny: exit 3" test "$(rc_of vfork-deny)" = 3
check "vfork deny: the vfork child's unshare EPERM" \
	file_has "$WORK/vfork-deny.out" "vfork unshare(CLONE_NEWUTS) EPERM"
check "vfork deny: clone(CLONE_VFORK|CLONE_NEWUTS) EPERM" \
	file_has "$WORK/vfork-deny.out" "vfork clone(CLONE_VFORK|CLONE_NEWUTS) EPERM"
assert_not_contains "vfork deny: no child born elsewhere" "$WORK/vfork-deny.out" "child uts"
assert_eq "vfork deny: 2 violation lines" "2 1 1" \
	"$(nv3 vfork-deny ") unshare(CLONE_NEWUTS) denied" \
	") clone(CLONE_NEWUTS) denied")"
gate audit vfork-audit "$R" vfork
check "vfork audit: the child was born in a new UTS namespace" \
	file_has "$WORK/vfork-audit.out" "vfork child uts changed"
assert_eq "vfork audit: both reported" "2 1 1" \
	"$(nv3 vfork-audit ") unshare(CLONE_NEWUTS) allowed" \
	") clone(CLONE_NEWUTS) allowed")"

# ---- false positives ------------------------------------------------------
PY='import subprocess, threading
def work():
    for _ in range(3):
        subprocess.run(["/bin/true"], check=True)
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(subprocess.run(["/bin/echo", "py-ok"], capture_output=True, text=True).stdout.strip())'
for mode in deny audit; do
	gate "$mode" "sh-$mode" /bin/sh -c 'echo abc | tr a-c x-z | cat; (echo sub | cat) | cat; exit 5'
	assert_eq "innocent $mode: sh pipelines: status 5, output, no violation" \
		"5 0 xyz sub" "$(sums "sh-$mode")"
	if command -v python3 >/dev/null; then
		gate "$mode" "py-$mode" python3 -c "$PY"
		assert_eq "innocent $mode: python3 threads + subprocesses: status, output, no violation" \
			"0 0 py-ok" "$(sums "py-$mode")"
	fi
	gate "$mode" "spawn-$mode" "$R" spawn
	assert_eq "innocent $mode: posix_spawn" "0 0 spawn posix_spawn(/bin/true) ok exit0" \
		"$(sums "spawn-$mode")"
	gate "$mode" "files-$mode" "$R" unshare-files
	assert_eq "innocent $mode: unshare(CLONE_FILES|CLONE_FS|CLONE_SYSVSEM) runs, no violation" \
		"0 0 unshare-files unshare(CLONE_FILES|CLONE_FS|CLONE_SYSVSEM) ok same" \
		"$(sums "files-$mode")"
	gate "$mode" "threads-$mode" "$PROGS/threads" 16
	assert_eq "innocent $mode: threads 16: status 0, no violation, no other message" "0 0 0" \
		"$(rc_of "threads-$mode") $(nviol "threads-$mode") $(grep -vc '^ctrace: namespace' \
		"$WORK/threads-$mode.err")"
done

# ---- the clone3 race ------------------------------------------------------
gate deny race-deny "$R" race 200
check "race deny: 200 clone3 calls, all ENOSYS, no child ever" \
	file_has "$WORK/race-deny.out" "race calls 200 ok 0 enosys 200 other 0 created 0"
# ctrace reports those whose flags it read as CLONE_NEWUTS at the entry stop:
# any number from 0 to 200, all refused.
rd=$(nviol race-deny)
check "race deny: every report says denied, exit 3 exactly when any" \
	test "$(nviol race-deny ") clone3(CLONE_NEWUTS) denied")" = "$rd" -a \
	"$(rc_of race-deny)" = "$([ "$rd" -gt 0 ] && echo 3 || echo 0)"
gate audit race-audit "$R" race 200
created=$(sed -n 's/^race calls 200 ok 200 enosys 0 other 0 created \([0-9]*\)$/\1/p' \
	"$WORK/race-audit.out")
ra=$(nviol race-audit)
echo "race: deny reported $rd of 200 refused clone3 calls; audit: $created children born" \
	"in a new UTS namespace, $ra reported"
check "race audit: 200 clone3 calls ran, some children in a new UTS namespace" \
	test -n "$created" -a "${created:-0}" -gt 0
assert_eq "race audit: every created namespace reported, nothing else" "$created $created" \
	"$ra $(nviol race-audit ") clone3(CLONE_NEWUTS) allowed")"

echo "time: $((SECONDS - t0)) s"
finish
