/*
 * seccomp_floor CMD ARGS...: runs CMD under a seccomp filter shaped like
 * ctrace's -e trace= filter (the same architectures, libseccomp's binary
 * tree) that lets every call through but one CMD never makes (acct), and no
 * tracer.  For bench/cpu.sh: the kernel's own cost of having a filter at all
 * (every syscall then takes the seccomp entry path), which no seccomp-based
 * tracer, ctrace or strace --seccomp-bpf, can go below.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: seccomp_floor CMD ARGS...\n");
		return 2;
	}
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx)
		return 2;
	seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
#if defined(__x86_64__)
	seccomp_arch_add(ctx, SCMP_ARCH_X86);
	seccomp_arch_add(ctx, SCMP_ARCH_X32);
#endif
	seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1);
	if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), seccomp_syscall_resolve_name("acct"), 0) ||
	    seccomp_load(ctx)) {
		fprintf(stderr, "seccomp_floor: can't load the filter\n");
		return 2;
	}
	seccomp_release(ctx);
	execvp(argv[1], argv + 1);
	perror("seccomp_floor: exec");
	return 127;
}
