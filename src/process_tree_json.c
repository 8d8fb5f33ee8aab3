/*
 * --tree with --json: the tree as one final JSON object, nested like the
 * text (man/ctrace.1, JSON OUTPUT, type "tree"):
 *
 *   {"v":1,"type":"tree","followed":true,"tasks":[{"pid":1234,"thread":false,
 *    "command":"sh","created":{"how":"started"},"execs":[{"syscall":"execve",
 *    "path":"/bin/sh","argv":["sh"]}],"namespaces":[],"new_namespaces":[],
 *    "end":{"how":"exited","status":0},"threads":[],"children":[...]}]}
 */
#include <string.h>
#include <sys/wait.h>

#include "ctrace/print_json.h"
#include "ctrace/process_tree.h"
#include "ctrace/xlat.h"

static void ns_array(struct strbuf *out, uint64_t ns)
{
	struct strbuf names = STRBUF_INIT;

	ptree_format_ns(&names, ns, "\",\"");
	strbuf_puts(out, names.len ? "[\"" : "[");
	strbuf_add(out, strbuf_str(&names), names.len);
	strbuf_puts(out, names.len ? "\"]" : "]");
	strbuf_free(&names);
}

static void created(struct strbuf *out, const struct ptree_node *n)
{
	static const char *const origin[] = {
		[PTREE_STARTED] = "started", [PTREE_ATTACHED] = "attached",
		[PTREE_ORPHAN] = "unknown",
	};
	struct strbuf text = STRBUF_INIT;

	if (n->origin != PTREE_CREATED) {
		strbuf_printf(out, "{\"how\":\"%s\"}", origin[n->origin]);
		return;
	}
	strbuf_puts(out, "{\"how\":");
	json_format_string(out, n->how.syscall ? n->how.syscall : "unknown",
			   n->how.syscall ? strlen(n->how.syscall) : 7);
	if (n->how.have_flags) {
		struct arena a = { 0 };
		/* The same object --json gives a flags argument. */
		strbuf_puts(out, ",\"flags\":");
		json_format_val(out, val_flags(&a, NULL, n->how.flags, n->how.xlat, 0));
		arena_free(&a);
		strbuf_puts(out, ",\"exit_signal\":");
		const char *sig = signal_name((unsigned)n->how.exit_signal);
		if (sig)
			json_format_string(out, sig, strlen(sig));
		else
			strbuf_printf(out, "%llu", (unsigned long long)n->how.exit_signal);
	}
	ptree_format_how(&text, n);
	strbuf_puts(out, ",\"short\":");
	json_format_string(out, strbuf_str(&text), text.len);
	strbuf_putc(out, '}');
	strbuf_free(&text);
}

static void end(struct strbuf *out, const struct ptree_node *n)
{
	switch (n->end) {
	case PTREE_EXITED:
		strbuf_printf(out, "{\"how\":\"exited\",\"status\":%d}", WEXITSTATUS(n->status));
		return;
	case PTREE_KILLED: {
		const char *sig = signal_name((unsigned)WTERMSIG(n->status));
		strbuf_puts(out, "{\"how\":\"killed\",\"signal\":");
		if (sig)
			json_format_string(out, sig, strlen(sig));
		else
			strbuf_printf(out, "%d", WTERMSIG(n->status));
		strbuf_printf(out, ",\"core_dumped\":%s}", WCOREDUMP(n->status) ? "true" : "false");
		return;
	}
	case PTREE_EXEC_LEADER:
		strbuf_printf(out, "{\"how\":\"exec_leader\",\"became\":%d}", (int)n->became);
		return;
	case PTREE_RUNNING:
		strbuf_puts(out, "{\"how\":\"unknown\"}");
		return;
	case PTREE_DETACHED:
		strbuf_puts(out, "{\"how\":\"detached\"}");
		return;
	case PTREE_UNTRACED:
		strbuf_puts(out, "{\"how\":\"not_followed\"}");
		return;
	}
}

static void facts(struct strbuf *out, const struct ptree_node *n, bool execs)
{
	bool first = true;

	strbuf_putc(out, '[');
	for (const struct ptree_fact *f = n->facts; f; f = f->next) {
		if ((f->kind == PTREE_EXEC) != execs)
			continue;
		strbuf_puts(out, first ? "{\"syscall\":" : ",{\"syscall\":");
		first = false;
		json_format_string(out, f->syscall, strlen(f->syscall));
		if (execs) {
			strbuf_puts(out, ",\"path\":");
			if (f->path)
				json_format_val(out, f->path);
			else
				strbuf_puts(out, "null");
			strbuf_puts(out, ",\"argv\":");
			if (f->argv)
				json_format_val(out, f->argv);
			else
				strbuf_puts(out, "null");
		} else {
			strbuf_puts(out, ",\"types\":");
			ns_array(out, f->ns);
			if (f->kind == PTREE_NS_REFUSED) {
				const char *name = xlat_name(&xlat_errno_names, f->error);
				strbuf_puts(out, ",\"refused\":{\"errno\":");
				if (name)
					json_format_string(out, name, strlen(name));
				else
					strbuf_puts(out, "null");
				strbuf_printf(out, ",\"code\":%u}", f->error);
			}
		}
		strbuf_putc(out, '}');
	}
	strbuf_putc(out, ']');
}

static void task(struct strbuf *out, const struct ptree_node *n)
{
	strbuf_printf(out, "{\"pid\":%d,\"thread\":%s,\"command\":", (int)n->pid,
		      n->thread ? "true" : "false");
	if (n->command)
		json_format_string(out, n->command, strlen(n->command));
	else
		strbuf_puts(out, "null");
	strbuf_puts(out, ",\"created\":");
	created(out, n);
	strbuf_puts(out, ",\"new_namespaces\":");
	ns_array(out, n->ns_new);
	strbuf_puts(out, ",\"execs\":");
	facts(out, n, true);
	strbuf_puts(out, ",\"namespaces\":");
	facts(out, n, false);
	strbuf_puts(out, ",\"end\":");
	end(out, n);
	strbuf_puts(out, ",\"threads\":[");
	for (const struct ptree_node *c = n->first_thread; c; c = c->next_sibling) {
		if (c != n->first_thread)
			strbuf_putc(out, ',');
		task(out, c);
	}
	strbuf_puts(out, "],\"children\":[");
	for (const struct ptree_node *c = n->first_child; c; c = c->next_sibling) {
		if (c != n->first_child)
			strbuf_putc(out, ',');
		task(out, c);
	}
	strbuf_puts(out, "]}");
}

void ptree_render_json(struct strbuf *out, const struct ptree *t)
{
	strbuf_printf(out, "{\"v\":%d,\"type\":\"tree\",\"followed\":%s,\"tasks\":[",
		      JSON_SCHEMA_VERSION, t->followed ? "true" : "false");
	for (const struct ptree_node *r = ptree_first_root(t); r; r = ptree_next_root(t, r)) {
		if (r != ptree_first_root(t))
			strbuf_putc(out, ',');
		task(out, r);
	}
	strbuf_puts(out, "]}");
}
