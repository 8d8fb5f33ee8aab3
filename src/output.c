/* Placement of trace lines (src/output.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctrace/color.h"
#include "ctrace/explain.h"
#include "ctrace/print.h"
#include "ctrace/print_json.h"
#include "ctrace/siginfo.h"
#include "ctrace/stack_trace.h"
#include "ctrace/status_filter.h"
#include "ctrace/summary.h"
#include "ctrace/timestamps.h"
#include "output.h"

struct out_stream {
	FILE *fp;
	struct tracee *line_owner;   /* task whose line is open on this stream */
	size_t col;                  /* characters since the last newline */
	bool per_pid;                /* -ff file: closed with its task */
	bool color;                  /* --color: escape sequences on this stream */
};

static struct {
	const struct options *opts;
	struct out_stream shared;
	bool pid_column;             /* -o FILE with -f: "1234  " on every line */
	bool flush_each_line;        /* output to stderr: keep it in step with the tracee's */
	struct strbuf sb;
	struct ts_state ts;          /* -r: the previous line's time */
	struct color_spans spans;    /* --color: roles of parts of out.sb */
	struct strbuf colored;       /* out.sb with escape sequences */
} out;

/* --color: auto colours a stream that is a terminal (never JSON). */
static bool stream_color(FILE *fp)
{
	return !out.opts->json &&
	       color_decide(out.opts->color, isatty(fileno(fp)), getenv("NO_COLOR"));
}

int output_open(const struct options *opts)
{
	out.opts = opts;
	summary_init(&opts->summary);
	if (opts->outfile && opts->follow_forks < 2) {
		out.shared.fp = fopen(opts->outfile, "we");   /* not inherited by tracees */
		if (!out.shared.fp)
			return -1;
		/* Trace files are written in large blocks; output_flush() runs
		 * whenever ctrace is about to wait, so nothing lingers. */
		setvbuf(out.shared.fp, NULL, _IOFBF, 1 << 16);
	} else {
		out.shared.fp = stderr;
		out.flush_each_line = !opts->outfile;
	}
	/* strace: with -o FILE and -f every line starts with the pid. */
	out.pid_column = opts->outfile && opts->follow_forks == 1;
	out.shared.color = stream_color(out.shared.fp);
	return 0;
}

int output_attach_tracee(struct tracee *t)
{
	if (out.opts->outfile && out.opts->follow_forks >= 2) {
		char *name;
		if (asprintf(&name, "%s.%d", out.opts->outfile, t->pid) < 0)
			abort();
		struct out_stream *s = calloc(1, sizeof(*s));
		if (!s)
			abort();
		s->fp = fopen(name, "we");
		free(name);
		if (!s->fp) {
			free(s);
			return -1;
		}
		setvbuf(s->fp, NULL, _IOFBF, 1 << 14);
		s->per_pid = true;
		s->color = stream_color(s->fp);
		t->out = s;
	} else {
		t->out = &out.shared;
	}
	return 0;
}

void output_detach_tracee(struct tracee *t)
{
	struct out_stream *s = t->out;

	if (!s)
		return;
	if (s->line_owner == t)
		s->line_owner = NULL;
	if (s->per_pid) {
		fclose(s->fp);
		free(s);
	}
	t->out = NULL;
}

void output_close(void)
{
	summary_finish(out.shared.fp, out.opts->json);   /* -c, -C: the table, last */
	output_flush();
	if (out.shared.fp && out.shared.fp != stderr)
		fclose(out.shared.fp);
	out.shared.fp = NULL;
	strbuf_free(&out.sb);
	strbuf_free(&out.colored);
}

static void flush_stream(struct tracee *t, void *arg)
{
	if (t->out && t->out->per_pid)
		fflush(t->out->fp);
}

void output_flush(void)
{
	if (out.shared.fp)
		fflush(out.shared.fp);
	if (out.opts && out.opts->follow_forks >= 2)
		tracee_foreach(flush_stream, NULL);
}

