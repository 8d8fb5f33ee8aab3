#!/bin/bash
# build-guest-tools.sh ARCH OUTDIR [BUILDDIR]
#
# Cross-builds, for ARCH (i386, aarch64 or x86_64), everything a guest needs:
#   OUTDIR/bin/ctrace   static ctrace from this repository (cmake/toolchain-ARCH.cmake)
#   OUTDIR/progs/NAME   static build of each tests/progs/NAME.c and tests/qemu/progs/NAME.c
#   OUTDIR/init         static /init (tests/qemu/init.c) for the guest's kernel
# The cmake build tree goes to BUILDDIR (default OUTDIR-build).
#
# Test programs that do not compile for ARCH are skipped with a message.  A
# ctrace that does not build is reported, and is fatal only with
# CTRACE_QEMU_REQUIRE_CTRACE=1.  Exit status: 0, or 1 on a fatal error.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -lt 2 ]; then
	echo "usage: $0 ARCH OUTDIR [BUILDDIR]" >&2
	exit 1
fi
ARCH=$1
OUTDIR=$2
BUILDDIR=${3:-${OUTDIR%/}-build}
CC_CMD=$(cc_for "$ARCH")
JOBS=${CTRACE_QEMU_JOBS:-$(nproc)}

log() { echo "build-guest-tools[$ARCH]: $*" >&2; }

mkdir -p "$OUTDIR/bin" "$OUTDIR/progs" "$BUILDDIR"

# --- /init ------------------------------------------------------------------
build_init "$ARCH" "$OUTDIR/init"

# --- ctrace -----------------------------------------------------------------
# The cross targets have no check or libunwind: build the binary only.  Its
# libseccomp is Debian's libseccomp.a for ARCH (libseccomp-dev, :i386 and
# :arm64 from setup.sh), linked statically: --deny=namespaces and filtered
# tracing work in the guests too.
cmake_args=(-S "$REPO_DIR" -B "$BUILDDIR/ctrace" -DCMAKE_BUILD_TYPE=RelWithDebInfo
	-DCTRACE_TESTS=OFF -DCTRACE_WITH_LIBUNWIND=OFF
	-DCTRACE_STATIC=ON -DCTRACE_SANITIZE=OFF)
if [ "$ARCH" != x86_64 ]; then
	cmake_args+=(-DCMAKE_TOOLCHAIN_FILE="$REPO_DIR/cmake/toolchain-$ARCH.cmake")
fi
rm -f "$OUTDIR/bin/ctrace"
ctrace_log=$BUILDDIR/ctrace-build.log
if { cmake "${cmake_args[@]}" && cmake --build "$BUILDDIR/ctrace" -j"$JOBS" --target ctrace; } \
	>"$ctrace_log" 2>&1; then
	cp "$BUILDDIR/ctrace/ctrace" "$OUTDIR/bin/ctrace"
	log "ctrace: $(file -b "$OUTDIR/bin/ctrace" | cut -d, -f1-2,4)"
else
	log "ctrace did NOT build for $ARCH; last lines of $ctrace_log:"
	grep -v '^[[:space:]]*$' "$ctrace_log" | tail -n 12 | sed 's/^/    /' >&2
	if [ "${CTRACE_QEMU_REQUIRE_CTRACE:-0}" = 1 ]; then
		exit 1
	fi
fi

# --- test programs ----------------------------------------------------------
built=0 skipped=0
for src in "$REPO_DIR"/tests/progs/*.c "$QEMU_DIR"/progs/*.c; do
	[ -e "$src" ] || continue
	name=$(basename "$src" .c)
	out=$OUTDIR/progs/$name
	if [ -x "$out" ] && [ "$out" -nt "$src" ]; then
		built=$((built + 1))
		continue
	fi
	# shellcheck disable=SC2086
	if errs=$($CC_CMD -static -O2 -g -D_GNU_SOURCE -I"$REPO_DIR/include" -pthread \
		-o "$out" "$src" 2>&1); then
		built=$((built + 1))
	else
		skipped=$((skipped + 1))
		rm -f "$out"
		log "skipped ${src#"$REPO_DIR"/}: does not build for $ARCH:"
		printf '%s\n' "$errs" | grep -m3 -E 'error|undefined' | sed 's/^/    /' >&2 || true
	fi
done
log "test programs: $built built, $skipped skipped, in $OUTDIR/progs"
