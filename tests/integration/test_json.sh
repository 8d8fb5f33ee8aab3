#!/bin/bash
# --json: every line is one JSON object of schema 1, and a JSON trace carries
# the facts of the text trace of the same program (per task: each syscall's
# name and return, signals, exits; see json_facts.py); the man page's jq
# filter finds the pid that called clone(CLONE_NEWUSER); -ff and --json
# without -o.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
if ! command -v jq > /dev/null; then
	echo "SKIP: jq not found (tools/install-deps.sh installs it)" >&2
	exit 77
fi

# json_lines_ok FILE: each line alone is one JSON object with v 1, a type
# and a numeric pid (jq -R parses line by line: two objects on one line, or
# one spread over two, fail).
json_lines_ok() {
	[ -s "$1" ] && jq -e -R -n '[inputs | fromjson
		| type == "object" and .v == 1 and (.type | type) == "string"
		  and (.pid | type) == "number"] | all' "$1" > /dev/null
}

# jq_true ARGS...: jq -e, its output aside.
jq_true() { jq -e "$@" > /dev/null; }

# facts_of_text TRACE / facts_of_json TRACE.json: the comparable facts.
facts_of_text() { python3 "$here/normalize.py" "$1" | python3 "$here/json_facts.py" facts; }
facts_of_json() {
	python3 "$here/json_facts.py" skeleton "$1" > "$1.skel" &&
		python3 "$here/normalize.py" "$1.skel" | python3 "$here/json_facts.py" facts
}

# same_facts NAME PROG ARGS...: a text run and a --json run of PROG under -f -o.
# JSON_OPTS (word-split) go to the --json run only: printer options (-y, -X,
# -T, -k...) must add to the JSON, never change its facts.
same_facts() {
	local name=$1 rc_text rc_json
	shift
	run_io "$WORK/$name.out" "$WORK/$name.err" 60 "$CTRACE" -f -o "$WORK/$name.txt" "$@"
	rc_text=$?
	# shellcheck disable=SC2086
	run_io "$WORK/$name.jout" "$WORK/$name.jerr" 60 "$CTRACE" -f --json ${JSON_OPTS:-} \
		-o "$WORK/$name.json" "$@"
	rc_json=$?
	assert_eq "$name: same exit status with --json" "$rc_text" "$rc_json"
	check "$name: every line is a JSON object of schema 1" json_lines_ok "$WORK/$name.json"
	check "$name: a syscall object per text syscall at least" \
		test "$(jq -c 'select(.type == "syscall")' "$WORK/$name.json" | wc -l)" -gt 3
	facts_of_text "$WORK/$name.txt" > "$WORK/$name.text.facts"
	facts_of_json "$WORK/$name.json" > "$WORK/$name.json.facts"
	CHECKS=$((CHECKS + 1))
	if [ -s "$WORK/$name.text.facts" ] && cmp -s "$WORK/$name.text.facts" "$WORK/$name.json.facts"; then
		pass "$name: (task, syscall, return), signals and exits as in the text trace"
	else
		fail "$name: the JSON trace's facts differ from the text trace's:"
		diff "$WORK/$name.text.facts" "$WORK/$name.json.facts" | head -30 | sed 's/^/      | /' >&2
	fi
}

same_facts clone_flags "$PROGS/clone_flags"
same_facts clone3_sizes "$PROGS/clone3_sizes"
same_facts namespaces "$PROGS/namespaces"
same_facts fork_tree "$PROGS/fork_tree"
same_facts threads "$PROGS/threads" 4
same_facts signals "$PROGS/signals"
same_facts exit_status "$PROGS/exit_status" 3
# The later decoders and printer options: sockets, -y paths, -X styles, -k
# stacks, time stamps; the facts must not depend on them.
port=$((20000 + RANDOM % 40000))
same_facts net_basics "$PROGS/net_basics" "$port" "$WORK"
JSON_OPTS=-y same_facts fd_kinds_y "$PROGS/fd_kinds"
check "fd_kinds -y: resolved fds carry their path" jq_true -s \
	'[.[] | select(.syscall == "close") | .args[0].value.path | strings] | length > 0' \
	"$WORK/fd_kinds_y.json"
JSON_OPTS="-X verbose" same_facts named_constants_verbose "$PROGS/named_constants"
JSON_OPTS="-X raw" same_facts net_constants_raw "$PROGS/net_constants"
JSON_OPTS="-tt -T" same_facts fork_tree_times "$PROGS/fork_tree"
check "fork_tree -tt -T: syscalls carry time and duration" jq_true -s \
	'[.[] | select(.type == "syscall" and (.unfinished | not))] |
	 length > 0 and all((.time | type) == "number" and (.duration | type) == "number")' \
	"$WORK/fork_tree_times.json"
if "$CTRACE" -k -o /dev/null true 2> /dev/null; then   # a build without libunwind refuses -k
	JSON_OPTS=-k same_facts fork_tree_k "$PROGS/fork_tree"
	check "fork_tree -k: stacks are arrays of frames" jq_true -s \
		'[.[] | select(.type == "syscall" and .stack != null)] | length > 0 and
		 all(.stack | type == "array")' "$WORK/fork_tree_k.json"