/* Writes out.sb to the task's stream and keeps the column count. */
static void emit(struct out_stream *s)
{
	const char *text = strbuf_str(&out.sb);
	const char *nl = strrchr(text, '\n');

	if (s->color && out.spans.n) {
		strbuf_reset(&out.colored);
		color_render(&out.colored, text, out.sb.len, &out.spans);
		fwrite(strbuf_str(&out.colored), 1, out.colored.len, s->fp);
	} else {
		fwrite(text, 1, out.sb.len, s->fp);
	}
	s->col = nl ? out.sb.len - (size_t)(nl + 1 - text) : s->col + out.sb.len;
	if (out.flush_each_line && nl)
		fflush(s->fp);
	strbuf_reset(&out.sb);
	out.spans.n = 0;
}

/* --color: what out.sb holds from `start` on is in `role`. */
static void mark_from(size_t start, enum color_role role)
{
	color_mark(&out.spans, start, out.sb.len, role);
}

/*
 * --json: out.sb holds one object, written as a line of its own.  Nothing is
 * ever split, so no line is left open and begin_line() is never needed.
 */
static bool json_emit_at(struct tracee *t, const struct stop_time *at, const struct timespec *exit)
{
	if (!t->out)
		return false;
	ts_json_members(&out.sb, &out.opts->ts, at, exit);   /* "time", "duration" */
	strbuf_putc(&out.sb, '\n');
	emit(t->out);
	return true;
}

/* An event that happened at the task's current stop. */
static bool json_emit(struct tracee *t)
{
	return json_emit_at(t, &t->stop_time, NULL);
}

/*
 * Starts a new line for `t`: closes another task's open line with
 * " <unfinished ...>" first, then writes the pid prefix strace would
 * ("[pid N] " when `several` tasks share the output).
 */
static void begin_line_as(struct tracee *t, bool several, const struct stop_time *at,
			  const struct timespec *delta)
{
	struct out_stream *s = t->out;

	if (s->line_owner && s->line_owner != t) {
		strbuf_puts(&out.sb, " <unfinished ...>\n");
		s->line_owner->line_interrupted = true;
		s->line_owner = NULL;
		emit(s);
	} else if (s->col) {
		strbuf_putc(&out.sb, '\n');    /* defensive: never glue two lines */
		emit(s);
	}
	size_t prefix = out.sb.len;
	if (out.pid_column)
		strbuf_printf(&out.sb, "%-5d ", t->pid);
	else if (out.opts->always_show_pid || (!s->per_pid && several))
		strbuf_printf(&out.sb, "[pid %5d] ", t->pid);
	/* -t, -tt, -ttt, -r: when the stop that prints this line was seen. */
	if (delta)   /* -r measured already (-z, -Z) */
		ts_format_prefix_measured(&out.sb, &out.opts->ts, at, delta);
	else
		ts_format_prefix(&out.sb, &out.opts->ts, &out.ts, at);
	if (out.sb.len > prefix + 1)
		color_mark(&out.spans, prefix, out.sb.len - 1, COLOR_PREFIX);
}

static void begin_line(struct tracee *t)
{
	begin_line_as(t, tracee_count() > 1, &t->stop_time, NULL);
}

/* strace's tabto(): the return value starts at column 40. */
static void pad_to_rval(struct out_stream *s)
{
	strbuf_putc(&out.sb, ' ');
	for (size_t col = s->col + out.sb.len; col < STRACE_RVAL_COLUMN; col++)
		strbuf_putc(&out.sb, ' ');
}

/* "name(" and the entry's arguments, the name marked for --color. */
static void format_entry_marked(struct tracee *t)
{
	size_t name = out.sb.len;

	strace_format_entry(&out.sb, &t->ev);
	const char *paren = strchr(strbuf_str(&out.sb) + name, '(');
	if (paren)
		color_mark(&out.spans, name, (size_t)(paren - out.sb.buf), COLOR_SYSCALL);
}

