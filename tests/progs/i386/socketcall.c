/*
 * An i386 program without libc (built by test_net.sh with gcc -m32
 * -nostdlib when the host can): socket calls through socketcall(2), whose
 * lines strace names after the call, and the same calls made directly
 * (i386 numbers 359-373), with 32-bit struct msghdr and cmsghdr.  Not in
 * tests/progs/*.c: CMake builds those for the host.
 */
typedef unsigned long u32;

static long sys(long nr, long a, long b, long c)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

static long sys5(long nr, long a, long b, long c, long d, long e)
{
	long r;

	__asm__ volatile("int $0x80"
			 : "=a"(r)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return r;
}

#define SOCKETCALL 102
#define SOCKET 359
#define SOCKETPAIR 360
#define SETSOCKOPT 366
#define GETSOCKOPT 365
#define SENDMSG 370
#define RECVMSG 372
#define SHUTDOWN 373

void _start(void)
{
	u32 a[6];
	/* volatile: the kernel reads and writes them behind the compiler's back */
	volatile int sv[2], one = 1, val, len;
	unsigned char sin[16] = { 2, 0, 0, 80, 127, 0, 0, 1 };
	volatile char buf[16];

	/* socketcall: socket, connect (refused), socketpair, send, recv, shutdown */
	a[0] = 2; a[1] = 1; a[2] = 0;
	long s = sys(SOCKETCALL, 1, (long)a, 0);
	a[0] = s; a[1] = (u32)sin; a[2] = 16;
	sys(SOCKETCALL, 3, (long)a, 0);
	a[0] = 1; a[1] = 2 | 02000000; a[2] = 0; a[3] = (u32)sv;
	sys(SOCKETCALL, 8, (long)a, 0);
	a[0] = sv[0]; a[1] = (u32)"hello"; a[2] = 5; a[3] = 0;
	sys(SOCKETCALL, 9, (long)a, 0);
	a[0] = sv[1]; a[1] = (u32)buf; a[2] = sizeof(buf); a[3] = 0x40;
	sys(SOCKETCALL, 10, (long)a, 0);
	sys(SOCKETCALL, 10, (long)a, 0);                /* EAGAIN */
	a[0] = sv[0]; a[1] = 1; a[2] = 2; a[3] = (u32)&one; a[4] = 4;
	sys(SOCKETCALL, 14, (long)a, 0);                /* setsockopt SO_REUSEADDR */
	len = 4;
	a[0] = sv[0]; a[1] = 1; a[2] = 3; a[3] = (u32)&val; a[4] = (u32)&len;
	sys(SOCKETCALL, 15, (long)a, 0);                /* getsockopt SO_TYPE */
	sys(SOCKETCALL, 99, (long)a, 0);                /* no such call */
	sys(SOCKETCALL, 1, 16, 0);                      /* unreadable arguments */

	/* direct calls: a 32-bit msghdr carrying an fd */
	volatile int p[2];
	sys5(SOCKETPAIR, 1, 2, 0, (long)p, 0);
	u32 iov[2] = { (u32)"fd", 2 };
	u32 control[4] = { 16, 1, 1, 0 };               /* cmsg_len, SOL_SOCKET, SCM_RIGHTS, fd 0 */
	u32 msg[7] = { 0, 0, (u32)iov, 1, (u32)control, 16, 0 };
	sys(SENDMSG, p[0], (long)msg, 0);
	u32 riov[2] = { (u32)buf, sizeof(buf) };
	u32 rcontrol[8];
	u32 rmsg[7] = { 0, 0, (u32)riov, 1, (u32)rcontrol, sizeof(rcontrol), 0 };
	sys(RECVMSG, p[1], (long)rmsg, 0);
	sys5(SETSOCKOPT, p[0], 1, 7, (long)&one, 4);    /* SO_SNDBUF */
	len = 4;
	sys5(GETSOCKOPT, p[0], 1, 39, (long)&val, (long)&len);   /* SO_DOMAIN */
	sys(SOCKET, 10, 2 | 04000, 17);
	sys(SHUTDOWN, p[0], 1, 0);
	sys(1, 0, 0, 0);
}
