#!/bin/bash
# The call summary and the status filters, against strace 6.1: a program
# making known calls (100 getppid, 7 failing opens, ...) under -c, -C,
# -S calls|name|errors|nothing, -U, -w, -z, -Z, -f, -e trace= and -o FILE, by
# ctrace and by strace with the same options.  Times differ from run to run:
# what must be identical is the structure (header, rules, widths) and, row
# by row, the calls, the errors and the syscall set (and their order where
# it does not depend on time).  Then --json, the errors strace gives for
# misused options, and a summary printed when PROG dies of a signal.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed, 77: no strace.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
strace=${STRACE:-/usr/bin/strace}
if [ ! -x "$strace" ]; then
	echo "SKIP: strace not found" >&2
	exit 77
fi
cd "$WORK" || exit 1
prog=$PROGS/summary_calls

# both NAME OPTIONS... -- PROG ARGS...: runs ctrace and strace alike; their
# stderr in NAME.ctrace / NAME.strace, statuses in rc_c / rc_s.
both() {
	local name=$1
	shift
	run_to 60 "$CTRACE" "$@" > /dev/null 2> "$name.ctrace"
	rc_c=$?
	run_to 60 "$strace" "$@" > /dev/null 2> "$name.strace"
	rc_s=$?
}

# table FILE: the summary table alone (from its header to its total row).
table() { sed -n '/^% time\|^syscall \|^ *calls syscall/,/ total$/p' "$1"; }

# structure FILE: the table with the time columns blanked: header, rules,
# then "calls errors name" for each row in its order.
structure() {
	table "$1" | awk '
		/^-/ || /^%/ { print; next }
		{ errors = NF == 6 ? $5 : 0; print $4, errors, $NF }'
}

# same_table NAME ORDERED: the tables of NAME.ctrace and NAME.strace have
# the same structure; in the same row order when ORDERED is "ordered" (the
# order does not depend on times), as sets otherwise.
same_table() {
	local name=$1 ordered=$2
	structure "$name.ctrace" > "$name.c.rows"
	structure "$name.strace" > "$name.s.rows"
	if [ "$ordered" != ordered ]; then
		sort -o "$name.c.rows" "$name.c.rows"
		sort -o "$name.s.rows" "$name.s.rows"
	fi
	CHECKS=$((CHECKS + 1))
	if [ -s "$name.s.rows" ] && cmp -s "$name.c.rows" "$name.s.rows"; then
		pass "$name: table as strace's ($(grep -c . "$name.s.rows") lines)"
	else
		fail "$name: table differs from strace's:"
		diff "$name.c.rows" "$name.s.rows" | sed 's/^/      | /' | head -20 >&2
	fi
}

# row FILE NAME: "calls errors" of syscall NAME in FILE's table.
row() { structure "$1" | awk -v n="$2" '$3 == n { print $1, $2 }'; }

# ---- -c: the table instead of the trace --------------------------------------

both c -c "$prog"
assert_eq "-c: exit status as strace" "$rc_s" "$rc_c"
same_table c unordered
assert_eq "-c: getppid 100 calls, no error" "100 0" "$(row c.ctrace getppid)"
assert_eq "-c: openat 10 calls (2 by ld.so), 7 errors" "10 7" "$(row c.ctrace openat)"
assert_eq "-c: only the table on stderr" "$(table c.ctrace | wc -l)" "$(wc -l < c.ctrace)"
assert_matches "-c: header" c.ctrace '^% time     seconds  usecs/call     calls    errors syscall$'
assert_matches "-c: total row" c.ctrace '^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ +[0-9]+ total$'
assert_not_contains "-c: no exit_group (it never returns)" c.ctrace "exit_group"

# Orders that do not depend on times: identical row by row.
for s in calls name errors nothing; do
	both "sort_$s" -c -S "$s" "$prog" 50 3
	same_table "sort_$s" ordered
done
assert_eq "-S calls: getppid first" "getppid" \
	"$(structure sort_calls.ctrace | sed -n 3p | cut -d' ' -f3)"

# -w: wall-clock time, same counts.
both wall -c -w "$prog"
same_table wall unordered

# -U: chosen columns, the name appended, widths as strace's.
both cols -c -U calls,errors -S calls "$prog" 30 2
CHECKS=$((CHECKS + 1))
if [ -s cols.strace ] && cmp -s <(table cols.ctrace) <(table cols.strace); then
	pass "-U calls,errors: the same table, byte for byte"
