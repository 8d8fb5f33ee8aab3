#!/bin/bash
# Differential test: every program below is traced by strace and by ctrace and
# the normalised traces must be equal (see compare.sh and normalize.py).
# Env: CTRACE (ctrace binary), PROGS (built tests/progs), TESTS_DIR (tests/).
# Exit: 0 all equal, 1 some differ (listed at the end), 77 skipped (no strace).
#
# Programs written here are deterministic by construction and get one run.
# Programs nobody here wrote (sh, python3, make, git) may race internally
# (where a SIGCHLD lands in sh, for one): they are compared loosely (compare.sh
# -l: decoded lines only, unordered within a task), and a difference is retried
# twice: a decoding bug differs every time, a scheduling accident does not.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${PROGS:?PROGS must name the built test programs directory}"
: "${CTRACE:?CTRACE must name the ctrace binary}"
export CTRACE
if [ ! -x "${STRACE:-/usr/bin/strace}" ]; then
	echo "SKIP: strace not found" >&2
	exit 77
fi

failed=()
work=$(mktemp -d "${TMPDIR:-/tmp}/differential.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

# check TRIES NAME [-t OPTS] PROG ARGS...
check() {
	local tries=$1 name=$2 i
	shift 2
	for ((i = 1; i <= tries; i++)); do
		if "$here/compare.sh" "$@" > "$work/out" 2>&1; then
			echo "ok   $name"
			return
		fi
	done
	echo "FAIL $name"
	sed 's/^/     /' "$work/out" | head -60
	failed+=("$name")
}

ours() { check 1 "$@"; }
theirs() { local name=$1; shift; check 3 "$name" -l "$@"; }

ours clone_flags "$PROGS/clone_flags"
ours clone3_sizes "$PROGS/clone3_sizes"
ours namespaces "$PROGS/namespaces"
ours threads "$PROGS/threads" 8
ours fork_tree "$PROGS/fork_tree"
ours fork_tree-ff -t -ff "$PROGS/fork_tree"
ours vfork_exec "$PROGS/vfork_exec"
ours signals "$PROGS/signals"
ours exit_status-0 "$PROGS/exit_status" 0
ours exit_status-3 "$PROGS/exit_status" 3
ours exit_status-255 "$PROGS/exit_status" 255
ours exit_status-TERM "$PROGS/exit_status" 0 TERM
ours exit_status-SEGV "$PROGS/exit_status" 0 SEGV
ours exec_thread "$PROGS/exec_thread"
# Options that change what is printed, applied to both tracers.
ours clone3_sizes-s5 -t "-s 5" "$PROGS/clone3_sizes"
ours vfork_exec-s5 -t "-s 5" "$PROGS/vfork_exec"
ours fork_tree-process -t "-e trace=process" "$PROGS/fork_tree"
ours signals-qq -t -qq "$PROGS/signals"
ours namespaces-trace -t "-e trace=unshare,setns" "$PROGS/namespaces"

theirs sh-pipe sh -c 'echo a | cat; exit 3'
# The real interpreter, not a version manager's shell-script shim.
python=$(python3 -c 'import sys; print(sys.executable)' 2> /dev/null)
if [ -n "$python" ] && [ -x "$python" ]; then
	# Threads first, the child only once they are joined: SIGCHLD goes to
	# any thread, and which thread forks would change the child's label.
	theirs python3-threads "$python" -c '
import os, subprocess, threading
ts = [threading.Thread(target=os.getpid) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
subprocess.run(["true"], check=True)
'
fi
if command -v make > /dev/null; then
	printf 'all:\n\t@true\n\t@sh -c "exit 0"\n' > "$work/Makefile"
	theirs make make -s -f "$work/Makefile"
fi
if command -v git > /dev/null; then
	theirs git-version git --version
fi

if [ ${#failed[@]} -gt 0 ]; then
	echo "differential: ${#failed[@]} differ: ${failed[*]}"
	exit 1
fi
echo "differential: all equal"
