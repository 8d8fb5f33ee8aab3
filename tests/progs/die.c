/*
 * die CODE       exit with CODE
 * die -s SIG     kill ourselves with signal number SIG via raise() (SI_TKILL)
 * die -c SIG     catch SIG: install a handler, send SIG to ourselves with
 *                kill() (SI_USER), print "caught N" from the handler, exit 0
 *
 * Every mode first writes a fixed line to stdout and one to stderr (with a
 * NUL and a non-ASCII byte), so that a test can compare them byte for byte
 * with an untraced run.  Core dumps are disabled: a core file in the cwd can
 * only come from the tracer, and "+++ killed by SIGSEGV +++" never gains a
 * "(core dumped)" that depends on the host's core_pattern.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void say(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void handler(int sig)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "caught %d\n", sig);

	say(1, buf, (size_t)n);
}

int main(int argc, char **argv)
{
	static const char out[] = "die: to stdout\n\0\xff end\n";
	static const char err[] = "die: to stderr\n\0\xfe end\n";
	struct rlimit none = { 0, 0 };
	sigset_t set;

	setrlimit(RLIMIT_CORE, &none);
	say(1, out, sizeof(out) - 1);
	say(2, err, sizeof(err) - 1);
	if (argc > 2 && (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-c"))) {
		int sig = atoi(argv[2]);

		if (sig <= 0 || sig >= NSIG)
			return 125;
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		if (argv[1][1] == 's') {
			signal(sig, SIG_DFL);
			raise(sig);
			_exit(124);	/* a signal that does not kill */
		}
		signal(sig, handler);
		kill(getpid(), sig);
		_exit(0);
	}
	/* _exit: LeakSanitizer (sanitized builds) fails under ptrace at exit(). */
	_exit(argc > 1 ? atoi(argv[1]) : 0);
}
