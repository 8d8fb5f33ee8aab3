/*
 * Creates processes and threads every usual way, and unshares what is not a
 * namespace (CLONE_FILES|CLONE_FS): no namespace violation at all.  Writes a
 * line on stdout and one on stderr, and exits 7 (to see it pass through).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void *thread_main(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_t th[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&th[i], NULL, thread_main, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(th[i], NULL);

	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);

	pid = vfork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);

	char *argv[] = { "true", NULL };
	if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) == 0)
		waitpid(pid, NULL, 0);

	if (unshare(CLONE_FILES | CLONE_FS) < 0)
		perror("unshare");

	printf("innocent stdout\n");
	fprintf(stderr, "innocent stderr\n");
	return 7;
}
