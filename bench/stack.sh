#!/bin/bash
# -k cost (issue 5): ctrace -k against strace -k on real programs, and each
# against tracing without -k.  Runs are interleaved (one of each per round)
# and medians reported.  Usage: bench/stack.sh [ROUNDS]  (default 3)
#   ls -l /usr/bin      ~4,300 calls (a lstat and more per file)
#   /usr/bin/python3 -c pass   ~360 calls, deep stacks, many libraries (the
#                       interpreter itself, not a pyenv-style shim script)
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=${1:-3}

bench_build
VARIANT[strace_k]="strace -f -k -o /dev/null"
VARIANT[ctrace_k]="$CTRACE_BIN -f -k -o /dev/null"
PEER[ctrace_k]=strace_k
order=(untraced strace ctrace strace_k ctrace_k)
bench_time "$rounds" "" "ls -l /usr/bin" "${order[@]}"
bench_report "ls -l /usr/bin, -f (-k: stack traces)" "${order[@]}"
bench_time "$rounds" "" "/usr/bin/python3 -c pass" "${order[@]}"
bench_report "/usr/bin/python3 -c pass, -f (-k: stack traces)" "${order[@]}"
