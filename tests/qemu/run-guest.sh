#!/bin/bash
# run-guest.sh ARCH DIR [LOG]
#
# Boots a real kernel for ARCH (i386, x86_64 or aarch64) under QEMU (TCG) with
# DIR as its initramfs and captures the serial console into LOG (default
# DIR.log).  DIR is the guest's root: it holds tests/commands (see init.c) and
# the static binaries they run; DIR/init is used if present, else init.c is
# built.  i386 guests boot the x86_64 kernel and use its IA-32 emulation.
#
# Exit status: 0 when the guest printed "=== CTRACE-GUEST DONE", else 1.
# QEMU's own status says nothing (it exits 0 after a guest panic too): the
# caller checks the BEGIN/END markers of the commands it cares about.
#
#   CTRACE_QEMU_TIMEOUT      wall-clock limit for the whole boot, seconds (300)
#   CTRACE_QEMU_CMD_TIMEOUT  limit per command inside the guest, seconds (120)
#   CTRACE_QEMU_VERBOSE=1    also copy the console to stdout while it runs
#   CTRACE_QEMU_SMP, CTRACE_QEMU_MEM   -smp and -m (2, 512)
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -lt 2 ]; then
	echo "usage: $0 ARCH DIR [LOG]" >&2
	exit 1
fi
ARCH=$1
DIR=${2%/}
LOG=${3:-$DIR.log}
KARCH=$(kernel_arch "$ARCH")

case $KARCH in
x86_64)
	KERNEL=$CACHE/vmlinuz-amd64
	QEMU=(qemu-system-x86_64 -M pc -cpu max)
	CONSOLE=ttyS0
	;;
aarch64)
	KERNEL=$CACHE/vmlinuz-arm64
	# -cpu max is 4-5x slower under TCG
	QEMU=(qemu-system-aarch64 -M virt -cpu cortex-a57)
	CONSOLE=ttyAMA0
	;;
esac
if [ ! -s "$KERNEL" ]; then
	echo "run-guest: no kernel $KERNEL: run tests/qemu/setup.sh first" >&2
	exit 1
fi
if [ ! -d "$DIR" ]; then
	echo "run-guest: no directory $DIR" >&2
	exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ctrace-qemu.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The initramfs is two concatenated cpio archives (the kernel unpacks them in
# order): /init first, then DIR, so that a DIR/init wins.
INIT=$CACHE/init-$KARCH
[ -x "$DIR/init" ] || build_init "$ARCH" "$INIT"
{
	if [ ! -x "$DIR/init" ]; then
		mkdir -p "$WORK/base"
		cp "$INIT" "$WORK/base/init"
		(cd "$WORK/base" && echo init | cpio -o -H newc -R 0:0 --quiet | gzip -1)
	fi
	(cd "$DIR" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1)
} >"$WORK/initrd.gz"

APPEND="console=$CONSOLE panic=-1 quiet rdinit=/init ctrace_timeout=${CTRACE_QEMU_CMD_TIMEOUT:-120}"
start=$(date +%s.%N)
set +e
timeout -k 10 "${CTRACE_QEMU_TIMEOUT:-300}" "${QEMU[@]}" \
	-smp "${CTRACE_QEMU_SMP:-2}" -m "${CTRACE_QEMU_MEM:-512}" \
	-nographic -no-reboot -nic none \
	-kernel "$KERNEL" -initrd "$WORK/initrd.gz" -append "$APPEND" \
	</dev/null 2>&1 | sed -u 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1bc//g; s/\r//g' |
	if [ "${CTRACE_QEMU_VERBOSE:-0}" = 1 ]; then tee "$LOG"; else cat >"$LOG"; fi
qemu_rc=${PIPESTATUS[0]}
set -e
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

if done_line=$(grep -m1 '^=== CTRACE-GUEST DONE' "$LOG"); then
	done_line=${done_line#=== CTRACE-GUEST }
	echo "run-guest[$ARCH]: ${done_line% ===} (${secs}s, log $LOG)"
	exit 0
fi
if [ "$qemu_rc" = 124 ] || [ "$qemu_rc" = 137 ]; then
	why="timed out after ${CTRACE_QEMU_TIMEOUT:-300}s"
else
	why="qemu exit status $qemu_rc"
fi
echo "run-guest[$ARCH]: FAILED: no final marker ($why, ${secs}s); end of $LOG:" >&2
tail -n 30 "$LOG" | sed 's/^/    /' >&2
exit 1