void output_syscall_entry(struct tracee *t)
{
	if (out.opts->json || summary_hides_trace())
		return;         /* the exit writes entry and exit as one object */
	if (out.opts->status_filter) {   /* -z/-Z: the whole line at exit */
		t->staged_pid_prefix = tracee_count() > 1;
		if (out.opts->ts.relative)   /* strace's -r clock counts hidden calls */
			t->staged_delta = ts_relative_advance(&out.ts, &t->ev.entry_time);
		return;
	}
	begin_line(t);
	format_entry_marked(t);
	t->out->line_owner = t;
	t->line_open = true;
	t->line_interrupted = false;
	emit(t->out);
}

void output_syscall_exit(struct tracee *t)
{
	struct out_stream *s = t->out;

	if (summary_hides_trace() || !status_filter_shows(out.opts->status_filter, &t->ev))
		return;
	if (out.opts->json) {
		json_format_syscall(&out.sb, t->pid, &t->ev);
		if (t->ev.stack)
			json_append_stack(&out.sb, t->ev.stack);   /* -k */
		json_emit_at(t, &t->ev.entry_time, t->ev.exited ? &t->stop_time.mono : NULL);
		return;
	}
	if (out.opts->status_filter) {
		/* The time stamp of the entry, as strace stages it there. */
		begin_line_as(t, t->staged_pid_prefix, &t->ev.entry_time, &t->staged_delta);
		format_entry_marked(t);
	} else if (!t->line_open || s->line_owner != t) {
		begin_line(t);
		strbuf_puts(&out.sb, "<... ");
		size_t name = out.sb.len;
		strbuf_puts(&out.sb, t->ev.desc ? t->ev.desc->name : "syscall");
		mark_from(name, COLOR_SYSCALL);
		strbuf_puts(&out.sb, " resumed>");
	}
	/* The task died inside a call whose decoder still had something to
	 * show: strace says so, "read(3,  <unfinished ...>) = ?". */
	if (!t->ev.exited && t->ev.exit_pending)
		strbuf_puts(&out.sb, " <unfinished ...>");
	strace_format_exit_args(&out.sb, &t->ev);
	pad_to_rval(s);
	size_t rval = out.sb.len;
	strace_format_rval(&out.sb, &t->ev);
	if (t->ev.error)   /* not a dying task's "= ?": exit_group's is normal */
		mark_from(rval, COLOR_ERROR);
	if (t->ev.exited)   /* -T; none on "= ?" for a task that died inside */
		ts_format_duration(&out.sb, &out.opts->ts, &t->ev.entry_time.mono,
				   &t->stop_time.mono);
	strbuf_putc(&out.sb, '\n');
	s->line_owner = NULL;
	t->line_open = false;
	emit(s);
	/* -k: the frames right under the line, as strace prints them. */
	if (t->ev.stack) {
		strace_format_stack(&out.sb, t->ev.stack);
		emit(s);
	}
	/* --explain: the sentences go right under the completed line. */
	if (out.opts->explain && t->ev.exited && explain_event(&out.sb, &t->ev, "    "))
		emit(s);
}

void output_signal(struct tracee *t, const struct val *siginfo, int sig,
		   const struct stack_trace *stack)
{
	if (summary_hides_trace())   /* -c */
		return;
	if (out.opts->json) {
		json_format_signal(&out.sb, t->pid, sig, siginfo);
		if (stack)
			json_append_stack(&out.sb, stack);   /* -k */
		json_emit(t);
		return;
	}
	begin_line(t);
	size_t line = out.sb.len;
	strbuf_puts(&out.sb, "--- ");
	const char *name = signal_name((unsigned)sig);
	if (name)
		strbuf_puts(&out.sb, name);
	else
		strbuf_printf(&out.sb, "%d", sig);
	strbuf_putc(&out.sb, ' ');
	if (siginfo)
		strace_format_val(&out.sb, siginfo);
	else
		strbuf_puts(&out.sb, "{}");
	strbuf_puts(&out.sb, " ---");
	mark_from(line, COLOR_SIGNAL);
	strbuf_putc(&out.sb, '\n');
	strace_format_stack(&out.sb, stack);   /* -k; nothing when NULL */
	emit(t->out);
}

