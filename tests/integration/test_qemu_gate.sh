#!/bin/bash
# The namespace gate on the routes the host may not run (QEMU guests, see
# tests/qemu/README.md): --deny=namespaces and --audit=namespaces of static
# ctraces linked with Debian's libseccomp.a for their arch (as
# build-guest-tools.sh builds them) on
#
#   x86 guest (x86_64 kernel, IA-32 emulation on)
#     i386    tests/progs/ns_attempts built for i386: clone 120, clone3 435,
#             unshare 310, setns 346, from main thread, a thread, a grandchild,
#             under the x86_64 ctrace and (c32) under an i386 ctrace
#     int80   tests/qemu/progs/ns_int80: a 64-bit program making the same
#             attempts through int $0x80 (the i386 table)
#   aarch64 guest, aarch64 ctrace on
#     aarch64 tests/progs/ns_attempts built for aarch64
#   and, on each, CLONE_UNTRACED children (tests/progs/ns_routes untraced-tree,
#   clone3-untraced, untraced-int80): the flag register rewritten through each
#   ABI's register (ebx, x0), clone3's untraced child reported and seized.
#
# Each program reports what became of each attempt and compares /proc/self/ns
# inodes before and after (its children's against its own), so "nothing was
# created" is checked by effect.  Asserted: deny exits 3, every attempt fails
# (EPERM; clone3 ENOSYS), nothing changes, no child is born, one violation line
# per attempt; audit exits 3, every attempt succeeds and each created or
# entered namespace is reported once.  A plain run (no ctrace) of each program
# shows that the guest can create namespaces at all.
#
# libseccomp-dev:i386 and :arm64 come from tests/qemu/setup.sh.
# Slow and needs root: only with CTRACE_QEMU_TESTS=1, else 77.
#   CTRACE_QEMU_WORK   work directory (default: qemu-gate next to $CTRACE)
# Env from CTest: CTRACE, PROGS, TESTS_DIR.
set -euo pipefail

if [ "${CTRACE_QEMU_TESTS:-0}" != 1 ]; then
	echo "skipped: set CTRACE_QEMU_TESTS=1"
	exit 77
fi

TESTS=$(cd "${TESTS_DIR:-$(dirname "$0")/..}" && pwd)
QEMU_DIR=$TESTS/qemu
. "$QEMU_DIR/lib.sh"
WORK=${CTRACE_QEMU_WORK:-$(dirname "${CTRACE:-/tmp/x}")/qemu-gate}
export CTRACE_QEMU_CMD_TIMEOUT=${CTRACE_QEMU_CMD_TIMEOUT:-60}
mkdir -p "$WORK"
failures=0
checks=0
t0=$SECONDS

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

phase() {
	echo "--- $* (t=$((SECONDS - t0))s)"
}

# gate_ctrace ARCH OUT: a static ctrace for ARCH with libseccomp (Debian's
# libseccomp.a for ARCH, from setup.sh), as build-guest-tools.sh builds it; or 1
gate_ctrace() {
	local arch=$1 out=$2 b=$WORK/$1-gate-build args=()
	args=(-S "$REPO_DIR" -B "$b" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCTRACE_TESTS=OFF
		-DCTRACE_WITH_LIBUNWIND=OFF -DCTRACE_STATIC=ON -DCTRACE_SANITIZE=OFF)
	if [ "$arch" != x86_64 ]; then
		args+=(-DCMAKE_TOOLCHAIN_FILE="$REPO_DIR/cmake/toolchain-$arch.cmake")
	fi
	if ! { cmake "${args[@]}" && cmake --build "$b" -j"$(nproc)" --target ctrace; } \
		>"$b.log" 2>&1; then
		echo "ctrace with libseccomp did not build for $arch:" >&2
		grep -v '^[[:space:]]*$' "$b.log" | tail -n 12 | sed 's/^/    /' >&2
		return 1
	fi
	if ! grep -q 'CTRACE_HAVE_SECCOMP=1' "$b/CMakeFiles/ctrace_core.dir/flags.make"; then
		echo "ctrace for $arch was configured without libseccomp:" >&2
		grep -i seccomp "$b.log" | sed 's/^/    /' >&2
		return 1
	fi
	cp "$b/ctrace" "$out"
}

