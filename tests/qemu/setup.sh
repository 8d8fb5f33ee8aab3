#!/bin/bash
# Idempotent setup for the QEMU real-kernel tests: host packages (QEMU, the
# i386 and aarch64 cross compilers and libcs, cpio) and the Debian kernels the
# guests boot.  Kernels are cached outside the repository.
#
#   CTRACE_QEMU_CACHE   cache directory (default /var/cache/ctrace-qemu)
#
# Prints the cache directory's kernel paths on success.  A warm run (everything
# present) runs no apt command and takes well under a second.
set -euo pipefail

CACHE=${CTRACE_QEMU_CACHE:-/var/cache/ctrace-qemu}
# gcc-multilib conflicts with gcc-aarch64-linux-gnu on Debian 12, so i386 uses
# gcc-12-multilib (plus a private asm symlink, see cmake/toolchain-i386.cmake)
# and aarch64 uses clang with the arm64 cross libc.
# libseccomp-dev:i386 and :arm64 (multiarch, next to the host's, which
# tools/install-deps.sh installs) give the static guest ctraces their seccomp
# filters (--deny=namespaces).  Name foreign packages with their arch: a bare
# name matches every installed arch and dpkg-query then prints one status each.
PKGS=(qemu-system-x86 qemu-system-arm cpio gcc-12-multilib clang
      libc6-dev-arm64-cross libgcc-12-dev-arm64-cross binutils-aarch64-linux-gnu
      cmake make dpkg-dev "libseccomp-dev:$(dpkg --print-architecture)"
      libseccomp-dev:i386 libseccomp-dev:arm64)

log() { echo "setup: $*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${PKGS[@]}"; do
	st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$st" = installed ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	log "installing: ${missing[*]}"
	for a in i386 arm64; do
		dpkg --print-foreign-architectures | grep -qx "$a" ||
			as_root dpkg --add-architecture "$a"
	done
	# An index that fails to download (a mirror mid-sync) need not stop the
	# install: the lists already there may well do.
	as_root apt-get update -qq || log "apt-get update failed; installing with the lists there are"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-remove \
		--no-install-recommends "${missing[@]}" >&2
fi

mkdir -p "$CACHE"

# fetch_kernel NAME METAPKG[:ARCH]: resolve the metapackage's current ABI
# package, download it and keep only boot/vmlinuz-* as $CACHE/vmlinuz-NAME.
fetch_kernel() {
	local name=$1 meta=$2 dest=$CACHE/vmlinuz-$1
	if [ -s "$dest" ]; then
		return 0
	fi
	local dep
	dep=$(apt-cache show --no-all-versions "$meta" 2>/dev/null |
		sed -n 's/^Depends: *//p' | tr ',' '\n' | sed 's/^ *//; s/ .*//' |
		grep '^linux-image-' | head -n1 || true)
	if [ -z "$dep" ]; then
		log "cannot resolve $meta (run apt-get update?)"
		return 1
	fi
	case $meta in *:*) dep=$dep:${meta#*:} ;; esac
	local tmp
	tmp=$(mktemp -d "$CACHE/dl.XXXXXX")
	chmod 755 "$tmp"   # apt-get download drops to user _apt
	log "downloading $dep"
	(cd "$tmp" && apt-get download -qq "$dep" >&2)
	local deb
	deb=$(ls "$tmp"/*.deb)
	mkdir "$tmp/x"
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp/x" --wildcards './boot/vmlinuz-*'
	local vmlinuz
	vmlinuz=$(ls "$tmp"/x/boot/vmlinuz-* | head -n1)
	mv "$vmlinuz" "$dest.tmp"
	echo "${vmlinuz##*/vmlinuz-}" >"$dest.version"
	mv "$dest.tmp" "$dest"
	rm -rf "$tmp"
	log "kernel $name: $(cat "$dest.version")"
}

if [ ! -s "$CACHE/vmlinuz-arm64" ] &&
   ! dpkg --print-foreign-architectures | grep -qx arm64; then
	log "adding dpkg architecture arm64 (for the arm64 kernel package)"
	as_root dpkg --add-architecture arm64
	as_root apt-get update -qq
fi
if [ ! -s "$CACHE/vmlinuz-arm64" ] &&
   ! apt-cache show --no-all-versions linux-image-cloud-arm64:arm64 >/dev/null 2>&1; then
	as_root apt-get update -qq
fi

# The cloud flavours are a third of the size and boot fine under QEMU.
fetch_kernel amd64 linux-image-cloud-amd64
fetch_kernel arm64 linux-image-cloud-arm64:arm64

echo "$CACHE/vmlinuz-amd64"
echo "$CACHE/vmlinuz-arm64"
