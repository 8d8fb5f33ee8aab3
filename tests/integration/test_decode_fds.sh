#!/bin/bash
# -y (--decode-fds=path): ctrace prints every fd as strace 6.1 -y does, line
# for line after normalisation (compare.sh; pipe and socket inodes masked):
# files, directories, a deleted file, /dev/null, pipes, sockets, pidfds from
# pidfd_open, clone and clone3, namespace fds given to setns, epoll and
# eventfd, AT_FDCWD; with -X verbose too, and for the process-creation programs.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all passed, 77: no strace.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
require_strace
cd "$WORK" || exit 1

export DECODED=openat,open,close,read,write,fstat,newfstatat,dup,lseek,chdir,unlink,pipe,pipe2,\
socket,socketpair,clone,clone3,fork,wait4,pidfd_open,setns,epoll_create1,eventfd2,epoll_ctl,\
exit_group,mmap,execve,unshare

check "compare -y fd_kinds" compare_retry -t "-y" "$PROGS/fd_kinds"
check "compare --decode-fds=path fd_kinds" compare_retry -t "--decode-fds=path" \
	"$PROGS/fd_kinds"
check "compare -y -X verbose fd_kinds" compare_retry -t "-y -X verbose" "$PROGS/fd_kinds"
check "compare -y -X raw fd_kinds" compare_retry -t "-y -X raw" "$PROGS/fd_kinds"
for prog in namespaces clone_flags clone3_sizes fork_tree; do
	check "compare -y $prog" compare_retry -t "-y" "$PROGS/$prog"
done

# What must be there, so that two tracers both ignoring -y would not pass.
run_to 60 "$CTRACE" -f -y -o y.trace "$PROGS/fd_kinds"
# (fd numbers vary: a test runner may leave an fd of its own open)
assert_matches "returned fd" y.trace \
	'openat\(AT_FDCWD</tmp>, "/etc/passwd", O_RDONLY\) = [0-9]+</etc/passwd>$'
assert_matches "closed fd resolved before the close" y.trace 'close\([0-9]+</etc/passwd>\)'
assert_contains "deleted file" y.trace '>(deleted), "", 0)'
assert_matches "pipe" y.trace 'pipe2\(\[[0-9]+<pipe:\[[0-9]+\]>, [0-9]+<pipe:\[[0-9]+\]>\], 0\)'
assert_matches "socket" y.trace '= [0-9]+<socket:\[[0-9]+\]>$'
assert_matches "pidfd_open" y.trace 'pidfd_open.*= [0-9]+<anon_inode:\[pidfd\]>$'
assert_matches "clone CLONE_PIDFD" y.trace 'parent_tid=\[[0-9]+<anon_inode:\[pidfd\]>\]'
assert_matches "clone3 CLONE_PIDFD" y.trace '=> \{pidfd=\[[0-9]+<anon_inode:\[pidfd\]>\]\}'
assert_matches "setns" y.trace 'setns\([0-9]+<net:\[[0-9]+\]>, CLONE_NEWNET\)'
assert_contains "eventfd" y.trace '<anon_inode:[eventfd]>'

# Without -y nothing changes.
run_to 60 "$CTRACE" -f -o plain.trace "$PROGS/fd_kinds"
assert_not_contains "no paths without -y" plain.trace '</etc/passwd>'

# JSON: the number and the path.
run_to 60 "$CTRACE" -y --json -e trace=close -o y.json "$PROGS/fd_kinds"
assert_matches "json fd object" y.json '\{"fd":[0-9]+,"path":"/etc/passwd"\}'

run_to 20 "$CTRACE" -yy true > yy.out 2> yy.err
assert_eq "-yy: usage error" 1 "$?"
assert_contains "-yy: message" yy.err "ctrace: -yy is not supported"
run_to 20 "$CTRACE" --decode-fds=socket true > df.out 2> df.err
assert_eq "--decode-fds=socket: usage error" 1 "$?"
run_to 20 "$CTRACE" -h > help.out
assert_contains "--help lists -y" help.out "--decode-fds"
finish