# ---- builds -----------------------------------------------------------------
phase setup
bash "$QEMU_DIR/setup.sh" >/dev/null
# Only the programs and /init this test needs, as build-guest-tools.sh builds
# them (its ctrace, without libseccomp, would be a third ctrace build here).
# guest_prog ARCH SRC: WORK/ARCH-root/progs/NAME, rebuilt when SRC is newer
guest_prog() {
	local arch=$1 src=$2 out
	out=$WORK/$1-root/progs/$(basename "$2" .c)
	mkdir -p "$(dirname "$out")"
	[ -x "$out" ] && [ "$out" -nt "$src" ] && return 0
	# shellcheck disable=SC2046
	$(cc_for "$arch") -static -O2 -g -D_GNU_SOURCE -I"$REPO_DIR/include" -pthread \
		-o "$out" "$src" || fail "$arch: $src did not build"
}
phase "build guest programs"
for arch in i386 x86_64 aarch64; do
	build_init "$arch" "$WORK/$arch-root/init" || fail "$arch: /init did not build"
	guest_prog "$arch" "$QEMU_DIR/progs/catfile.c"
done
guest_prog i386 "$TESTS/progs/ns_attempts.c"
guest_prog aarch64 "$TESTS/progs/ns_attempts.c"
guest_prog x86_64 "$QEMU_DIR/progs/ns_int80.c"
for arch in i386 x86_64 aarch64; do
	guest_prog "$arch" "$TESTS/progs/ns_routes.c"
done
phase "ctrace with libseccomp: x86_64, i386, aarch64"
gate_ctrace x86_64 "$WORK/ctrace64-gate" || fail "x86_64 ctrace with libseccomp"
gate_ctrace i386 "$WORK/ctrace32-gate" || fail "i386 ctrace with libseccomp"
gate_ctrace aarch64 "$WORK/ctrace-a64-gate" || fail "aarch64 ctrace with libseccomp"
[ "$failures" = 0 ] || { phase "done, $failures failure(s)"; exit 1; }

# commands TAG CTRACE PROG: the guest commands for one program, gated both ways
commands() {
	local tag=$1 ctrace=$2 prog=$3
	echo "$tag.plain: $prog"
	echo "$tag.deny: $ctrace --deny=namespaces --report=/tmp/$tag.deny.jsonl $prog"
	echo "$tag.deny.json: /bin/catfile /tmp/$tag.deny.jsonl"
	echo "$tag.audit: $ctrace --audit=namespaces --report=/tmp/$tag.audit.jsonl $prog"
	echo "$tag.audit.json: /bin/catfile /tmp/$tag.audit.jsonl"
}

# untraced_commands TAG CTRACE PROG: CLONE_UNTRACED children (tests/progs/ns_routes)
untraced_commands() {
	local tag=$1 ctrace=$2 prog=$3
	echo "$tag.tree.deny: $ctrace --deny=namespaces $prog untraced-tree"
	echo "$tag.tree.audit: $ctrace --audit=namespaces $prog untraced-tree"
	echo "$tag.c3.audit: $ctrace --audit=namespaces $prog clone3-untraced"
}

X86=$WORK/x86-guest
rm -rf "$X86"
mkdir -p "$X86/bin" "$X86/progs" "$X86/progs64" "$X86/tests"
cp -a "$WORK/i386-root/init" "$X86/init"
cp -a "$WORK/i386-root/progs/ns_attempts" "$WORK/i386-root/progs/ns_routes" "$X86/progs/"
cp -a "$WORK/x86_64-root/progs/ns_int80" "$WORK/x86_64-root/progs/ns_routes" "$X86/progs64/"
cp -a "$WORK/ctrace64-gate" "$X86/bin/ctrace64"
cp -a "$WORK/ctrace32-gate" "$X86/bin/ctrace32"
cp -a "$WORK/i386-root/progs/catfile" "$X86/bin/catfile"
{
	commands i386 /bin/ctrace64 /progs/ns_attempts
	commands int80 /bin/ctrace64 /progs64/ns_int80
	commands c32 /bin/ctrace32 /progs/ns_attempts
	untraced_commands ut-i386 /bin/ctrace64 /progs/ns_routes
	untraced_commands ut-c32 /bin/ctrace32 /progs/ns_routes
	echo "ut-int80.deny: /bin/ctrace64 --deny=namespaces /progs64/ns_routes untraced-int80"
	echo "ut-int80.audit: /bin/ctrace64 --audit=namespaces /progs64/ns_routes untraced-int80"
} >"$X86/tests/commands"

A64=$WORK/aarch64-guest
rm -rf "$A64"
mkdir -p "$A64/bin" "$A64/progs" "$A64/tests"
cp -a "$WORK/aarch64-root/init" "$A64/init"
cp -a "$WORK/aarch64-root/progs/ns_attempts" "$WORK/aarch64-root/progs/ns_routes" "$A64/progs/"
cp -a "$WORK/ctrace-a64-gate" "$A64/bin/ctrace"
cp -a "$WORK/aarch64-root/progs/catfile" "$A64/bin/catfile"
{
	commands aarch64 /bin/ctrace /progs/ns_attempts
	untraced_commands ut-aarch64 /bin/ctrace /progs/ns_routes
} >"$A64/tests/commands"

