/*
 * The demo the README traces: one of each way Linux creates a task.
 * A thread (clone3 in glibc 2.34+), a fork (clone), a vfork+exec
 * (posix_spawn), and an unshare that asks for a new UTS namespace.
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
	pthread_t thread;
	pthread_create(&thread, NULL, thread_main, NULL);
	pthread_join(thread, NULL);

	pid_t child = fork();
	if (child == 0)
		_exit(7);
	waitpid(child, NULL, 0);

	char *argv[] = { "true", NULL };
	pid_t spawned;
	if (posix_spawnp(&spawned, "true", NULL, NULL, argv, environ) == 0)
		waitpid(spawned, NULL, 0);

	if (unshare(CLONE_NEWUTS) < 0)
		perror("unshare(CLONE_NEWUTS)");
	return 0;
}
