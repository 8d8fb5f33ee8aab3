#!/bin/bash
# --deny=namespaces / --audit=namespaces (src/ns_gate.c, src/ns_audit.c): every
# kind of namespace attempt from the main thread, a thread and a grandchild
# (tests/progs/ns_attempts), and a program that makes none (ns_innocent).
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: namespaces need root" >&2
	exit 77
fi
ATT=$PROGS/ns_attempts
INN=$PROGS/ns_innocent
WHERES="main thread grandchild"
CALLS="clone(CLONE_NEWUTS) clone3(CLONE_NEWNET) unshare(CLONE_NEWNS) unshare(CLONE_NEWTIME) setns(CLONE_NEWUTS)"

"$CTRACE" --deny=namespaces /bin/true 2>"$WORK/probe.err"
if grep -q "built without libseccomp" "$WORK/probe.err"; then
	echo "SKIP: ctrace built without libseccomp" >&2
	exit 77
fi

json_ok() {   # every line of $1 is a JSON object
	local line
	while IFS= read -r line; do
		printf '%s\n' "$line" | python3 -m json.tool >/dev/null || return 1
	done <"$1"
}

# ---- deny -----------------------------------------------------------------
"$CTRACE" --deny=namespaces --report="$WORK/deny.jsonl" "$ATT" >"$WORK/deny.out" 2>"$WORK/deny.err"
check "deny: exit status 3 though PROG exits 0" test $? = 3
for w in $WHERES; do
	check "deny: $w clone refused" file_has "$WORK/deny.out" "$w clone(CLONE_NEWUTS) EPERM"
	check "deny: $w clone3 refused with ENOSYS" file_has "$WORK/deny.out" "$w clone3(CLONE_NEWNET) ENOSYS"
	check "deny: $w unshare(NEWNS) refused, mnt unchanged" \
		file_has "$WORK/deny.out" "$w unshare(CLONE_NEWNS) EPERM same"
	check "deny: $w unshare(NEWTIME) refused, time_for_children unchanged" \
		file_has "$WORK/deny.out" "$w unshare(CLONE_NEWTIME) EPERM same"
	check "deny: $w setns refused" file_has "$WORK/deny.out" "$w setns(CLONE_NEWUTS) EPERM same"
done
assert_not_contains "deny: no child was ever created in a new namespace" "$WORK/deny.out" "clone-child"
check "deny: 15 violation lines on stderr" \
	test "$(grep -c '^ctrace: namespace violation: pid [0-9]* (.*/ns_attempts) .* denied$' "$WORK/deny.err")" = 15
for c in $CALLS; do
	check "deny: $c reported 3 times" \
		test "$(grep -cF ") $c denied" "$WORK/deny.err")" = 3
done
check "deny: no trace printed (quiet gate)" \
	test "$(grep -vc '^ctrace: namespace violation' "$WORK/deny.err")" = 0
check "deny: 15 JSON lines" test "$(wc -l <"$WORK/deny.jsonl")" = 15
check "deny: JSON parses" json_ok "$WORK/deny.jsonl"
check "deny: JSON fields" python3 -c '
import json, sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    assert o["verdict"] == "denied" and o["how"] == "seccomp", o
    assert o["exe"].endswith("/ns_attempts") and o["pid"] > 0, o
    assert o["syscall"] in ("clone", "clone3", "unshare", "setns"), o
    assert len(o["flags"]) == 1 and o["flags"][0].startswith("CLONE_NEW"), o
    assert isinstance(o["raw_flags"], int), o
' "$WORK/deny.jsonl"

# With -e trace=, the trace is printed as usual, and the refusal shows in it.
"$CTRACE" --deny=namespaces -e trace=unshare /usr/bin/unshare -u /bin/true >/dev/null 2>"$WORK/deny-trace.err"
check "deny -e trace=: exit 3" test $? = 3
check "deny -e trace=: the call is in the trace" \
	file_has "$WORK/deny-trace.err" "unshare(CLONE_NEWUTS)                   = -1 EPERM (Operation not permitted)"