# ---- checks -----------------------------------------------------------------
CALLS="clone(CLONE_NEWUTS) clone3(CLONE_NEWNET) unshare(CLONE_NEWNS) unshare(CLONE_NEWTIME)"

# expect TAG WHAT TEST...: one check
expect() {
	local tag=$1 what=$2
	shift 2
	checks=$((checks + 1))
	if "$@"; then
		echo "ok:   $tag: $what"
	else
		fail "$tag: $what"
	fi
}

has() { grep -qxF -- "$2" "$1"; }
count() { grep -cF -- "$2" "$1" || true; }

# judge LOG TAG PROG WHERE...: the plain, deny and audit runs of one program
judge() {
	local log=$1 tag=$2 prog=$3 w c d=$WORK/out
	shift 3
	local n=$#
	mkdir -p "$d"
	for m in plain deny audit; do
		block "$log" "$tag.$m" >"$d/$tag.$m"
	done
	block "$log" "$tag.deny.json" >"$d/$tag.deny.jsonl"
	block "$log" "$tag.audit.json" >"$d/$tag.audit.jsonl"
	local P=$d/$tag.plain D=$d/$tag.deny A=$d/$tag.audit
	# plain: the guest really can create namespaces (else audit proves nothing)
	# (6 " ok" per WHERE: setns into its own namespace succeeds too, "same")
	expect "$tag" "plain run: exit 0, every attempt succeeded, children in new namespaces" \
		test "$(end_rc "$log" "$tag.plain") $(count "$P" ' ok')
$(awk '$2 == "clone-child" && $4 != $5' "$P" | wc -l)" = "rc=0 $((6 * n))
$((2 * n))"

	expect "$tag" "deny: exit 3" test "$(end_rc "$log" "$tag.deny")" = rc=3
	for w in "$@"; do
		expect "$tag" "deny: $w clone refused, EPERM" has "$D" "$w clone(CLONE_NEWUTS) EPERM"
		expect "$tag" "deny: $w clone3 refused, ENOSYS" has "$D" "$w clone3(CLONE_NEWNET) ENOSYS"
		for c in "unshare(CLONE_NEWNS)" "unshare(CLONE_NEWTIME)" "setns(CLONE_NEWUTS)"; do
			expect "$tag" "deny: $w $c refused, EPERM, namespace unchanged" \
				has "$D" "$w $c EPERM same"
		done
	done
	expect "$tag" "deny: no child born (no clone-child line), nothing succeeded" \
		test "$(count "$D" clone-child) $(grep -Ec ' ok( |$)' "$D" || true)" = "0 0"
	local viol="^ctrace: namespace violation: pid [0-9]+ \($prog\) .*"
	expect "$tag" "deny: $((5 * n)) violation lines, all denied" test \
		"$(grep -Ec "$viol denied$" "$D" || true) $(count "$D" "namespace violation")" = \
		"$((5 * n)) $((5 * n))"
	for c in $CALLS "setns(CLONE_NEWUTS)"; do
		expect "$tag" "deny: $c reported $n time(s)" test "$(count "$D" ") $c denied")" = "$n"
	done
	expect "$tag" "deny: $((5 * n)) JSON lines, denied by seccomp" python3 -c '
import json, sys
ls = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert len(ls) == int(sys.argv[2]), len(ls)
for o in ls:
    assert o["verdict"] == "denied" and o["how"] == "seccomp", o
' "$d/$tag.deny.jsonl" "$((5 * n))"

	expect "$tag" "audit: exit 3" test "$(end_rc "$log" "$tag.audit")" = rc=3
	for w in "$@"; do
		expect "$tag" "audit: $w clone ran" has "$A" "$w clone(CLONE_NEWUTS) ok"
		expect "$tag" "audit: $w clone3 ran" has "$A" "$w clone3(CLONE_NEWNET) ok"
		for c in "unshare(CLONE_NEWNS)" "unshare(CLONE_NEWTIME)" "child-setns(CLONE_NEWUTS)"; do
			expect "$tag" "audit: $w $c ran and changed a namespace" has "$A" "$w $c ok changed"
		done
	done
	expect "$tag" "audit: every clone child was born in a new namespace" test \
		"$(awk '$2 == "clone-child" && $4 != $5' "$A" | wc -l)" = "$((2 * n))"
	expect "$tag" "audit: $((5 * n)) violation lines, all allowed" test \
		"$(grep -Ec "$viol allowed$" "$A" || true) $(count "$A" "namespace violation")" = \
		"$((5 * n)) $((5 * n))"
	for c in $CALLS "setns(CLONE_NEWUTS)"; do
		expect "$tag" "audit: $c reported $n time(s)" test "$(count "$A" ") $c allowed")" = "$n"
	done
	expect "$tag" "audit: $((5 * n)) JSON lines, seen by ns-inode" python3 -c '
