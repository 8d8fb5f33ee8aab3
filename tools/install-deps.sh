#!/bin/sh
# Installs what building and testing ctrace needs on Debian 12, if missing.
# Idempotent: when everything is present it only checks and returns.
set -eu

packages="build-essential cmake pkg-config check libunwind-dev libseccomp-dev strace python3 jq"
# man-db (and its groff-base): test_install.sh checks that the man page renders without warnings.
packages="$packages man-db"
# graphviz: test_tree_dot.sh renders --tree=dot with dot -Tpng.
packages="$packages graphviz"
# clang and its runtimes: the libFuzzer targets of fuzz/ (tests/integration/test_fuzz.sh).
packages="$packages clang libclang-rt-14-dev"
# make, git, tar: everyday programs traced by test_common_syscalls.sh and test_syscall_names.sh.
packages="$packages make git tar"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "install-deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# --no-remove: never let a dependency resolution take a toolchain away
	# (gcc-multilib and gcc-aarch64-linux-gnu conflict on Debian 12).
	apt-get install -y -qq --no-remove $missing
fi