else
	fail "-U calls,errors: tables differ"
	diff <(table cols.ctrace) <(table cols.strace) | sed 's/^/      | /' | head >&2
fi

# -e trace=: only the selected calls are counted.
both traced -c -e trace=getppid,openat "$prog" 20 4
same_table traced unordered
assert_eq "-c -e trace=: header, rules, two rows and the total" 6 "$(structure traced.ctrace | wc -l)"

# -f: every task's calls in one table.
both forks -f -c "$prog" 40 2 3
same_table forks unordered
assert_eq "-f -c: getppid of the parent and its 3 children" "160 0" "$(row forks.ctrace getppid)"

# -o FILE: the table goes to FILE, stderr stays empty.
run_to 60 "$CTRACE" -c -o c_file.txt "$prog" > /dev/null 2> c_file.err
assert_eq "-c -o FILE: nothing on stderr" "" "$(cat c_file.err)"
assert_eq "-c -o FILE: getppid in the file's table" "100 0" "$(row c_file.txt getppid)"

# ---- -C: the trace, then the table ---------------------------------------------

both C -C "$prog" 10 2
same_table C unordered
assert_eq "-C: the 10 getppid lines are traced" 10 "$(grep -c '^getppid() ' C.ctrace)"
assert_eq "-C: the table comes after the exit line" \
	"+++ exited with 0 +++" "$(grep -B1 '^% time' C.ctrace | head -1)"

# ---- -z / -Z -------------------------------------------------------------------

# trace_shape FILE: each syscall line's name and whether it failed.
trace_shape() {
	grep -v '^+++\|^---\|^\[ Process\|^ctrace:\|^strace:' "$1" |
		sed -E 's/^([a-z0-9_]+)\(.*\) += (-1 [A-Z]+|.*)$/\1 \2/; s/ -1 ([A-Z]+)$/ fail \1/' |
		awk '{ print $1, ($2 == "fail" ? "fail " $3 : "ok") }'
}

for opt in -z -Z; do
	both "st$opt" "$opt" "$prog" 5 3
	trace_shape "st$opt.ctrace" > "st$opt.c.shape"
	trace_shape "st$opt.strace" > "st$opt.s.shape"
	CHECKS=$((CHECKS + 1))
	if [ -s "st$opt.s.shape" ] && cmp -s "st$opt.c.shape" "st$opt.s.shape"; then
		pass "$opt: the same syscall lines as strace ($(wc -l < "st$opt.s.shape"))"
	else
		fail "$opt: syscall lines differ from strace's"
		diff "st$opt.c.shape" "st$opt.s.shape" | sed 's/^/      | /' | head -20 >&2
	fi
	assert_contains "$opt: exit line kept" "st$opt.ctrace" "+++ exited with 0 +++"
	assert_not_contains "$opt: no = ? line" "st$opt.ctrace" "= ?"
done
assert_not_contains "-z: no failed call" st-z.ctrace "= -1"
assert_eq "-z: the 5 getppid" 5 "$(grep -c '^getppid() ' st-z.ctrace)"
assert_eq "-Z: only failed calls (3 opens, ld.so's access)" 4 "$(grep -c '= -1 ENOENT' st-Z.ctrace)"
assert_eq "-Z: nothing else" 5 "$(wc -l < st-Z.ctrace)"

# -f -z: lines are written whole when the call returns, never split.
both fz -f -z "$prog" 5 1 2
assert_not_contains "-f -z: no <unfinished ...>" fz.ctrace "unfinished"
assert_not_contains "-f -z: no resumed" fz.ctrace "resumed>"
assert_eq "-f -z: 15 getppid lines, as strace" "15 15" \
	"$(grep -c 'getppid() ' fz.strace) $(grep -c 'getppid() ' fz.ctrace)"
assert_eq "-f -z: wait4 lines as strace" "$(grep -c 'wait4(' fz.strace)" \
	"$(grep -c 'wait4(' fz.ctrace)"

# The summary still counts every call: -z and -Z change only the trace.
for opt in -z -Z; do
	both "cz$opt" -C "$opt" "$prog"
	same_table "cz$opt" unordered
	assert_eq "-C $opt: the table counts all openat" "10 7" "$(row "cz$opt.ctrace" openat)"
