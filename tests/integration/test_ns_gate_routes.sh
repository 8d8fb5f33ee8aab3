#!/bin/bash
# The namespace gate on the less obvious routes (tests/progs/ns_routes), on the
# host (the i386 and aarch64 routes are in test_qemu_gate.sh):
#   - a CLONE_UNTRACED child: ctrace never sees it, but --deny's seccomp
#     filter is inherited: its unshare fails all the same (silently);
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
gate deny untraced-deny "$R" untraced
check "untraced deny: the unseen child's unshare fails with EPERM, uts unchanged" \
	file_has "$WORK/untraced-deny.out" "untraced unshare(CLONE_NEWUTS) EPERM same"
# Silently: ctrace cannot see it (man page, "Limits").
assert_eq "untraced deny: no violation line (ctrace does not see the child)" \
	"0 0" "$(nviol untraced-deny) $(rc_of untraced-deny)"
gate audit untraced-audit "$R" untraced
echo "note: audit on the CLONE_UNTRACED child (a documented limit):" \
	"$(cat "$WORK/untraced-audit.out"), $(nviol untraced-audit) violation(s)"

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
