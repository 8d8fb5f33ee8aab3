#!/bin/sh
# The whole test suite, as CI runs it: dependencies, a sanitizer build
# (ASan + UBSan), unit and integration tests, and the QEMU real-kernel tests
# for i386 and aarch64 (set CTRACE_QEMU_TESTS=0 to skip those).
set -eu
cd "$(dirname "$0")/.."

sh tools/install-deps.sh
cmake -S . -B build-test -DCTRACE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
cmake --build build-test -j"$(nproc)"
export CTRACE_QEMU_TESTS="${CTRACE_QEMU_TESTS:-1}"
# ASan's leak checker cannot run under ptrace-heavy tests reliably; UBSan stops at the first error.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
ctest --test-dir build-test --output-on-failure
