#!/bin/bash
# fetch-strace.sh ARCH ROOT NAME
#
# Puts a strace for ARCH (i386, x86_64 or aarch64) into the guest root ROOT as
# ROOT/usr/bin/NAME, with its dynamic loader and libc at their usual paths
# (/lib/ld-linux.so.2 + /lib/i386-linux-gnu, /lib64/ld-linux-x86-64.so.2 +
# /lib/x86_64-linux-gnu, /lib/ld-linux-aarch64.so.1 + /lib/aarch64-linux-gnu),
# so that the reference output of a guest comes from strace itself.
#
#   x86_64   the host's /usr/bin/strace and the libraries ldd names
#   i386, aarch64   Debian's strace and libc6 packages for that architecture
#            (`apt-get download strace:i386 libc6:i386`, strace 6.1 needs
#            only libc), unpacked once into $CTRACE_QEMU_CACHE/strace-ARCH;
#            adds the dpkg architecture (and runs apt-get update) if needed.
#
# Prints the strace version line.  Exit status 0, or 1 when it cannot be done.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -ne 3 ]; then
	echo "usage: $0 ARCH ROOT NAME" >&2
	exit 1
fi
ARCH=$1 ROOT=$2 NAME=$3

log() { echo "fetch-strace[$ARCH]: $*" >&2; }
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# copy_lib SRC ROOT: the file SRC names, at the same path under ROOT
copy_lib() {
	mkdir -p "$2$(dirname "$1")"
	cp -L "$1" "$2$1"
}

case $ARCH in
x86_64)
	host=/usr/bin/strace
	if [ ! -x "$host" ]; then
		log "no $host on the host"
		exit 1
	fi
	mkdir -p "$ROOT/usr/bin"
	cp "$host" "$ROOT/usr/bin/$NAME"
	for lib in $(ldd "$host" | grep -o '/[^ ]*'); do
		copy_lib "$lib" "$ROOT"
	done
	"$host" -V | head -n1
	exit 0
	;;
i386) DARCH=i386 TRIPLET=i386-linux-gnu LDSO=ld-linux.so.2 ;;
aarch64) DARCH=arm64 TRIPLET=aarch64-linux-gnu LDSO=ld-linux-aarch64.so.1 ;;
*) log "unknown architecture"; exit 1 ;;
esac

C=$CACHE/strace-$DARCH
if [ ! -x "$C/usr/bin/strace" ]; then
	foreign=$(dpkg --print-foreign-architectures)
	if ! printf '%s\n' "$foreign" | grep -qx "$DARCH"; then
		log "adding dpkg architecture $DARCH"
		as_root dpkg --add-architecture "$DARCH"
		as_root apt-get update -qq || true
	fi
	if ! apt-cache show --no-all-versions "strace:$DARCH" >/dev/null 2>&1; then
		as_root apt-get update -qq || true
	fi
	tmp=$(mktemp -d "$CACHE/strace-dl.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	chmod 755 "$tmp"   # apt-get download drops to user _apt
	log "downloading strace:$DARCH libc6:$DARCH"
	(cd "$tmp" && apt-get download -qq "strace:$DARCH" "libc6:$DARCH" >&2)
	mkdir "$tmp/x"
	for deb in "$tmp"/*.deb; do
		dpkg-deb -x "$deb" "$tmp/x"
	done
	# strace needs the loader and libc only: keep those (gconv alone is 8 MB)
	mkdir -p "$tmp/k/usr/bin" "$tmp/k/lib/$TRIPLET"
	cp -a "$tmp/x/usr/bin/strace" "$tmp/k/usr/bin/"
	cp -a "$tmp/x/lib/$LDSO" "$tmp/k/lib/"
	cp -a "$tmp/x/lib/$TRIPLET/$LDSO" "$tmp/x/lib/$TRIPLET/libc.so.6" "$tmp/k/lib/$TRIPLET/"
	ls "$tmp"/*.deb | sed 's,.*/,,' >"$tmp/k/VERSIONS"
	rm -rf "$C"
	mv "$tmp/k" "$C"
	log "cached in $C: $(tr '\n' ' ' <"$C/VERSIONS")"
fi
mkdir -p "$ROOT/usr/bin" "$ROOT/lib"
cp -a "$C/usr/bin/strace" "$ROOT/usr/bin/$NAME"
cp -a "$C/lib/." "$ROOT/lib/"
echo "strace $(sed -n 's/^strace_\([^_]*\)_.*/\1/p' "$C/VERSIONS") ($DARCH)"
