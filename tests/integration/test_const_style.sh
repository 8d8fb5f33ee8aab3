#!/bin/bash
# -X raw|abbrev|verbose (--const-print-style): ctrace's trace equals strace
# 6.1's, line for line after normalisation (compare.sh), for ordinary file,
# memory and signal calls (named_constants) and the process-creation programs,
# in the raw and verbose styles; plus the option's own checks.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all passed, 77: no strace.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
require_strace
cd "$WORK" || exit 1

# Every syscall these programs make that ctrace decodes: compared whole.
export DECODED=openat,open,close,newfstatat,fstat,stat,mmap,mprotect,munmap,rt_sigprocmask,\
rt_sigaction,kill,ioctl,unshare,setns,prlimit64,access,lseek,fcntl,clone,clone3,fork,vfork,\
wait4,exit_group,exit,futex,execve,getpid,read,write,socket,socketpair,bind,connect,listen,\
accept4,getsockname,setsockopt,sendto,recvfrom,shutdown,statx

for style in raw verbose; do
	for prog in named_constants net_constants clone_flags clone3_sizes namespaces fork_tree vfork_exec \
		    signals; do
		check "compare -X $style $prog" compare_retry -t "-X $style" "$PROGS/$prog"
	done
	check "compare --const-print-style=$style threads" \
		compare_retry -t "--const-print-style=$style" "$PROGS/threads" 4
done

# The styles really differ (a comparison alone would pass if both ignored -X).
run_to 60 "$CTRACE" -X raw -o raw.trace "$PROGS/named_constants"
assert_contains "raw: numbers only" raw.trace 'openat(-100, "/etc/passwd", 0x80000)'
assert_contains "raw: st_mode in octal" raw.trace '{st_mode=020666, st_rdev=0x103, ...}'
assert_contains "raw: signals in decimal" raw.trace 'rt_sigaction(12, {sa_handler=0x1, sa_mask=[], sa_flags=0x14000000'
assert_contains "raw: errors keep their names" raw.trace '= -1 ENOTTY (Inappropriate ioctl for device)'
assert_not_contains "raw: no O_ name" raw.trace 'O_RDONLY|O_CLOEXEC'
run_to 60 "$CTRACE" -X verbose -o verbose.trace "$PROGS/named_constants"
assert_contains "verbose: both" verbose.trace \
	'openat(-100 /* AT_FDCWD */, "/etc/passwd", 0x80000 /* O_RDONLY|O_CLOEXEC */) = '
assert_contains "verbose: sigset" verbose.trace '~[10 /* USR1 */ 32 /* RTMIN */ 33 /* RT_1 */]'
assert_contains "verbose: unknown ioctl" verbose.trace \
	'0x12345678 /* _IOC(_IOC_NONE, 0x56, 0x78, 0x1234) */'
run_to 60 "$CTRACE" -f -X abbrev -o abbrev.trace "$PROGS/named_constants"
run_to 60 "$CTRACE" -f -o default.trace "$PROGS/named_constants"
assert_contains "abbrev: names" abbrev.trace 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = '
# (loose: where SIGCHLD lands around wait4 is scheduling)
python3 "$here/normalize.py" --decoded-only "$DECODED" --loose abbrev.trace > abbrev.norm
python3 "$here/normalize.py" --decoded-only "$DECODED" --loose default.trace > default.norm
assert_file_eq "abbrev is the default" default.norm abbrev.norm

# JSON is not a text style: the same structure whatever -X says.
run_to 60 "$CTRACE" --json -X raw -e trace=openat -o raw.json "$PROGS/named_constants"
assert_contains "json: open flags by name under -X raw" raw.json '"flags":["O_RDONLY","O_CLOEXEC"]'

# A bad style is a usage error, as in strace.
run_to 20 "$CTRACE" -X bogus true > bad.out 2> bad.err
assert_eq "bad style: exit 1" 1 "$?"
assert_contains "bad style: message" bad.err "ctrace: invalid -X argument: 'bogus'"
run_to 20 "$CTRACE" -h > help.out
assert_contains "--help lists -X" help.out "--const-print-style"
finish
