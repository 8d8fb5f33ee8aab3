# shellcheck shell=bash disable=SC2034
# Shared helpers of the QEMU test scripts (sourced, not run).

QEMU_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$QEMU_DIR/../.." && pwd)
CACHE=${CTRACE_QEMU_CACHE:-/var/cache/ctrace-qemu}

# cc_for ARCH: the compiler command line that makes static binaries for ARCH.
cc_for() {
	case $1 in
	x86_64) echo "gcc" ;;
	i386)
		# gcc-12-multilib lacks the /usr/include/asm link that gcc-multilib adds
		local inc=$CACHE/i386-include
		if [ ! -e "$inc/asm" ]; then
			mkdir -p "$inc"
			ln -sfn /usr/include/x86_64-linux-gnu/asm "$inc/asm"
		fi
		echo "gcc -m32 -idirafter $inc"
		;;
	aarch64) echo "clang --target=aarch64-linux-gnu" ;;
	*) echo "unknown architecture '$1' (i386, x86_64 or aarch64)" >&2; return 1 ;;
	esac
}

# kernel_arch ARCH: the architecture of the kernel (and of /init) for ARCH's
# guest.  i386 runs on the x86_64 kernel, through its IA-32 emulation.
kernel_arch() {
	case $1 in
	i386 | x86_64) echo x86_64 ;;
	aarch64) echo aarch64 ;;
	*) echo "unknown architecture '$1' (i386, x86_64 or aarch64)" >&2; return 1 ;;
	esac
}

# build_init ARCH OUT: the static /init for ARCH's guest, rebuilt when init.c changes.
build_init() {
	local karch out=$2
	karch=$(kernel_arch "$1") || return 1
	if [ ! -x "$out" ] || [ "$QEMU_DIR/init.c" -nt "$out" ]; then
		mkdir -p "$(dirname "$out")"
		# shellcheck disable=SC2046
		$(cc_for "$karch") -static -O2 -Wall -Wextra -D_GNU_SOURCE \
			-o "$out.tmp" "$QEMU_DIR/init.c" && mv "$out.tmp" "$out"
	fi
}

# The guests print "=== BEGIN NAME ===" and "=== END NAME rc=N ===" around
# each command (tests/qemu/init.c).
# block LOG NAME: the console lines between NAME's BEGIN and END markers
block() {
	awk -v n="$2" '$0 == "=== BEGIN " n " ===" { on = 1; next }
		on && index($0, "=== END " n " ") == 1 { exit } on' "$1"
}

# end_rc LOG NAME: the rc=... of NAME's END marker ("never ran" if none)
end_rc() {
	local l
	l=$(grep -m1 "^=== END $2 " "$1" || true)
	if [ -z "$l" ]; then
		echo "never ran"
	else
		l=${l#=== END "$2" }
		echo "${l% ===}"
	fi
}