import json, sys
ls = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert len(ls) == int(sys.argv[2]), len(ls)
for o in ls:
    assert o["verdict"] == "allowed" and o["how"] == "ns-inode", o
' "$d/$tag.audit.jsonl" "$((5 * n))"
	echo "    $tag: deny $(count "$D" "namespace violation") violation(s)," \
		"audit $(count "$A" "namespace violation")"
}

# judge_untraced LOG TAG: a CLONE_UNTRACED child and grandchild that unshare
# (deny: both refused and reported; audit: both created and reported), and a
# clone3(CLONE_UNTRACED) child (audit: "untraced", then seized: its unshare
# is reported too)
judge_untraced() {
	local log=$1 tag=$2 d=$WORK/out m
	mkdir -p "$d"
	for m in tree.deny tree.audit c3.audit; do
		block "$log" "$tag.$m" >"$d/$tag.$m"
	done
	local D=$d/$tag.tree.deny A=$d/$tag.tree.audit C=$d/$tag.c3.audit
	local u="unshare(CLONE_NEWUSER|CLONE_NEWNS)"
	expect "$tag" "untraced tree deny: exit 3, CLONE_UNTRACED cleared twice" test \
		"$(end_rc "$log" "$tag.tree.deny") $(count "$D" "CLONE_UNTRACED cleared")" = "rc=3 2"
	expect "$tag" "untraced tree deny: child and grandchild refused, nothing changed" test \
		"$(count "$D" "child $u EPERM same")" = 2
	expect "$tag" "untraced tree deny: both reported denied" test \
		"$(count "$D" ") unshare(CLONE_NEWNS|CLONE_NEWUSER) denied")" = 2
	expect "$tag" "untraced tree audit: exit 3, both created new user+mnt namespaces" test \
		"$(end_rc "$log" "$tag.tree.audit") $(count "$A" "child $u ok changed")" = "rc=3 2"
	expect "$tag" "untraced tree audit: both reported allowed" test \
		"$(count "$A" ") unshare(CLONE_NEWNS|CLONE_NEWUSER) allowed")" = 2
	expect "$tag" "clone3 untraced audit: exit 3, untraced, the seized child's unshare seen" \
		test "$(end_rc "$log" "$tag.c3.audit") $(count "$C" ") clone3(0) untraced: created pid") \
$(count "$C" ") unshare(CLONE_NEWUTS) allowed")" = "rc=3 1 1"
}

phase "boot x86 guest"
if bash "$QEMU_DIR/run-guest.sh" i386 "$X86" "$WORK/x86-guest.log"; then
	judge "$WORK/x86-guest.log" i386 /progs/ns_attempts thread grandchild main
	judge "$WORK/x86-guest.log" int80 /progs64/ns_int80 main
	judge "$WORK/x86-guest.log" c32 /progs/ns_attempts thread grandchild main
	judge_untraced "$WORK/x86-guest.log" ut-i386
	judge_untraced "$WORK/x86-guest.log" ut-c32
	block "$WORK/x86-guest.log" ut-int80.deny >"$WORK/out/ut-int80.deny"
	block "$WORK/x86-guest.log" ut-int80.audit >"$WORK/out/ut-int80.audit"
	expect ut-int80 "int \$0x80 untraced child: deny refuses and reports its unshare" test \
		"$(end_rc "$WORK/x86-guest.log" ut-int80.deny) $(count "$WORK/out/ut-int80.deny" \
		") unshare(CLONE_NEWNS|CLONE_NEWUSER) denied")" = "rc=3 1"
	expect ut-int80 "int \$0x80 untraced child: audit sees its new namespaces" test \
		"$(end_rc "$WORK/x86-guest.log" ut-int80.audit) $(count "$WORK/out/ut-int80.audit" \
		") unshare(CLONE_NEWNS|CLONE_NEWUSER) allowed")" = "rc=3 1"
else
	fail "x86 guest did not finish"
fi

phase "boot aarch64 guest"
if bash "$QEMU_DIR/run-guest.sh" aarch64 "$A64" "$WORK/aarch64-guest.log"; then
	judge "$WORK/aarch64-guest.log" aarch64 /progs/ns_attempts thread grandchild main
	judge_untraced "$WORK/aarch64-guest.log" ut-aarch64
else
	fail "aarch64 guest did not finish"
fi

phase "done: $checks checks, $failures failure(s); outputs in $WORK/out"
[ "$failures" = 0 ]
