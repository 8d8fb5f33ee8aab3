# shellcheck shell=bash
# Shared by bench/run.sh and bench/filtered.sh (sourced, from the top of the
# tree): the Release build, the tracer variants, interleaved timing, medians.

BENCH=build-bench
CTRACE_BIN=$BENCH/ctrace

# bench_build: ctrace in Release in build-bench, and the workload programs.
bench_build() {
	cmake -S . -B "$BENCH" -DCMAKE_BUILD_TYPE=Release -DCTRACE_TESTS=OFF > /dev/null
	cmake --build "$BENCH" -j"$(nproc)" --target ctrace > /dev/null
	cc -O2 -o "$BENCH/syscall_loop" tests/progs/syscall_loop.c
	cc -O2 -pthread -o "$BENCH/storm" tests/progs/storm.c
}

# The tracers: each is a command prefix; the workload follows it.  The
# filtered ones trace %process only: strace with and without its seccomp-bpf
# filter, ctrace with its filter (its default) and without.
declare -A VARIANT=(
	[untraced]=""
	[strace]="strace -f -o /dev/null"
	[ctrace]="$CTRACE_BIN -f -o /dev/null"
	[strace_proc]="strace -f -e trace=%process -o /dev/null"
	[strace_proc_bpf]="strace -f --seccomp-bpf -e trace=%process -o /dev/null"
	[ctrace_proc_bpf]="$CTRACE_BIN -f -e trace=%process -o /dev/null"
	[ctrace_proc]="$CTRACE_BIN --seccomp-bpf=off -f -e trace=%process -o /dev/null"
)
# ctrace variant -> the strace variant it is compared with.
declare -A PEER=([ctrace]=strace [ctrace_proc]=strace_proc [ctrace_proc_bpf]=strace_proc_bpf)

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# bench_time ROUNDS PREP WORK VARIANT...: runs WORK under each VARIANT, one
# of each per round (interleaved, so that machine noise hits all alike), PREP
# before each run, untimed.  Sets MED[VARIANT] to the median in microseconds.
declare -A MED
bench_time() {
	local rounds=$1 prep=$2 work=$3 r v t0 t1
	shift 3
	local -A times=()
	for ((r = 0; r < rounds; r++)); do
		for v in "$@"; do
			[ -z "$prep" ] || eval "$prep"
			t0=$(date +%s%N)
			eval "${VARIANT[$v]} $work" > /dev/null || echo "bench: $v: $work failed" >&2
			t1=$(date +%s%N)
			times[$v]+="$(((t1 - t0) / 1000)) "
		done
	done
	for v in "$@"; do
		MED[$v]=$(echo "${times[$v]}" | median)
	done
}

# bench_report TITLE VARIANT...: a table of MED with ratios to the untraced run
# and, for ctrace's variants, to strace's.
bench_report() {
	local v peer
	printf '\n%s\n' "$1"
	shift
	printf '  %-16s %12s %11s %14s\n' variant "median ms" "x untraced" "ctrace/strace"
	for v in "$@"; do
		peer=${PEER[$v]:-}
		printf '  %-16s %12.1f %11.2f %14s\n' "$v" "$(echo "${MED[$v]} / 1000" | bc -l)" \
			"$(echo "${MED[$v]} / ${MED[untraced]}" | bc -l)" \
			"$([ -n "$peer" ] && [ -n "${MED[$peer]:-}" ] &&
				printf '%.2f' "$(echo "${MED[$v]} / ${MED[$peer]}" | bc -l)")"
	done
}
