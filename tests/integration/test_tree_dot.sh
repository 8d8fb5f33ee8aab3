#!/bin/bash
# --tree=dot: Graphviz renders the tree of real programs to a picture; its
# labels carry the facts of the text tree.  Skipped (77) without dot.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v dot > /dev/null || { echo "skipped: no dot (graphviz)"; exit 77; }

cd "$PROGS" || exit 1

# fork, exec /bin/true, two threads and a SIGKILL.
run_io "$WORK/p.out" "$WORK/p.err" 60 "$CTRACE" -f -e trace=none --tree=dot \
	--tree-file="$WORK/p.dot" ./tree_prog
assert_eq "--tree=dot: PROG's status" 0 $?
assert_not_contains "--tree-file: no DOT on stderr" "$WORK/p.err" "digraph"
check "dot reads it" dot -Tsvg "$WORK/p.dot" -o "$WORK/p.svg"
check "dot renders a PNG" dot -Tpng "$WORK/p.dot" -o "$WORK/p.png"
size=$(stat -c %s "$WORK/p.png" 2> /dev/null || echo 0)
check "the PNG is a picture ($size bytes > 10000)" test "$size" -gt 10000
assert_eq "a PNG" "89504e47" "$(head -c 4 "$WORK/p.png" | od -An -tx1 | tr -d ' \n')"
# The SVG holds the label text: what a reader of the picture sees.
for text in "tree_prog" "started" "exec &quot;/bin/true&quot;" "exited 0" "killed by SIGKILL" \
	"clone(SIGCHLD)" "clone3: thread"; do
	assert_contains "the picture says: $text" "$WORK/p.svg" "$text"
done
assert_eq "5 task nodes" 5 "$(grep -cE '^	+n[0-9]+ \[label=' "$WORK/p.dot")"
assert_eq "4 edges" 4 "$(grep -cE '^	n[0-9]+ -> n[0-9]+ ' "$WORK/p.dot")"
assert_eq "the threads in their process's cluster" 1 "$(grep -c 'subgraph cluster_' "$WORK/p.dot")"
assert_eq "thread edges dashed" 2 "$(grep -c 'style=dashed\]' "$WORK/p.dot")"
assert_eq "killed tasks in red" 3 "$(grep -c 'color="#cc0000"' "$WORK/p.dot")"

# The namespace gate: the refused creator is filled.
run_io "$WORK/n.out" "$WORK/n.err" 60 "$CTRACE" --deny=namespaces --tree=dot \
	--tree-file="$WORK/n.dot" ./tree_ns
check "--deny --tree=dot: dot reads it" dot -Tpng "$WORK/n.dot" -o "$WORK/n.png"
assert_contains "--deny: the refusal highlighted" "$WORK/n.dot" \
	'unshare(NEWUSER) refused: EPERM\nexited 1\n", style="rounded,filled", fillcolor="#f4b6c2"'

# A shell pipeline and a background subshell: real programs, more levels.
run_io "$WORK/sh.out" "$WORK/sh.err" 60 "$CTRACE" -f -e trace=none --tree=dot \
	--tree-file="$WORK/sh.dot" sh -c 'ls / | wc -l; (sleep 0; true) & wait'
check "sh pipeline: dot renders it" dot -Tpng "$WORK/sh.dot" -o "$WORK/sh.png"
for cmd in ls wc sleep; do
	assert_matches "sh pipeline: $cmd exec'd" "$WORK/sh.dot" 'exec \\"[^"]*/'"$cmd"'\\"'
done

finish