fi

# ---- the queries the man page shows ------------------------------------------

# EXAMPLES: which pids called clone with CLONE_NEWUSER (clone_flags does, once,
# in its first process: the execve's pid).
newuser=$(jq -c 'select(.syscall == "clone" and any(.args[]; .name == "flags" and (.value.flags | index("CLONE_NEWUSER")))) | .pid' "$WORK/clone_flags.json")
main_pid=$(jq -c 'select(.syscall == "execve") | .pid' "$WORK/clone_flags.json" | head -n 1)
check "clone_flags: execve seen" test -n "$main_pid"
assert_eq "jq CLONE_NEWUSER query: the pid that called clone(CLONE_NEWUSER)" "$main_pid" "$newuser"
# The text trace agrees: one clone line with CLONE_NEWUSER.
assert_eq "text trace: one clone(CLONE_NEWUSER)" 1 \
	"$(grep -c '^[0-9]* *clone(.*CLONE_NEWUSER' "$WORK/clone_flags.txt")"

# namespaces calls unshare(CLONE_NEWUSER|...) in a child: flags in any argument.
ns_pids=$(jq -c 'select(.syscall == "unshare" and any(.args[]; .value.flags? // [] | index("CLONE_NEWUSER"))) | .pid' "$WORK/namespaces.json" | sort -u | wc -l)
check "jq: unshare(CLONE_NEWUSER) callers found in namespaces ($ns_pids)" test "$ns_pids" -ge 1

# clone's exit signal and an error object, as the schema says.
assert_eq "clone's exit signal by name" '"SIGCHLD"' \
	"$(jq -c 'select(.syscall == "clone") | .args[] | select(.name == "flags") | .value.signal' "$WORK/clone_flags.json" | head -n 1)"
assert_eq "clone(CLONE_NEWUSER|CLONE_FS) fails: error object" \
	'{"errno":"EINVAL","code":22,"message":"Invalid argument"}' \
	"$(jq -c 'select(.syscall == "clone" and any(.args[]; .name == "flags" and (.value.flags | index("CLONE_NEWUSER")))) | .error' "$WORK/clone_flags.json")"
assert_eq "exit_status 3: the exit object" '{"v":1,"type":"exit","status":3}' \
	"$(jq -c 'select(.type == "exit") | del(.pid)' "$WORK/exit_status.json")"
check "signals: a killed object for the child that SIGKILLs itself" \
	jq_true -s 'any(.[]; .type == "killed" and .signal == "SIGKILL")' "$WORK/signals.json"
check "signals: signal objects carry siginfo" \
	jq_true -s 'any(.[]; .type == "signal" and .signal == "SIGUSR1" and .siginfo.si_code.name == "SI_USER")' \
	"$WORK/signals.json"
check "threads: attach objects for followed tasks" \
	jq_true -s '[.[] | select(.type == "attach" and .followed)] | length == 4' "$WORK/threads.json"
check "clone3_sizes: clone3's struct is an object" \
	jq_true -s 'any(.[]; .syscall == "clone3" and (.args[0].value.exit_signal.name == "SIGCHLD"))' \
	"$WORK/clone3_sizes.json"

# ---- -ff: one JSON file per task ------------------------------------------------

mkdir "$WORK/ff"
run_io "$WORK/ff.out" "$WORK/ff.err" 60 "$CTRACE" -ff --json -o "$WORK/ff/t" "$PROGS/fork_tree"
assert_eq "-ff --json: exit 0" 0 "$?"
nfiles=$(find "$WORK/ff" -name 't.*' | wc -l)
check "-ff --json: several files ($nfiles)" test "$nfiles" -gt 1
for f in "$WORK"/ff/t.*; do
	pid=${f##*.}
	check "-ff --json: $(basename "$f") is JSON Lines of pid $pid only" \
		jq_true -R -n --argjson p "$pid" '[inputs | fromjson | .pid == $p] | all' "$f"
done
cat "$WORK"/ff/t.* > "$WORK/ff.json"
assert_eq "-ff --json: the same syscalls as -f --json" \
	"$(jq -c 'select(.type == "syscall") | .syscall' "$WORK/fork_tree.json" | sort | uniq -c)" \
	"$(jq -c 'select(.type == "syscall") | .syscall' "$WORK/ff.json" | sort | uniq -c)"

# ---- the option is documented ----------------------------------------------------

"$CTRACE" -h > "$WORK/help.out" 2>&1
assert_matches "-h lists --json" "$WORK/help.out" "^ +--json( |$)"

# ---- --json without -o: on standard error, program output aside -----------------

run_io "$WORK/stderr.out" "$WORK/stderr.err" 60 "$CTRACE" --json "$PROGS/exit_status" 3
assert_eq "--json on stderr: exit status 3" 3 "$?"
check "--json on stderr: JSON Lines" json_lines_ok "$WORK/stderr.err"
assert_eq "--json on stderr: ends with the exit object" '{"v":1,"type":"exit","status":3}' \
	"$(tail -n 1 "$WORK/stderr.err" | jq -c 'del(.pid)')"
assert_not_contains "--json: no text trace" "$WORK/stderr.err" "+++ exited"

finish