check "deny -e trace=: and reported" \
	file_has "$WORK/deny-trace.err" "(/usr/bin/unshare) unshare(CLONE_NEWUTS) denied"

# Untraced descendants (CLONE_UNTRACED is not reachable from a shell, but a
# daemon that double-forks is) keep the filter: checked through the kernel.
"$CTRACE" --deny=namespaces /bin/sh -c '(/bin/sh -c "grep ^Seccomp: /proc/self/status" &) ; sleep 0.2' \
	>"$WORK/deny-daemon.out" 2>/dev/null
check "deny: a double-forked grandchild runs under the filter" \
	file_has "$WORK/deny-daemon.out" "Seccomp:	2"

# ---- audit ----------------------------------------------------------------
"$CTRACE" --audit=namespaces --report="$WORK/audit.jsonl" "$ATT" >"$WORK/audit.out" 2>"$WORK/audit.err"
check "audit: exit status 3" test $? = 3
for w in $WHERES; do
	check "audit: $w clone ran" file_has "$WORK/audit.out" "$w clone(CLONE_NEWUTS) ok"
	check "audit: $w clone3 ran" file_has "$WORK/audit.out" "$w clone3(CLONE_NEWNET) ok"
	check "audit: $w unshare(NEWNS) ran" file_has "$WORK/audit.out" "$w unshare(CLONE_NEWNS) ok changed"
	check "audit: $w unshare(NEWTIME) ran" \
		file_has "$WORK/audit.out" "$w unshare(CLONE_NEWTIME) ok changed"
	check "audit: $w child setns ran" \
		file_has "$WORK/audit.out" "$w child-setns(CLONE_NEWUTS) ok changed"
done
for c in unshare\(CLONE_NEWNS\) unshare\(CLONE_NEWTIME\) setns\(CLONE_NEWUTS\); do
	check "audit: $c reported allowed 3 times" \
		test "$(grep -cF ") $c allowed" "$WORK/audit.err")" = 3
done
# Each clone child is compared at its parent's fork event while it is held at
# its first stop, so none is missed however soon it exits (it used to be,
# about 1 run in 10, when the child ran before the parent's event was seen).
for c in clone\(CLONE_NEWUTS\) clone3\(CLONE_NEWNET\); do
	check "audit: $c reported allowed 3 times" \
		test "$(grep -cF ") $c allowed" "$WORK/audit.err")" = 3
done
# setns into the namespace one is already in changes nothing: not reported.
check "audit: 15 violations" \
	test "$(grep -c '^ctrace: namespace violation' "$WORK/audit.err")" = 15
check "audit: JSON parses" json_ok "$WORK/audit.jsonl"
check "audit: JSON says allowed, ns-inode" python3 -c '
import json, sys
n = 0
for l in open(sys.argv[1]):
    o = json.loads(l); n += 1
    assert o["verdict"] == "allowed" and o["how"] == "ns-inode", o
assert n == 15, n
' "$WORK/audit.jsonl"

# ---- innocent -------------------------------------------------------------
for mode in deny audit; do
	"$CTRACE" --$mode=namespaces --report="$WORK/inn-$mode.jsonl" "$INN" \
		>"$WORK/inn-$mode.out" 2>"$WORK/inn-$mode.err"
	check "innocent $mode: PROG's status passes through" test $? = 7
	assert_eq "innocent $mode: stdout untouched" "$(cat "$WORK/inn-$mode.out")" "innocent stdout"
	assert_eq "innocent $mode: stderr untouched" "$(cat "$WORK/inn-$mode.err")" "innocent stderr"
	check "innocent $mode: empty report" test ! -s "$WORK/inn-$mode.jsonl"
done

# ---- usage ----------------------------------------------------------------
"$CTRACE" --deny=namespaces -p 1 2>"$WORK/usage.err"
check "deny -p: refused (exit 1)" test $? = 1
check "deny -p: says why" file_has "$WORK/usage.err" "cannot apply to -p PID"
"$CTRACE" --deny=files /bin/true 2>/dev/null
check "deny=files: usage error" test $? = 1
"$CTRACE" --report="$WORK/x" /bin/true 2>/dev/null
check "--report alone: usage error" test $? = 1

finish
