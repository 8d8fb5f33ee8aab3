/*
 * exit_status CODE [SIGNAL]: exit with CODE, or, if SIGNAL (a name without
 * "SIG", e.g. TERM, or a number) is given, kill ourselves with it.
 *
 * Core dumps are disabled so that "+++ killed by SIGSEGV +++" does not gain a
 * "(core dumped)" that depends on the host's core_pattern.
 */
#define _GNU_SOURCE	/* sigabbrev_np; CMake defines it too */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int signal_number(const char *name)
{
	int sig;

	if (!strncmp(name, "SIG", 3))
		name += 3;
	if (*name >= '0' && *name <= '9')
		return atoi(name);
	for (sig = 1; sig < NSIG; sig++) {
		const char *abbrev = sigabbrev_np(sig);

		if (abbrev && !strcmp(abbrev, name))
			return sig;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int code = argc > 1 ? atoi(argv[1]) : 0;

	if (argc > 2) {
		struct rlimit none = { 0, 0 };
		int sig = signal_number(argv[2]);
		sigset_t set;

		if (sig <= 0)
			return 125;
		setrlimit(RLIMIT_CORE, &none);
		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		kill(getpid(), sig);
	}
	_exit(code);
}
