#!/bin/bash
# --tree: the process tree printed when tracing ends, as text and JSON, with
# -f and without, under -e trace=none (with and without the seccomp filter),
# -o FILE, --tree-file, -p, and the namespace gate.  (DOT: test_tree_dot.sh.)
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# tree_of FILE: the tree (from its heading line on), pids replaced by P.
tree_of() {
	sed -n '/^process tree: /,$p' "$1" |
		sed -E 's/^([|` -]*)(thread )?[0-9]+/\1\2P/; s/went on as pid [0-9]+/went on as pid P/'
}

# The programs run from their directory: their argv[0] stays short.
cd "$PROGS" || exit 1

# ---- fork, exec, threads, SIGKILL ------------------------------------------

want_prog='process tree: 3 processes, 2 threads
P tree_prog: started, exec "./tree_prog" ["./tree_prog"], exited 0
|-- P true: clone(SIGCHLD), exec "/bin/true" ["true"], exited 0
`-- P tree_prog: clone(SIGCHLD), killed by SIGKILL
    |-- thread P: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), killed by SIGKILL
    `-- thread P: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), killed by SIGKILL'

run_io "$WORK/full.out" "$WORK/full.err" 60 "$CTRACE" -f --tree ./tree_prog
assert_eq "-f --tree: exit status of PROG" 0 $?
assert_eq "-f --tree: the tree after the trace" "$want_prog" "$(tree_of "$WORK/full.err")"
assert_eq "-f --tree: the trace comes first" "process tree: 3 processes, 2 threads" \
	"$(grep -A1 '^+++ exited with 0 +++$' "$WORK/full.err" | tail -1)"

# The tree needs clone and execve even when the trace leaves them out.
run_io "$WORK/none.out" "$WORK/none.err" 60 "$CTRACE" -f -e trace=none --tree ./tree_prog
assert_eq "-e trace=none: same tree" "$want_prog" "$(tree_of "$WORK/none.err")"
assert_not_contains "-e trace=none: no syscall printed" "$WORK/none.err" "clone(child_stack"
run_io "$WORK/nobpf.out" "$WORK/nobpf.err" 60 "$CTRACE" -f -e trace=none --seccomp-bpf=off \
	--tree ./tree_prog
assert_eq "--seccomp-bpf=off: same tree" "$want_prog" "$(tree_of "$WORK/nobpf.err")"
run_io "$WORK/write.out" "$WORK/write.err" 60 "$CTRACE" -f -e trace=write --tree ./tree_prog
assert_eq "-e trace=write: same tree" "$want_prog" "$(tree_of "$WORK/write.err")"
assert_not_contains "-e trace=write: no execve printed" "$WORK/write.err" "execve("

# -o FILE: after the trace, in FILE; --tree-file: alone in its file.
run_io "$WORK/o.out" "$WORK/o.err" 60 "$CTRACE" -f -o "$WORK/o.trace" --tree ./tree_prog
assert_eq "-o FILE: the tree at the end of FILE" "$want_prog" "$(tree_of "$WORK/o.trace")"
assert_not_contains "-o FILE: no tree on stderr" "$WORK/o.err" "process tree"
run_io "$WORK/tf.out" "$WORK/tf.err" 60 "$CTRACE" -f --tree-file="$WORK/tf.tree" ./tree_prog
assert_eq "--tree-file: the tree alone" "$want_prog" "$(tree_of "$WORK/tf.tree")"
assert_eq "--tree-file: nothing before the tree" "process tree: 3 processes, 2 threads" \
	"$(head -1 "$WORK/tf.tree")"
assert_not_contains "--tree-file: no tree on stderr" "$WORK/tf.err" "process tree"

# Without -f: only PROG, and it says so.  (The untraced children must run
# as usual: no seccomp filter that stops at clone without -f.)
run_io "$WORK/nof.out" "$WORK/nof.err" 60 "$CTRACE" -e trace=none --tree ./tree_prog
assert_eq "without -f: PROG's status" 0 $?
assert_eq "without -f: children not followed" 'process tree: 3 processes, 0 threads
(without -f only PROG or the -p tasks are traced: the tasks they created are listed as not followed)
P tree_prog: started, exec "./tree_prog" ["./tree_prog"], exited 0
|-- P tree_prog: clone(SIGCHLD), not followed
`-- P tree_prog: clone(SIGCHLD), not followed' "$(tree_of "$WORK/nof.err")"

# A thread that runs execve goes on as the leader.
run_io "$WORK/xt.out" "$WORK/xt.err" 60 "$CTRACE" -f -e trace=none --tree ./exec_thread
assert_eq "exec from a thread" 'process tree: 1 process, 1 thread
P true: started, exec "./exec_thread" ["./exec_thread"], exec "/bin/true" ["true", "from-thread"], exited 0
`-- thread P: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), ran execve, went on as pid P' \
	"$(tree_of "$WORK/xt.err")"

