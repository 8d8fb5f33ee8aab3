/*
 * The /init of the QEMU test guests: a static program, the only process the
 * kernel starts.  There is no shell in the guest, so init itself runs the
 * command lines of /tests/commands one after the other and frames the output
 * of each with markers on the console:
 *
 *	=== BEGIN name ===
 *	...stdout and stderr of the command...
 *	=== END name rc=N ===
 *
 * (after a first line "=== CTRACE-GUEST START kernel=... machine=... ===")
 * and, when every command has run, prints "=== CTRACE-GUEST DONE failures=N ===" and
 * powers the machine off.  Whatever happens it must reach the power off: a
 * panicking guest only shows up as a missing marker.
 *
 * /tests/commands: one command per line, "#" comments and blank lines are
 * skipped.  "NAME: argv..." names the command (NAME is [A-Za-z0-9_.+-]+);
 * otherwise it is called cmdN (its line number).  Arguments split on blanks,
 * with '...' and "..." quoting and backslash escapes; there are no pipes,
 * redirections or variables.  If /tests/commands is missing, /tests/run is run
 * as a single command.
 *
 * Each command gets stdin /dev/null, its own process group (killed when it
 * ends, so no leftover writes into the next block), PATH=/bin:/progs:/tests and
 * a time limit: ctrace_timeout=SECONDS on the kernel command line (default 120);
 * a command that overruns is killed and its END marker says "timeout".
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE 4096
#define MAX_ARGS 128
#define MAX_NAME 64

static volatile sig_atomic_t timed_out;

static void say(const char *fmt, ...)
{
	char buf[MAX_LINE + 256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	/* unbuffered: a command's output must never overtake our markers */
	for (int off = 0; off < n;) {
		ssize_t w = write(STDOUT_FILENO, buf + off, n - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		off += w;
	}
}

static void power_off(void)
{
	sync();
	reboot(RB_POWER_OFF);
	/* unreachable unless reboot failed: exiting panics, and qemu -no-reboot stops */
	say("init: reboot: %s\n", strerror(errno));
	_exit(1);
}

static void setup_console(void)
{
	int fd;

	/* the kernel gives us /dev/console only if the initramfs has the node */
	mkdir("/dev", 0755);
	/* if this fails (no CONFIG_DEVTMPFS), keep whatever console we have */
	(void)mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd >= 0) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		if (fd > STDERR_FILENO)
			close(fd);
	}
}

static void setup_mounts(void)
{
	mkdir("/proc", 0755);
	mkdir("/sys", 0755);
	mkdir("/tmp", 01777);
	if (mount("proc", "/proc", "proc", 0, NULL) < 0)
		say("init: mount /proc: %s\n", strerror(errno));
	if (mount("sysfs", "/sys", "sysfs", 0, NULL) < 0)
		say("init: mount /sys: %s\n", strerror(errno));
	if (mount("tmpfs", "/tmp", "tmpfs", 0, "mode=1777") < 0)
		say("init: mount /tmp: %s\n", strerror(errno));
}