done

# ---- --json ----------------------------------------------------------------------

jq_ok() { [ -s "$1" ] && jq -e . "$1" > /dev/null; }
if command -v jq > /dev/null; then
	run_to 60 "$CTRACE" -c --json "$prog" > /dev/null 2> cj.json
	check "-c --json: every line is JSON" jq_ok cj.json
	assert_eq "-c --json: one summary object and nothing else" "summary" \
		"$(jq -r .type cj.json | sort -u | tr '\n' ' ' | sed 's/ $//')"
	assert_eq "-c --json: getppid calls, errors" "100 0" \
		"$(jq -r '.syscalls[] | select(.syscall == "getppid") | "\(.calls) \(.errors)"' cj.json)"
	total=$(structure c.ctrace | tail -1 | cut -d' ' -f1,2)
	check "-c: the text table's total read" test -n "$total"
	assert_eq "-c --json: total as the text table's" "$total" \
		"$(jq -r '"\(.total.calls) \(.total.errors)"' cj.json)"
	run_to 60 "$CTRACE" -C -Z --json "$prog" 5 2 > /dev/null 2> cjz.json
	assert_eq "-C -Z --json: the failed calls, the exit, the summary" "3 1 1" \
		"$(for t in syscall exit summary; do jq -r "select(.type == \"$t\") | .type" cjz.json |
			wc -l; done | tr '\n' ' ' | sed 's/ $//')"
fi

# ---- misuse, as strace refuses it -------------------------------------------------

# refused NAME EXPECTED-MESSAGE OPTIONS...: exit 1 and strace's message.
refused() {
	local name=$1 msg=$2
	shift 2
	run_to 20 "$CTRACE" "$@" "$prog" > /dev/null 2> "$WORK/refused.err"
	local rc=$?
	assert_eq "$name: exit 1" 1 "$rc"
	assert_eq "$name: message" "ctrace: $msg" "$(head -1 "$WORK/refused.err")"
}
refused "-c -C" "-c/--summary-only and -C/--summary are mutually exclusive" -c -C
refused "-c -ff" "(-c/--summary-only or -C/--summary) and -ff are mutually exclusive" -c -ff
refused "-w alone" \
	"-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)" -w
refused "-U alone" \
	"-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)" -U calls
refused "-S bogus" "invalid sortby: 'bogus'" -c -S bogus
refused "-U bogus" "unknown column name: 'bogus'" -c -U calls,bogus

# ---- PROG killed by a signal: the table still comes, and ctrace dies alike --------

run_to 60 "$CTRACE" -c "$PROGS/die" -s 15 > /dev/null 2> die.ctrace
rc_c=$?
run_to 60 "$strace" -c "$PROGS/die" -s 15 > /dev/null 2> die.strace
rc_s=$?
assert_eq "-c, PROG killed: exit status as strace" "$rc_s" "$rc_c"
same_table die unordered
assert_not_contains "-c, PROG killed: no +++ killed line" die.ctrace "+++ killed"

# ---- -p PID, then SIGINT: detach, and the table of what was seen -------------------

"$PROGS/sleeper" > "$WORK/sleeper.pid" &
spid=$!
track "$spid"
if wait_for 10 test -s "$WORK/sleeper.pid"; then
	"$CTRACE" -c -p "$spid" 2> attach.ctrace &
	cpid=$!
	track "$cpid"
	wait_for 10 file_has attach.ctrace "attached"
	sleep 2.5                       # the sleeper naps a second at a time
	kill -INT "$cpid"
	wait "$cpid"
	assert_eq "-c -p, SIGINT: ctrace dies of it (as strace: 130)" 130 "$?"
	assert_contains "-c -p, SIGINT: detached" attach.ctrace "Process $spid detached"
	assert_matches "-c -p, SIGINT: the naps counted" attach.ctrace \
		' [1-9][0-9]* +(clock_nanosleep|restart_syscall)$'
	assert_matches "-c -p, SIGINT: total row" attach.ctrace '^100\.00 .* total$'
	check "-c -p, SIGINT: the sleeper runs on untraced" test "$(tracer_of "$spid")" = 0
	check "-c -p, SIGINT: the sleeper is not stopped" not_stopped "$spid"
	kill "$spid"
	wait "$spid" 2> /dev/null
else
	fail "sleeper did not start"
fi

finish
