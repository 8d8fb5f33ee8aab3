#!/bin/bash
# Filtered tracing cost in CPU time (issue 4's target: tracing only %process
# of a program making 200k cheap syscalls costs at most 1.05x its untraced
# run), made to hold up on a loaded machine.  Usage: bench/cpu.sh [ROUNDS]
# (default 11).
#
# Wall-clock time on a shared machine measures the other users as much as
# ctrace.  What is measured here instead, for each run, is the CPU time
# (user + system) of the tracer *and* every process it ran (wait4's rusage:
# a reaped child's time, its own reaped children's included), by
# bench/cputime.c.  Time spent waiting for a CPU is not in it, so load moves
# it far less; cache and frequency effects of the load remain, and hit every
# variant alike because runs are interleaved (one of each per round).  For
# each round the variant's CPU time is divided by the untraced run's of the
# same round (and by seccomp_floor's, below); reported: the median of those
# ratios and their interquartile range, the medians of the CPU and wall
# times, and "tracer": the CPU time of ctrace's (strace's) own process
# alone, without its tracees (bench/cputime.c reads it from
# /proc/PID/schedstat), the one part of the cost that is the tracer's code.
# (ctrace without its filter, 40-90x, is in bench/run.sh.)
#
# seccomp_floor is the program alone under a filter of the same shape and no
# tracer (bench/seccomp_floor.c): what the kernel charges every syscall once
# any seccomp filter is installed, a floor for ctrace and strace --seccomp-bpf
# alike; ctrace's own cost is what it adds above that.
#
# Two workloads: syscall_loop 200000 20 (the target's) and 2,000,000 20,
# where ctrace's fixed costs (its own start, building the seccomp filter, the
# 20 forks' stops) weigh ten times less and what remains is the cost per
# untraced syscall (the filter runs in the kernel on every one).
# Hardware counters (perf stat -e instructions) would be steadier still; this
# machine's VM exposes none ("<not supported>"), so they are used only when
# perf can count them (CTRACE_BENCH_PERF=1 forces an attempt).
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=${1:-11}

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), kernel $(uname -r)"
bench_build
cc -O2 -o "$BENCH/cputime" bench/cputime.c
cc -O2 -o "$BENCH/seccomp_floor" bench/seccomp_floor.c -lseccomp
# The kernel's floor: the program under a seccomp filter and no tracer; and
# under the one-instruction allow-all filter (the entry path alone).
VARIANT[seccomp_floor]="$BENCH/seccomp_floor"
VARIANT[seccomp_allow_all]="$BENCH/seccomp_floor --allow-all"

# run_cpu VARIANT WORK: "WALL_US CPU_US SELF_US" of one run (SELF: the
# first process alone: the tracer without its tracees)
run_cpu() {
	local line
	# shellcheck disable=SC2086  # the variant is a command prefix
	line=$( { "$BENCH/cputime" ${VARIANT[$1]} $2 > /dev/null 2>&1; } 3>&1) ||
		echo "bench: $1: $2 failed" >&2
	awk '{ print $1, $2 + $3, $5 }' <<< "$line"
}

# quartiles: "MEDIAN MIN Q1 Q3 MAX" of the numbers on stdin
quartiles() {
	sort -g | awk '{ a[NR] = $1 }
	function q(p,  i) { i = int(p * (NR - 1) + 0.5) + 1; return a[i] }
	END { printf "%s %s %s %s %s\n", q(0.5), a[1], q(0.25), q(0.75), a[NR] }'
}

# stat LIST FORMAT: "MEDIAN [Q1-Q3]" of a space-separated list, each in FORMAT
stat() {
	local q f=$2
	q=$(tr ' ' '\n' <<< "$1" | grep . | quartiles)
	# shellcheck disable=SC2086
	set -- $q
	# shellcheck disable=SC2059  # the format is the caller's
	printf "$f [$f-$f]" "$1" "$3" "$4"
}

# measure WORK VARIANT...: interleaved rounds, then the table.  The first
# VARIANT is the untraced run; ratios to seccomp_floor when it is measured.
measure() {
	local work=$1 r v wall cpu self
	shift
	local -A cpus=() walls=() selfs=() ratios=() floors=()
	for ((r = 0; r < rounds; r++)); do
		local -A this=()
		for v in "$@"; do
			read -r wall cpu self <<< "$(run_cpu "$v" "$work")"
			this[$v]=$cpu
			cpus[$v]+="$cpu "
			walls[$v]+="$wall "
			selfs[$v]+="$self "
		done
		for v in "$@"; do
			ratios[$v]+="$(echo "${this[$v]} / ${this[untraced]}" | bc -l) "
			[ -z "${this[seccomp_floor]:-}" ] ||
				floors[$v]+="$(echo "${this[$v]} / ${this[seccomp_floor]}" | bc -l) "
		done
	done
	printf '\n%s, %d rounds (load average now %s); medians [quartiles]\n' "$work" "$rounds" \
		"$(cut -d' ' -f1 /proc/loadavg)"
	printf '  %-18s %9s %9s %9s  %-22s %-22s\n' variant "CPU ms" "tracer" "wall ms" \
		"CPU x untraced" "CPU x seccomp_floor"
	for v in "$@"; do
		local tracer=-
		case $v in ctrace* | strace*) tracer=$(stat "${selfs[$v]}" %.0f | cut -d' ' -f1) ;; esac
		[ "$tracer" = - ] || tracer=$(echo "$tracer / 1000" | bc -l | xargs printf '%.1f')
		printf '  %-18s %9.1f %9s %9.1f  %-22s %-22s\n' "$v" \
			"$(echo "$(stat "${cpus[$v]}" %.0f | cut -d' ' -f1) / 1000" | bc -l)" "$tracer" \
			"$(echo "$(stat "${walls[$v]}" %.0f | cut -d' ' -f1) / 1000" | bc -l)" \
			"$(stat "${ratios[$v]}" %.3f)" \
			"$([ -n "${floors[$v]:-}" ] && stat "${floors[$v]}" %.3f)"
	done
}

measure "$BENCH/syscall_loop 200000 20" untraced seccomp_allow_all seccomp_floor ctrace_proc_bpf \
	strace_proc_bpf
measure "$BENCH/syscall_loop 2000000 20" untraced seccomp_allow_all seccomp_floor ctrace_proc_bpf \
	strace_proc_bpf

# Instructions, where the machine can count them (not in most VMs).
if [ "${CTRACE_BENCH_PERF:-0}" = 1 ] || perf stat -x, -e instructions -- true 2>&1 |
	grep -q '^[0-9]'; then
	printf '\ninstructions (perf stat, user+kernel, tracer and tracee), median of %d:\n' "$rounds"
	for v in untraced ctrace_proc_bpf strace_proc_bpf; do
		n=$(for ((r = 0; r < rounds; r++)); do
			# shellcheck disable=SC2086
			perf stat -x, -e instructions -- ${VARIANT[$v]} "$BENCH/syscall_loop" 200000 20 \
				2>&1 >/dev/null | awk -F, '$3 ~ /^instructions/ { print $1 }'
		done | quartiles | cut -d' ' -f1)
		printf '  %-16s %s\n' "$v" "$n"
	done
else
	echo
	echo "instructions: perf cannot count them here (no hardware counters in this VM)"
fi