/* Split line into argv in place; returns argc, or -1 on an unterminated quote. */
static int split_args(char *line, char **argv, int max)
{
	char *in = line, *out = line;
	int argc = 0;

	for (;;) {
		while (*in == ' ' || *in == '\t')
			in++;
		if (!*in)
			break;
		if (argc == max - 1)
			return -1;
		argv[argc++] = out;
		char quote = 0;

		while (*in && (quote || (*in != ' ' && *in != '\t'))) {
			if (quote && *in == quote) {
				quote = 0;
				in++;
			} else if (!quote && (*in == '\'' || *in == '"')) {
				quote = *in++;
			} else if (*in == '\\' && quote != '\'' && in[1]) {
				in++;
				*out++ = *in++;
			} else {
				*out++ = *in++;
			}
		}
		if (quote)
			return -1;
		if (*in)
			in++;
		*out++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static int run_one(const char *name, char **argv, unsigned timeout)
{
	int status = 0;
	pid_t pid;

	say("=== BEGIN %s ===\n", name);
	pid = fork();
	if (pid < 0) {
		say("init: fork: %s\n", strerror(errno));
		say("=== END %s rc=127 ===\n", name);
		return 127;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_RDONLY);

		setpgid(0, 0);
		if (fd >= 0 && fd != STDIN_FILENO) {
			dup2(fd, STDIN_FILENO);
			close(fd);
		}
		signal(SIGALRM, SIG_DFL);
		execvp(argv[0], argv);
		dprintf(STDERR_FILENO, "init: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	timed_out = 0;
	alarm(timeout);
	for (;;) {
		pid_t got = waitpid(-1, &status, 0);

		if (got == pid)
			break;
		if (got < 0 && errno == EINTR && timed_out) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			continue;
		}
		if (got < 0 && errno == ECHILD) {
			status = 127 << 8;
			break;
		}
		/* got > 0: an orphan reparented to us; reap and keep waiting */
	}
	alarm(0);
	/* leftovers of the command must not write into the next block */
	kill(-pid, SIGKILL);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;

	int rc;

	if (WIFEXITED(status)) {
		rc = WEXITSTATUS(status);
		say("=== END %s rc=%d%s ===\n", name, rc, timed_out ? " timeout" : "");
	} else if (WIFSIGNALED(status)) {
		rc = 128 + WTERMSIG(status);
		say("=== END %s rc=%d signal=%d%s ===\n", name, rc, WTERMSIG(status),
		    timed_out ? " timeout" : "");
	} else {
		rc = 127;
		say("=== END %s rc=%d ===\n", name, rc);
	}
	return rc;
}

static int valid_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-' || c == '+';
}

/* "NAME: rest" -> copies NAME, returns rest; otherwise NULL */
static char *take_name(char *line, char *name, size_t size)
{
	size_t n = 0;

	while (valid_name_char(line[n]))
		n++;
	if (n == 0 || n >= size || line[n] != ':' || (line[n + 1] != ' ' && line[n + 1] != '\t'))
		return NULL;
	memcpy(name, line, n);
	name[n] = '\0';
	return line + n + 1;
}

static int run_commands(FILE *f, unsigned timeout)
{
	char line[MAX_LINE];
	char *argv[MAX_ARGS];
	char name[MAX_NAME];
	int lineno = 0, failures = 0;

	while (fgets(line, sizeof(line), f)) {
		char *p = line, *rest;
		size_t len = strlen(line);

		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		rest = take_name(p, name, sizeof(name));
		if (rest)
			p = rest;
		else
			snprintf(name, sizeof(name), "cmd%d", lineno);
		if (split_args(p, argv, MAX_ARGS) <= 0) {
			say("=== BEGIN %s ===\ninit: cannot parse line %d\n", name, lineno);
			say("=== END %s rc=127 ===\n", name);
			failures++;
			continue;
		}
		if (run_one(name, argv, timeout) != 0)
			failures++;
	}
	return failures;
}

int main(void)
{
	struct sigaction sa;
	struct utsname u;
	unsigned timeout = 120;
	const char *t;
	FILE *f;
	int failures = 0;

	if (getpid() != 1) {
		/* run by mistake on a host: it would mount things and power it off */
		fprintf(stderr, "init: not process 1, refusing to run (this is a QEMU guest init)\n");
		return 2;
	}
	setup_console();
	setup_mounts();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: the alarm must interrupt waitpid */
	sigaction(SIGALRM, &sa, NULL);

	t = getenv("ctrace_timeout");
	if (t && atoi(t) > 0)
		timeout = atoi(t);
	setenv("PATH", "/bin:/progs:/tests", 1);
	setenv("HOME", "/", 1);
	setenv("TERM", "dumb", 1);
	if (chdir("/") < 0)
		say("init: chdir /: %s\n", strerror(errno));

	if (uname(&u) == 0)
		say("\n=== CTRACE-GUEST START kernel=%s machine=%s ===\n", u.release, u.machine);
	else
		say("\n=== CTRACE-GUEST START ===\n");

	f = fopen("/tests/commands", "r");
	if (f) {
		failures = run_commands(f, timeout);
		fclose(f);
	} else if (access("/tests/run", X_OK) == 0) {
		char *argv[] = { "/tests/run", NULL };

		failures = run_one("run", argv, timeout) != 0;
	} else {
		say("init: neither /tests/commands nor /tests/run\n");
		failures = 1;
	}

	say("=== CTRACE-GUEST DONE failures=%d ===\n", failures);
	power_off();
	return 0;
}
