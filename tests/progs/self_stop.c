/*
 * self_stop [STOP|TSTP]: stops itself with SIGSTOP (default) or SIGTSTP via
 * raise(); whoever runs it sends SIGCONT.  Then says so on stdout and exits 0.
 *
 * "before" and "continued" on stdout let a test tell the two halves apart.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int sig = argc > 1 && !strcmp(argv[1], "TSTP") ? SIGTSTP : SIGSTOP;

	signal(sig, SIG_DFL);
	printf("before\n");
	fflush(stdout);
	raise(sig);
	printf("continued\n");
	fflush(stdout);
	_exit(0);	/* LeakSanitizer fails under ptrace at exit() */
}