# ---- JSON -------------------------------------------------------------------

run_io "$WORK/j.out" "$WORK/j.err" 60 "$CTRACE" -f --json --tree ./tree_prog
check "--json --tree: every line is JSON" jq -e . "$WORK/j.err" > /dev/null
assert_eq "--json --tree: the last object is the tree" tree "$(tail -1 "$WORK/j.err" | jq -r .type)"
assert_eq "--json --tree: killed tasks" "SIGKILL SIGKILL SIGKILL" "$(tail -1 "$WORK/j.err" |
	jq -r '[.. | objects | select(.end?.how == "killed") | .end.signal] | join(" ")')"
assert_eq "--json --tree: the exec'd argv" '["true"]' "$(tail -1 "$WORK/j.err" |
	jq -c '.tasks[0].children[0].execs[0].argv')"
assert_eq "--json --tree: threads of the second child" "true true" "$(tail -1 "$WORK/j.err" |
	jq -r '[.tasks[0].children[1].threads[].thread] | join(" ")')"

# ---- namespaces ---------------------------------------------------------------

if unshare -U true 2> /dev/null; then
	run_io "$WORK/ns.out" "$WORK/ns.err" 60 "$CTRACE" -f -e trace=none --tree ./tree_ns
	assert_eq "namespaces: unshare and clone3" 'process tree: 3 processes, 0 threads
P tree_ns: started, exec "./tree_ns" ["./tree_ns"], exited 0
`-- P tree_ns: clone(SIGCHLD), unshare(NEWUSER), exited 0
    `-- P tree_ns: clone3(NEWPID|SIGCHLD), exited 7' "$(tree_of "$WORK/ns.err")"
	run_io "$WORK/nsj.out" "$WORK/nsj.err" 60 "$CTRACE" -f -e trace=none --json --tree ./tree_ns
	assert_eq "namespaces: jq finds the user namespace's creator" 1 "$(tail -1 "$WORK/nsj.err" |
		jq '[.. | objects | select(.namespaces? // [] | map(.types[]) | index("user"))] | length')"
else
	echo "skip: no user namespaces here (unshare -U true failed)"
fi

# --deny: the refused attempt is marked.
run_io "$WORK/deny.out" "$WORK/deny.err" 60 "$CTRACE" --deny=namespaces --tree ./tree_ns
assert_eq "--deny: ctrace's violation status" 3 $?
assert_eq "--deny: the refusal in the tree" 'process tree: 2 processes, 0 threads
P tree_ns: started, exec "./tree_ns" ["./tree_ns"], exited 0
`-- P tree_ns: clone(SIGCHLD), unshare(NEWUSER) refused: EPERM, exited 1' "$(tree_of "$WORK/deny.err")"

# ---- -p: tasks that existed before are "attached" ----------------------------

"$PROGS/sleeper" 2 > "$WORK/sleeper.pid" &
spid=$!
track "$spid"
wait_for 10 test -s "$WORK/sleeper.pid" || fail "sleeper did not start"
"$CTRACE" -f -e trace=none --tree -p "$spid" 2> "$WORK/p.err" &
cpid=$!
track "$cpid"
wait_for 10 file_has "$WORK/p.err" "attached with 2 threads"
kill -INT "$cpid"
wait "$cpid"
assert_eq "-p: attached, then detached" 'process tree: 1 process, 1 thread
P sleeper: attached, detached
`-- thread P: attached, detached' "$(tree_of "$WORK/p.err")"
check "-p: the sleeper runs on, not stopped" not_stopped "$spid"

# ---- errors -------------------------------------------------------------------

run_io "$WORK/e1.out" "$WORK/e1.err" 10 "$CTRACE" --tree=tree /bin/true
assert_eq "--tree=bogus: exit 1" 1 $?
assert_contains "--tree=bogus: says why" "$WORK/e1.err" \
	"ctrace: --tree: expected text, dot or json, not 'tree'"
run_io "$WORK/e2.out" "$WORK/e2.err" 10 "$CTRACE" --json --tree=dot /bin/true
assert_eq "--json --tree=dot without a file: exit 1" 1 $?
assert_contains "--json --tree=dot: says why" "$WORK/e2.err" "needs --tree-file=FILE"
run_io "$WORK/e3.out" "$WORK/e3.err" 10 "$CTRACE" --tree-file=/nonexistent/dir/t /bin/true
assert_eq "--tree-file in a missing directory: exit 1" 1 $?
assert_contains "--tree-file: says why" "$WORK/e3.err" \
	"ctrace: Can't fopen '/nonexistent/dir/t': No such file or directory"

finish
