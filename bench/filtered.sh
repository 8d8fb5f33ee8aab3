#!/bin/bash
# Filtered tracing cost (issue 4): 200k cheap syscalls plus 20 forks, traced
# with -f -e trace=%process, against the untraced run and strace 6.1.
# Runs are interleaved (one of each per round) and medians reported, so that
# machine noise hits every variant alike.  Usage: bench/filtered.sh [ROUNDS]
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-7}

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCTRACE_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target ctrace >/dev/null
loop=build-bench/syscall_loop
cc -O2 -o "$loop" tests/progs/syscall_loop.c
ctrace=build-bench/ctrace
args=(200000 20)

declare -A cmd=(
	[untraced]="$loop ${args[*]}"
	[ctrace_filtered]="$ctrace -f -e trace=%process -o /dev/null $loop ${args[*]}"
	[ctrace_nofilter]="$ctrace --seccomp-bpf=off -f -e trace=%process -o /dev/null $loop ${args[*]}"
	[strace_seccomp]="strace -f --seccomp-bpf -e trace=%process -o /dev/null $loop ${args[*]}"
	[strace_nofilter]="strace -f -e trace=%process -o /dev/null $loop ${args[*]}"
)
order=(untraced ctrace_filtered strace_seccomp ctrace_nofilter strace_nofilter)
declare -A times

for ((r = 0; r < rounds; r++)); do
	for v in "${order[@]}"; do
		t0=$(date +%s%N)
		${cmd[$v]} >/dev/null
		t1=$(date +%s%N)
		times[$v]+="$(((t1 - t0) / 1000)) "
	done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A med
for v in "${order[@]}"; do
	med[$v]=$(echo "${times[$v]}" | median)
done
printf '%-18s %10s %12s\n' variant "median us" "x untraced"
for v in "${order[@]}"; do
	printf '%-18s %10d %12.2f\n' "$v" "${med[$v]}" "$(echo "${med[$v]} / ${med[untraced]}" | bc -l)"
done
printf 'ctrace/strace, filtered: %.2f; unfiltered: %.2f\n' \
	"$(echo "${med[ctrace_filtered]} / ${med[strace_seccomp]}" | bc -l)" \
	"$(echo "${med[ctrace_nofilter]} / ${med[strace_nofilter]}" | bc -l)"
