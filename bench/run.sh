#!/bin/bash
# The benchmark suite: bench/run.sh [ROUNDS]  (default 3; from any directory)
#
# Builds ctrace in Release (build-bench/) and the workloads, then times, with
# runs interleaved (one of each variant per round) and medians over ROUNDS:
#   untraced; strace -f; ctrace -f; and -f -e trace=%process: strace with and
#   without --seccomp-bpf, ctrace with its seccomp filter (default) and without
# on three workloads:
#   (a) syscall_loop 200000 0   200k cheap syscalls (getppid)
#   (b) syscall_loop 0 2000     2000 fork+wait
#   (c) make -j2 of a generated C project (40 files), from scratch each round
# and, last, the peak RSS of ctrace and strace tracing 1,000 live threads.
# Every trace goes to /dev/null: what is measured is tracing, not the disk.
# Prints ratios ctrace/untraced ("x untraced") and ctrace/strace.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=${1:-3}

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
	"kernel $(uname -r); strace: $(strace -V | head -n 1)"
bench_build

# (c): 40 small C files and a Makefile, generated once.
proj=$BENCH/proj
if [ ! -f "$proj/Makefile" ]; then
	mkdir -p "$proj"
	for i in $(seq 1 40); do
		{
			echo "#include <stdio.h>"
			echo "#include <string.h>"
			echo "int f$i(int x);"
			echo "static int tab${i}[64];"
			echo "int f$i(int x) {"
			echo "	for (int k = 0; k < 64; k++) tab${i}[k] = (x * k) ^ $i;"
			echo "	char b[32]; snprintf(b, sizeof(b), \"%d\", tab${i}[x & 63]);"
			echo "	return (int)strlen(b);"
			echo "}"
		} > "$proj/f$i.c"
	done
	{
		echo "#include <stdio.h>"
		for i in $(seq 1 40); do echo "int f$i(int x);"; done
		echo "int main(void) { int s = 0;"
		for i in $(seq 1 40); do echo "	s += f$i($i);"; done
		printf "\tprintf(\"%%d\\\\n\", s); return 0; }\n"
	} > "$proj/main.c"
	# shellcheck disable=SC2016  # make's variables, not the shell's
	printf '%s\n' 'SRCS := $(wildcard *.c)' 'OBJS := $(SRCS:.c=.o)' \
		'prog: $(OBJS)' '	$(CC) -o $@ $(OBJS)' '%.o: %.c' '	$(CC) -O2 -c -o $@ $<' \
		'clean:' '	rm -f prog $(OBJS)' > "$proj/Makefile"
fi

all=(untraced strace ctrace strace_proc strace_proc_bpf ctrace_proc ctrace_proc_bpf)

bench_time "$rounds" "" "$BENCH/syscall_loop 200000 0" "${all[@]}"
bench_report "(a) syscall_loop 200000 0: 200k getppid()" "${all[@]}"
bench_time "$rounds" "" "$BENCH/syscall_loop 0 2000" "${all[@]}"
bench_report "(b) syscall_loop 0 2000: 2000 fork+wait" "${all[@]}"
bench_time "$rounds" "make -s -C $proj clean" "make -s -C $proj -j2" "${all[@]}"
bench_report "(c) make -j2, 41 C files, from scratch" "${all[@]}"

# Peak RSS (VmHWM) of the tracer with 1,000 live tracees: storm hold 1000 runs
# 1,000 threads that sleep; read once all are running and traced.
hold_rss() {
	local pid v i
	$1 -f -o /dev/null "$BENCH/storm" hold 1000 30 > "$BENCH/hold.out" &
	pid=$!
	for i in $(seq 300); do grep -q ready "$BENCH/hold.out" 2> /dev/null && break; sleep 0.1; done
	sleep 1
	v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
	# Ends PROG, not the tracer: strace ignores SIGINT with -o FILE PROG.
	pkill -KILL -P "$pid" || true
	wait "$pid" 2> /dev/null || true
	echo "$v"
}
c_rss=$(hold_rss "$CTRACE_BIN")
s_rss=$(hold_rss strace)
printf '\npeak RSS with 1,000 live tracees (-f, threads asleep): ctrace %d kB, strace %d kB, ctrace/strace %.2f\n' \
	"$c_rss" "$s_rss" "$(echo "$c_rss / $s_rss" | bc -l)"
