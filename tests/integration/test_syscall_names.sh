#!/bin/bash
# Every syscall the everyday programs make on x86_64 (the names in ctrace's
# traces of them, plus the calls issue 7 lists) is named correctly by ctrace's
# i386 and aarch64 tables: at the number the kernel headers on this machine
# give, or absent where the architecture has no such call (open on aarch64).
# syscall_numbers.py reads the headers; a control run with the x86_64 table
# shows the check can fail.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit: 0 ok, 1 a wrong name, 77 no headers/cc.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/integration/lib.sh
. "$here/lib.sh"
# shellcheck source=tests/integration/everyday.sh
. "$here/everyday.sh"

if [ ! -e /usr/include/asm-generic/unistd.h ] || ! command -v cc > /dev/null ||
	! echo '#include <asm/unistd_32.h>' | cc -E -x c - > /dev/null 2>&1; then
	echo "SKIP: kernel headers or cc missing" >&2
	exit 77
fi

check "setup of the everyday programs" everyday_setup

trace_one() {
	local name=$1
	shift 2
	everyday_reset
	(cd "$WORK/ev" && run_to 120 "$CTRACE" -f -o "$WORK/$name.trace" -- "$@" \
		> /dev/null 2>&1 < /dev/null)
}
everyday_each trace_one

# The calls issue 7 names, whether or not the programs made them here.
listed="openat open close read write pread64 pwrite64 readv writev lseek fstat newfstatat
statx stat lstat access faccessat faccessat2 readlink readlinkat getdents64 dup dup2 dup3
fcntl ioctl pipe pipe2 unlink unlinkat mkdir mkdirat rename renameat2 chdir getcwd umask poll
ppoll select pselect6 epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait mmap munmap
mprotect brk madvise mremap execve execveat exit exit_group wait4 waitid kill tgkill getpid
gettid getppid getuid set_tid_address set_robust_list rseq prlimit64 arch_prctl prctl
rt_sigaction rt_sigprocmask rt_sigreturn sigaltstack futex sched_getaffinity getrandom uname
sysinfo clock_gettime nanosleep clock_nanosleep socket connect bind listen accept accept4
sendto recvfrom sendmsg recvmsg setsockopt getsockopt socketpair shutdown"
# shellcheck disable=SC2086 # word lists
names=$(sed -n -e 's/^[0-9]* *\([a-z_0-9]*\)(.*/\1/p' \
	-e 's/^[0-9]* *<\.\.\. \([a-z_0-9]*\) resumed>.*/\1/p' "$WORK"/*.trace | sort -u)
traced=$(echo "$names" | wc -w)
CHECKS=$((CHECKS + 1))
if [ "$traced" -ge 30 ]; then
	pass "$traced syscall names in the traces"
else
	fail "only $traced syscall names in the traces"
fi

for arch in i386 aarch64; do
	"$CTRACE" --list-syscalls --arch=$arch > "$WORK/$arch.list"
	# shellcheck disable=SC2086 # word lists
	python3 "$here/syscall_numbers.py" $arch "$WORK/$arch.list" $names $listed \
		> "$WORK/$arch.check"
	rc=$?
	assert_eq "$arch: every name at the kernel's number or absent" 0 "$rc"
	grep WRONG "$WORK/$arch.check" >&2
	assert_eq "$arch: execve checked" 1 "$(grep -c "^ok $arch execve: " "$WORK/$arch.check")"
done
assert_contains "aarch64 has no open" "$WORK/aarch64.check" "ok aarch64 open: absent"
assert_contains "i386 mmap is the old one, 90" "$WORK/i386.check" "ok i386 mmap: 90"

# Control: x86_64's table is not i386's, and the checker says so.
"$CTRACE" --list-syscalls --arch=x86_64 > "$WORK/x86_64.list"
python3 "$here/syscall_numbers.py" i386 "$WORK/x86_64.list" read open mmap > /dev/null
assert_eq "control: x86_64's table fails the i386 check" 1 "$?"

finish
