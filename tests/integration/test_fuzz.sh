#!/bin/bash
# The libFuzzer targets of fuzz/ (issue 6): builds them with clang into a
# build directory next to $CTRACE, then runs each one for a bounded time from
# a copy of its seed corpus (fuzz/corpus/<target>/, never modified).  Any
# crash, sanitizer report, timeout or out-of-memory fails the test, with the
# reproducer printed in hex (save it and run `fuzz_<target> FILE`).
# Env: CTRACE, TESTS_DIR; FUZZ_DECODE_SECONDS (60), FUZZ_OTHER_SECONDS (20),
# CTRACE_FUZZ_BUILD (the build directory).
# Exit: 0 no crash, 1 a crash or a build failure, 77 no clang or libFuzzer.
set -u
: "${CTRACE:?CTRACE must name the ctrace binary}"
: "${TESTS_DIR:?TESTS_DIR must name tests/}"

SRC=$(cd "$TESTS_DIR/.." && pwd)
BUILD=${CTRACE_FUZZ_BUILD:-$(dirname "$CTRACE")/fuzz-build}
DECODE_SECONDS=${FUZZ_DECODE_SECONDS:-60}
OTHER_SECONDS=${FUZZ_OTHER_SECONDS:-20}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ctrace-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT

if ! command -v clang > /dev/null; then
	echo "skipped: clang not found (Debian: apt-get install clang libclang-rt-14-dev)"
	exit 77
fi
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }\n' \
	> "$WORK/probe.c"
if ! clang -fsanitize=fuzzer,address,undefined "$WORK/probe.c" -o "$WORK/probe" 2> "$WORK/probe.log"; then
	cat "$WORK/probe.log"
	echo "skipped: clang cannot link libFuzzer (Debian: apt-get install libclang-rt-14-dev)"
	exit 77
fi

start=$(date +%s)
if ! cmake -S "$SRC" -B "$BUILD" -DCMAKE_C_COMPILER=clang -DCTRACE_FUZZ=ON -DCTRACE_TESTS=OFF \
	> "$WORK/cmake.log" 2>&1 ||
   ! cmake --build "$BUILD" -j"$(nproc)" --target fuzz_decode fuzz_siginfo fuzz_filter \
	fuzz_clone_layout >> "$WORK/cmake.log" 2>&1; then
	tail -n 50 "$WORK/cmake.log"
	echo "FAIL: building the fuzz targets in $BUILD"
	exit 1
fi
echo "built the fuzz targets in $BUILD in $(($(date +%s) - start)) s"

fails=0
for target in decode siginfo filter clone_layout; do
	seconds=$OTHER_SECONDS
	[ "$target" = decode ] && seconds=$DECODE_SECONDS
	corpus="$WORK/corpus/$target"
	mkdir -p "$corpus" "$WORK/artifacts/$target"
	cp "$SRC/fuzz/corpus/$target/"* "$corpus/"
	log="$WORK/$target.log"
	"$BUILD/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$WORK/artifacts/$target/" "$corpus" \
		> "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	artifacts=$(find "$WORK/artifacts/$target" -type f)
	if [ "$rc" -ne 0 ] || [ -n "$artifacts" ]; then
		fails=$((fails + 1))
		grep -A 40 -m 1 -E '^==[0-9]+==|runtime error|^fuzz_' "$log" || tail -n 40 "$log"
		for f in $artifacts; do
			echo "reproducer $(basename "$f") ($(wc -c < "$f") bytes), hex:"
			od -An -tx1 -v "$f"
		done
		echo "FAIL: fuzz_$target (exit $rc) after ${execs:-?} executions"
	else
		echo "ok:   fuzz_$target: ${seconds} s, ${execs:-?} executions, ${speed:-?} exec/s, ${cov:-cov: ?}"
	fi
done
echo "fuzzing took $(($(date +%s) - start)) s"
[ "$fails" -eq 0 ]
