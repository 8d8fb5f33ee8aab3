#!/bin/bash
# Smoke test of the QEMU real-kernel infrastructure (tests/qemu/): boots the
# Debian x86_64 kernel with an i386 + x86_64 userland and the Debian arm64
# kernel with an aarch64 one, and checks inside them that
#   (a) a 32-bit program runs on the x86 guest, and a 64-bit program's
#       int $0x80 getpid works there,
#   (b) an aarch64 program runs on the aarch64 guest,
#   (c) the static ctrace of each architecture starts and prints its version.
#
# Slow and needs root for apt: only with CTRACE_QEMU_TESTS=1, else exit 77 (skip).
#   CTRACE_QEMU_CHECK_CTRACE=1|0|auto  step (c); auto (default): on when the
#                                      host's $CTRACE -V works
#   CTRACE_QEMU_WORK                   work directory (default: next to $CTRACE)
# Env from CTest: CTRACE, PROGS, TESTS_DIR.
set -euo pipefail

if [ "${CTRACE_QEMU_TESTS:-0}" != 1 ]; then
	echo "skipped: set CTRACE_QEMU_TESTS=1"
	exit 77
fi

QEMU_DIR=$(cd "${TESTS_DIR:-$(dirname "$0")/..}/qemu" && pwd)
. "$QEMU_DIR/lib.sh"   # block
WORK=${CTRACE_QEMU_WORK:-$(dirname "${CTRACE:-/tmp/x}")/qemu-smoke}
mkdir -p "$WORK"
failures=0
t0=$SECONDS

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

phase() {
	echo "--- $* (t=$((SECONDS - t0))s)"
}

# expect LOG NAME REGEX: NAME ran with rc=0 and printed a line matching REGEX
expect() {
	local log=$1 name=$2 re=$3
	if ! grep -q "^=== END $name rc=0 ===\$" "$log"; then
		fail "$name: no '=== END $name rc=0 ===' in $log: $(grep "^=== END $name " "$log" || echo 'never ran')"
		block "$log" "$name" | head -n 20 | sed 's/^/    /' >&2
		return
	fi
	if ! block "$log" "$name" | grep -Eq -- "$re"; then
		fail "$name: output does not match /$re/:"
		block "$log" "$name" | head -n 20 | sed 's/^/    /' >&2
		return
	fi
	echo "ok: $name: $(block "$log" "$name" | grep -E -m1 -- "$re")"
}

check_ctrace=${CTRACE_QEMU_CHECK_CTRACE:-auto}
host_version=
if [ "$check_ctrace" = auto ]; then
	if [ -n "${CTRACE:-}" ] && host_version=$("$CTRACE" -V 2>&1 | head -n1) &&
	   "$CTRACE" -V >/dev/null 2>&1; then
		check_ctrace=1
	else
		check_ctrace=0
		echo "note: step (c) off: the host ctrace -V does not work yet" \
		     "(CTRACE_QEMU_CHECK_CTRACE=1 forces it)"
	fi
elif [ "$check_ctrace" = 1 ] && [ -n "${CTRACE:-}" ]; then
	host_version=$("$CTRACE" -V 2>&1 | head -n1 || true)
fi
# the guest's first line of ctrace -V: the host's, or at least something with "ctrace"
version_re=ctrace
if [ -n "$host_version" ]; then
	version_re="^$(printf '%s' "$host_version" | sed 's/[][\.*^$+?(){}|/]/\\&/g')\$"
fi

phase setup
bash "$QEMU_DIR/setup.sh" >/dev/null

for arch in i386 x86_64 aarch64; do
	phase "build guest tools: $arch"
	bash "$QEMU_DIR/build-guest-tools.sh" "$arch" "$WORK/$arch-root" "$WORK/$arch-build"
	if [ "$check_ctrace" = 1 ] && [ ! -x "$WORK/$arch-root/bin/ctrace" ]; then
		fail "no static ctrace for $arch (see $WORK/$arch-build/ctrace-build.log)"
	fi
done

# The static builds have no libunwind: -k must be refused, never ignored.  The
# x86_64 one is a static x86_64 executable, so this is checked on the host.
k_bin=$WORK/x86_64-root/bin/ctrace
if [ "$check_ctrace" = 1 ] && [ -x "$k_bin" ] && [ "$(uname -m)" = x86_64 ]; then
	k_rc=0
	k_err=$("$k_bin" -k true 2>&1 >/dev/null) || k_rc=$?
	if [ "$k_rc" -ne 0 ] && [[ $k_err == *"built without libunwind"* ]]; then
		echo "ok: static ctrace refuses -k: $k_err"
	else
		fail "static ctrace -k: exit $k_rc, stderr [$k_err]"
	fi
fi

# x86 guest: i386 userland in /bin and /progs, x86_64 one as ctrace64 and /progs64
X86=$WORK/x86-guest
rm -rf "$X86"
mkdir -p "$X86/bin" "$X86/progs" "$X86/progs64" "$X86/tests"
cp -a "$WORK/i386-root/init" "$X86/init"
cp -a "$WORK/i386-root/progs/." "$X86/progs/"
cp -a "$WORK/x86_64-root/progs/." "$X86/progs64/"
[ -x "$WORK/i386-root/bin/ctrace" ] && cp -a "$WORK/i386-root/bin/ctrace" "$X86/bin/ctrace"
[ -x "$WORK/x86_64-root/bin/ctrace" ] && cp -a "$WORK/x86_64-root/bin/ctrace" "$X86/bin/ctrace64"
{
	echo "hello32: /progs/hello_arch"
	echo "hello64: /progs64/hello_arch"
	echo "int80_32: /progs/int80_getpid"
	echo "int80_64: /progs64/int80_getpid"
	if [ "$check_ctrace" = 1 ]; then
		echo "version32: /bin/ctrace -V"
		echo "version64: /bin/ctrace64 -V"
	fi
} >"$X86/tests/commands"

A64=$WORK/aarch64-guest
rm -rf "$A64"
mkdir -p "$A64/tests"
cp -a "$WORK/aarch64-root/." "$A64/"
{
	echo "hello64: /progs/hello_arch"
	if [ "$check_ctrace" = 1 ]; then
		echo "version: /bin/ctrace -V"
	fi
} >"$A64/tests/commands"

phase "boot x86 guest"
if bash "$QEMU_DIR/run-guest.sh" i386 "$X86" "$WORK/x86-guest.log"; then
	L=$WORK/x86-guest.log
	expect "$L" hello32 'hello_arch: compiled=i386 long=4 kernel=x86_64 '
	expect "$L" hello64 'hello_arch: compiled=x86_64 long=8 kernel=x86_64 '
	expect "$L" int80_32 'int80_getpid: ok mode=32 '
	expect "$L" int80_64 'int80_getpid: ok mode=64 '
	if [ "$check_ctrace" = 1 ]; then
		expect "$L" version32 "$version_re"
		expect "$L" version64 "$version_re"
	fi
else
	fail "x86 guest did not finish"
fi

phase "boot aarch64 guest"
if bash "$QEMU_DIR/run-guest.sh" aarch64 "$A64" "$WORK/aarch64-guest.log"; then
	L=$WORK/aarch64-guest.log
	expect "$L" hello64 'hello_arch: compiled=aarch64 long=8 kernel=aarch64 '
	if [ "$check_ctrace" = 1 ]; then
		expect "$L" version "$version_re"
	fi
else
	fail "aarch64 guest did not finish"
fi

phase "done, $failures failure(s)"
[ "$failures" = 0 ]
