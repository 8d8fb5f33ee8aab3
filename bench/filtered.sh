#!/bin/bash
# Filtered tracing cost (issue 4): 200k cheap syscalls plus 20 forks, traced
# with -f -e trace=%process, against the untraced run and strace 6.1.
# Runs are interleaved (one of each per round) and medians reported, so that
# machine noise hits every variant alike.  Usage: bench/filtered.sh [ROUNDS]
# (bench/run.sh is the whole suite; both share bench/lib.sh.  bench/cpu.sh
# measures the same in CPU time, which a loaded machine disturbs far less.)
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=${1:-7}

bench_build
order=(untraced ctrace_proc_bpf strace_proc_bpf ctrace_proc strace_proc)
bench_time "$rounds" "" "$BENCH/syscall_loop 200000 20" "${order[@]}"
bench_report "syscall_loop 200000 20, -f -e trace=%process (_bpf: seccomp filter)" "${order[@]}"
