/*
 * seccomp_floor [--allow-all] CMD ARGS...: runs CMD under a seccomp filter
 * shaped like ctrace's -e trace= filter (the same architectures, libseccomp's
 * binary tree) that lets every call through but one CMD never makes (acct),
 * and no tracer.  For bench/cpu.sh: the kernel's own cost of having a filter
 * at all (every syscall then takes the seccomp entry path), which no
 * seccomp-based tracer, ctrace or strace --seccomp-bpf, can go below.
 * --allow-all loads instead the smallest filter there is, one instruction
 * returning SECCOMP_RET_ALLOW: what is left is the entry path alone, which
 * shows whether the filter's shape matters.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static int load_allow_all(void)
{
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = 1, .filter = &allow };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: seccomp_floor [--allow-all] CMD ARGS...\n");
		return 2;
	}
	if (!strcmp(argv[1], "--allow-all")) {
		if (argc < 3 || load_allow_all()) {
			fprintf(stderr, "seccomp_floor: can't load the allow-all filter\n");
			return 2;
		}
		execvp(argv[2], argv + 2);
		perror("seccomp_floor: exec");
		return 127;
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
