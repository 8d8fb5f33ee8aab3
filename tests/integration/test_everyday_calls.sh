#!/bin/bash
# tests/progs/everyday_calls (one call or a few of each kind issue 7's
# decoders know: poll/select/epoll, vector I/O, prctl, madvise/mremap, clocks
# and timers, rt_sigreturn's mask, sigaltstack, CPU masks, waitid, ids,
# close_range, copy_file_range, utimensat) traced by strace 6.1 and by ctrace:
# after normalize.py every line of strace's must be ctrace's too, but
# getrandom's random bytes.
# Env: CTRACE, PROGS, TESTS_DIR.  Exit: 0 ok, 1 a line differs, 77 no strace.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/integration/lib.sh
. "$here/lib.sh"

strace=${STRACE:-/usr/bin/strace}
if [ ! -x "$strace" ]; then
	echo "SKIP: strace not found" >&2
	exit 77
fi

for n in strace ctrace; do
	tracer=$strace
	[ $n = ctrace ] && tracer=$CTRACE
	mkdir -p "$WORK/$n"
	# TZ: utimensat's date comment is local time.
	TZ=UTC run_to 60 "$tracer" -f -o "$WORK/$n.trace" "$PROGS/everyday_calls" "$WORK/$n" \
		> /dev/null 2>&1 < /dev/null
	assert_eq "$n: everyday_calls exits 0" 0 "$?"
	# The scratch directory's name is the only difference the program makes.
	sed "s|$WORK/$n|DIR|g" "$WORK/$n.trace" | python3 "$here/normalize.py" > "$WORK/$n.norm"
done

python3 "$here/identical_lines.py" -v "$WORK/strace.norm" "$WORK/ctrace.norm" |
	tail -n +2 | grep -v '^-P[0-9.]*: getrandom(' > "$WORK/missing"
CHECKS=$((CHECKS + 1))
if [ -s "$WORK/missing" ]; then
	fail "strace's lines ctrace does not print: $(wc -l < "$WORK/missing")"
	cut -c1-220 "$WORK/missing" >&2
else
	pass "every line of strace's but getrandom's is ctrace's"
fi
# Not vacuous: the decoded forms are there.
for line in \
	'poll([{fd=10, events=POLLIN}, {fd=11, events=POLLIN|POLLOUT}, {fd=-1}], 3, 0) = 2 (' \
	'= 2 ([{fd=10, revents=POLLIN}, {fd=11, revents=POLLOUT}])' \
	'pselect6(12, [10], NULL, NULL, NULL, {sigmask=[USR1], sigsetsize=8}) = 1 (in [10])' \
	'epoll_wait(12, [{events=EPOLLIN, data={u32=10, u64=1311768464867721226}}], 4, 0) = 1' \
	'readv(10, [{iov_base="hel", iov_len=3}, {iov_base="lo", iov_len=100}], 2) = 5' \
	'prctl(PR_GET_PDEATHSIG, [SIGTERM])' \
	'rt_sigreturn({mask=[USR2]})' \
	'waitid(P_PID, P0.1, {si_signo=SIGCHLD, si_code=CLD_EXITED' \
	'[UTIME_OMIT, {tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */]'; do
	assert_contains "ctrace: ${line:0:40}" "$WORK/ctrace.norm" "$line"
done

finish
