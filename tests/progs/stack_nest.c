/*
 * Known call stacks for -k (tests/integration/test_stack_trace.sh).  Built
 * with -O0 -g -fno-omit-frame-pointer (tests/CMakeLists.txt), so that every
 * function below is a frame of its own; they are not static, so their names
 * are in the dynamic symbol table as well as in .symtab.
 *
 *   stack_nest            main -> stack_middle_fn -> stack_leaf_fn -> getppid()
 *   stack_nest thread     the same in main, and in a thread:
 *                         thread_start_fn -> thread_leaf_fn -> getppid()
 *   stack_nest exec       a child (fork) execs "stack_nest after-exec":
 *                         main -> after_exec_leaf_fn -> getppid(); the parent
 *                         waits, then runs the default stack
 *   stack_nest signal     raise(SIGUSR1) from stack_raise_fn; the handler
 *                         stack_handler_fn calls getppid()
 *   stack_nest split      a thread blocks in read() from split_reader_fn
 *                         (split_thread_fn) until main has seen it asleep and
 *                         written to the pipe: with -f its line is split by
 *                         "<unfinished ...>" and its stack goes with the resumed line
 *   stack_nest remap      x86_64 only: code that calls getppid() runs from a
 *                         memfd "ctrace_code_a" mapped at an address, which is
 *                         then unmapped and memfd "ctrace_code_b" mapped at the
 *                         same address: a stale map cache would name the
 *                         first file for the second call
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int stack_leaf_fn(int x);
int stack_middle_fn(int x);
int thread_leaf_fn(int x);
void *thread_start_fn(void *arg);
int after_exec_leaf_fn(int x);
void stack_handler_fn(int sig);
void stack_raise_fn(void);
int run_remap(void);
int split_reader_fn(int fd);
void *split_thread_fn(void *arg);

int stack_leaf_fn(int x)
{
	return getppid() + x;
}

int stack_middle_fn(int x)
{
	return stack_leaf_fn(x + 1) * 2;
}

int thread_leaf_fn(int x)
{
	return getppid() - x;
}

void *thread_start_fn(void *arg)
{
	thread_leaf_fn(3);
	return arg;
}

int after_exec_leaf_fn(int x)
{
	return getppid() ^ x;
}

void stack_handler_fn(int sig)
{
	getppid();
}

void stack_raise_fn(void)
{
	raise(SIGUSR1);
}

static volatile pid_t reader_tid;

int split_reader_fn(int fd)
{
	char c;

	reader_tid = gettid();
	return (int)read(fd, &c, 1);
}

void *split_thread_fn(void *arg)
{
	split_reader_fn(*(int *)arg);
	return NULL;
}

/* Sleeping ('S') in /proc: the only place it sleeps after setting its tid is
 * the read. */
static void wait_until_asleep(pid_t tid)
{
	char path[64], buf[512];

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	for (;;) {
		FILE *f = fopen(path, "re");
		size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
		if (f)
			fclose(f);
		buf[n] = '\0';
		char *paren = strrchr(buf, ')');
		if (paren && paren[1] == ' ' && paren[2] == 'S')
			return;
		usleep(1000);
	}
}

static int run_split(void)
{
	int fds[2];
	pthread_t t;

	if (pipe(fds) || pthread_create(&t, NULL, split_thread_fn, &fds[0]))
		return 1;
	while (!reader_tid)
		usleep(1000);
	wait_until_asleep(reader_tid);
	if (write(fds[1], "x", 1) != 1)
		return 1;
	pthread_join(t, NULL);
	return 0;
}

#if defined(__x86_64__)
/* Maps `name`, holding "mov $SYS_getppid,%eax; syscall; ret", executable at
 * `want` (or anywhere if 0); returns the address. */
static void *map_code(const char *name, void *want)
{
	static const unsigned char code[] = { 0xb8, 110, 0, 0, 0, 0x0f, 0x05, 0xc3 };
	char page[4096];
	int fd = memfd_create(name, MFD_CLOEXEC);

	memset(page, 0xcc, sizeof(page));
	memcpy(page, code, sizeof(code));
	if (fd < 0 || write(fd, page, sizeof(page)) != (ssize_t)sizeof(page))
		return MAP_FAILED;
	void *p = mmap(want, sizeof(page), PROT_READ | PROT_EXEC,
		       MAP_PRIVATE | (want ? MAP_FIXED : 0), fd, 0);
	close(fd);
	return p;
}

int run_remap(void)
{
	void *a = map_code("ctrace_code_a", NULL);
	if (a == MAP_FAILED)
		return 1;
	((void (*)(void))a)();
	munmap(a, 4096);
	void *b = map_code("ctrace_code_b", a);
	if (b != a)
		return 1;
	((void (*)(void))b)();
	return 0;
}
#else
int run_remap(void)
{
	return 2;
}
#endif

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "thread")) {
		pthread_t t;
		if (pthread_create(&t, NULL, thread_start_fn, NULL))
			return 1;
		pthread_join(t, NULL);
	} else if (!strcmp(mode, "exec")) {
		pid_t pid = fork();
		if (pid == 0) {
			execl("/proc/self/exe", argv[0], "after-exec", (char *)NULL);
			_exit(127);
		}
		int status;
		waitpid(pid, &status, 0);
	} else if (!strcmp(mode, "after-exec")) {
		after_exec_leaf_fn(5);
		return 0;
	} else if (!strcmp(mode, "signal")) {
		signal(SIGUSR1, stack_handler_fn);
		stack_raise_fn();
		return 0;
	} else if (!strcmp(mode, "split")) {
		return run_split();
	} else if (!strcmp(mode, "remap")) {
		return run_remap();
	}
	stack_middle_fn(1);
	return 0;
}
