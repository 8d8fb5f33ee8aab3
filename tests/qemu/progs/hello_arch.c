/*
 * Says which architecture it was compiled for and which the kernel reports,
 * so a guest log shows that the binary really ran there:
 *	hello_arch: compiled=i386 long=4 kernel=x86_64 pid=N
 */
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

#if defined(__x86_64__) && defined(__ILP32__)
#define COMPILED "x32"
#elif defined(__x86_64__)
#define COMPILED "x86_64"
#elif defined(__i386__)
#define COMPILED "i386"
#elif defined(__aarch64__)
#define COMPILED "aarch64"
#elif defined(__arm__)
#define COMPILED "arm"
#else
#define COMPILED "unknown"
#endif

int main(void)
{
	struct utsname u;

	if (uname(&u) != 0)
		return 1;
	printf("hello_arch: compiled=%s long=%zu kernel=%s pid=%ld\n", COMPILED, sizeof(long),
	       u.machine, (long)getpid());
	return 0;
}
