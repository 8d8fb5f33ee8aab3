#!/bin/bash
# The register path for kernels without PTRACE_GET_SYSCALL_INFO (before 5.3),
# forced with CTRACE_SYSCALL_INFO=regs: the same traces as strace 6.1, and
# proof (by tracing ctrace's own ptrace calls) that the registers were used.
. "$(dirname "$0")/lib.sh"

command -v strace >/dev/null || { echo "skipped: strace not installed"; exit 77; }
export CTRACE_SYSCALL_INFO=regs

# ctrace's own requests, seen by strace tracing ctrace.
strace -qq -e trace=ptrace -o "$WORK/requests" "$CTRACE" -f -o "$WORK/trace" "$PROGS/fork_tree" \
	>/dev/null 2>&1
assert_contains "register glue used" "$WORK/requests" "PTRACE_GETREGS"
assert_not_contains "PTRACE_GET_SYSCALL_INFO not used" "$WORK/requests" \
	"PTRACE_GET_SYSCALL_INFO"
assert_contains "trace written" "$WORK/trace" "+++ exited with 0 +++"

for prog in clone_flags clone3_sizes namespaces "threads 8" fork_tree exec_thread signals vfork_exec; do
	# shellcheck disable=SC2086
	check "regs: $prog identical to strace" bash "$TESTS_DIR/integration/compare.sh" "$PROGS"/$prog
done

finish