void output_group_stop(struct tracee *t, int sig)
{
	if (summary_hides_trace())   /* -c */
		return;
	if (out.opts->json) {
		json_format_group_stop(&out.sb, t->pid, sig);
		json_emit(t);
		return;
	}
	begin_line(t);
	size_t line = out.sb.len;
	strbuf_printf(&out.sb, "--- stopped by %s ---", signal_name((unsigned)sig));
	mark_from(line, COLOR_SIGNAL);
	strbuf_putc(&out.sb, '\n');
	emit(t->out);
}

void output_exit(struct tracee *t, int status)
{
	/* -qq hides normal exits; deaths by signal are still news (strace 6.1). */
	if ((out.opts->quiet >= 2 && WIFEXITED(status)) || summary_hides_trace())
		return;
	if (out.opts->json) {
		json_format_exit(&out.sb, t->pid, status);
		json_emit(t);
		return;
	}
	begin_line(t);
	size_t line = out.sb.len;
	if (WIFEXITED(status))
		strbuf_printf(&out.sb, "+++ exited with %d +++", WEXITSTATUS(status));
	else
		strbuf_printf(&out.sb, "+++ killed by %s %s+++",
			      signal_name((unsigned)WTERMSIG(status)),
			      WCOREDUMP(status) ? "(core dumped) " : "");
	mark_from(line, WIFEXITED(status) && !WEXITSTATUS(status) ? COLOR_EXIT_OK : COLOR_EXIT_BAD);
	strbuf_putc(&out.sb, '\n');
	emit(t->out);
}

void output_pid_changed(struct tracee *t, pid_t new_pid)
{
	struct out_stream *s = t->out;

	if (!s || s->line_owner != t)
		return;
	strbuf_printf(&out.sb, " <pid changed to %d ...>\n", new_pid);
	s->line_owner = NULL;
	t->line_interrupted = true;
	emit(s);
}

void output_superseded(struct tracee *t, pid_t by)
{
	if (summary_hides_trace())   /* -c */
		return;
	if (out.opts->quiet >= 2)
		return;
	if (out.opts->json) {
		json_format_superseded(&out.sb, t->pid, by);
		json_emit(t);
		return;
	}
	begin_line(t);
	strbuf_printf(&out.sb, "+++ superseded by execve in pid %d +++\n", by);
	emit(t->out);
}

void output_personality(struct tracee *t, const struct arch *arch)
{
	if (out.opts->json && !out.opts->quiet) {   /* a fact, wherever JSON goes */
		json_format_personality(&out.sb, t->pid, arch);
		json_emit(t);
		return;
	}
	/* strace 6.1 writes no personality notice into an -o FILE trace. */
	if (out.opts->quiet >= 1 || out.opts->outfile)
		return;
	begin_line(t);
	strbuf_printf(&out.sb, "[ Process PID=%d runs in %s mode. ]\n", t->pid, arch->mode_name);
	emit(t->out);
}

void output_attached(struct tracee *t, bool followed)
{
	if (!out.opts->json || out.opts->quiet)
		return;
	json_format_attach(&out.sb, t->pid, followed);
	json_emit(t);
}

void output_detached(struct tracee *t)
{
	if (!out.opts->json || out.opts->quiet)
		return;
	json_format_detach(&out.sb, t->pid);
	json_emit(t);
}

void output_trailer(const char *text, size_t len)
{
	if (out.shared.fp)
		fwrite(text, 1, len, out.shared.fp);
}

void output_note(const char *fmt, ...)
{
	va_list ap;

	/* Keep the trace and the note in order when both go to stderr. */
	if (out.shared.fp == stderr)
		fflush(stderr);
	fputs("ctrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
