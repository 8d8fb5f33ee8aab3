/*
 * getpid through the 32-bit system call gate (int $0x80) from the program's
 * own mode.  In a 64-bit program this is the "compat syscall from a 64-bit
 * process" case a tracer must tell apart from a native one: the kernel takes
 * the i386 table (getpid is 20 there, 39 in the x86_64 one).
 *	int80_getpid: ok mode=64 pid=N
 * Elsewhere it prints that it has nothing to do and exits 0.
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
#if defined(__x86_64__) || defined(__i386__)
	long ret = 20;	/* __NR_getpid in arch/x86/entry/syscalls/syscall_32.tbl */
	long pid = getpid();

	__asm__ volatile("int $0x80" : "+a"(ret) : : "memory");
	if (ret != pid) {
		printf("int80_getpid: FAIL int $0x80 returned %ld, getpid() %ld\n", ret, pid);
		return 1;
	}
	printf("int80_getpid: ok mode=%d pid=%ld\n", (int)(8 * sizeof(long)), pid);
	return 0;
#else
	printf("int80_getpid: not x86, nothing to do\n");
	return 0;
#endif
}
