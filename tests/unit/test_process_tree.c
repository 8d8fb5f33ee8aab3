/*
 * The process tree (--tree) fed with crafted events, as the tracer feeds it:
 * each syscall goes through its real decoder (x86_64) over fake memory, the
 * fork event comes between the creating call's entry and its exit, and the
 * ends are wait statuses.  The text, DOT and JSON are compared whole.
 */
#include <string.h>

#include "ctrace/process_tree.h"
#include "decode_harness.h"

#define SIGKILL 9
#define SIGSEGV 11
#define SIGCHLD 17
#define CORE 0x80                     /* WCOREDUMP's bit of a wait status */
#define EXITED(code) ((code) << 8)

#define CLONE_FILES   0x00000400ULL
#define CLONE_NEWNS   0x00020000ULL
#define CLONE_NEWUSER 0x10000000ULL
#define CLONE_NEWPID  0x20000000ULL
#define CLONE_NEWNET  0x40000000ULL
/* What glibc 2.36's pthread_create asks clone3 for. */
#define PTHREAD_CLONE 0x3d0f00ULL

#define EPERM 1

/* Fake memory: strings, argv arrays and struct clone_args. */
#define PATH_PROG  0x1000ULL
#define PATH_TRUE  0x1100ULL
#define ARG_PROG   0x1200ULL
#define ARG_TRUE   0x1300ULL
#define ARGV_PROG  0x2000ULL
#define ARGV_TRUE  0x2100ULL
#define CA_THREAD  0x3000ULL
#define CA_NEWPID  0x3100ULL

static struct ptree tree;
static struct decode_run run;
static unsigned char argv_prog[16], argv_true[16], ca_thread[64], ca_newpid[64];

static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void setup(bool followed)
{
	decode_run_init(&run);
	ptree_init(&tree, followed);
	fake_mem_add(&run.mem, PATH_PROG, "/bin/prog", 10);
	fake_mem_add(&run.mem, PATH_TRUE, "/bin/true", 10);
	fake_mem_add(&run.mem, ARG_PROG, "prog", 5);
	fake_mem_add(&run.mem, ARG_TRUE, "true", 5);
	memset(argv_prog, 0, sizeof(argv_prog));
	put64(argv_prog, ARG_PROG);
	fake_mem_add(&run.mem, ARGV_PROG, argv_prog, sizeof(argv_prog));
	memset(argv_true, 0, sizeof(argv_true));
	put64(argv_true, ARG_TRUE);
	fake_mem_add(&run.mem, ARGV_TRUE, argv_true, sizeof(argv_true));
	/* clone_args: flags at 0, exit_signal at 32. */
	memset(ca_thread, 0, sizeof(ca_thread));
	put64(ca_thread, PTHREAD_CLONE);
	fake_mem_add(&run.mem, CA_THREAD, ca_thread, sizeof(ca_thread));
	memset(ca_newpid, 0, sizeof(ca_newpid));
	put64(ca_newpid, CLONE_NEWPID);
	put64(ca_newpid + 32, SIGCHLD);
	fake_mem_add(&run.mem, CA_NEWPID, ca_newpid, sizeof(ca_newpid));
}

static void teardown(void)
{
	ptree_free(&tree);
	decode_run_fini(&run);
}

/* A whole syscall of `pid`. */
static void call(pid_t pid, enum syscall_id id, const uint64_t args[6], int64_t rval)
{
	decode_line(&run, &arch_x86_64, id, args, rval);
	ptree_syscall(&tree, pid, &run.ev);
}

/* `pid` makes `child`: entry, the tracer's fork event, exit. */
static void create(pid_t pid, enum syscall_id id, const uint64_t args[6], pid_t child)
{
	decode_entry(&run, &arch_x86_64, id, args);
	ptree_fork(&tree, pid, child, &run.ev);
	decode_exit(&run, child);
	ptree_syscall(&tree, pid, &run.ev);
}

static const char *render(void (*fn)(struct strbuf *, const struct ptree *))
{
	static struct strbuf sb;

	strbuf_reset(&sb);
	fn(&sb, &tree);
	return strbuf_str(&sb);
}

/* fork, vfork, clone, threads (one made by a thread), exec, exits, signals. */
static void family(void)
{
	ptree_root(&tree, 100, false, 0, NULL);
	call(100, SYS_execve, DECODE_ARGS(PATH_PROG, ARGV_PROG, 0), 0);
	create(100, SYS_fork, DECODE_ARGS(0), 101);
	call(101, SYS_execve, DECODE_ARGS(PATH_TRUE, ARGV_TRUE, 0), 0);
	ptree_exit(&tree, 101, EXITED(0));
	create(100, SYS_vfork, DECODE_ARGS(0), 102);
	ptree_exit(&tree, 102, EXITED(3));
	create(100, SYS_clone, DECODE_ARGS(SIGCHLD, 0, 0, 0, 0), 103);
	create(103, SYS_clone3, DECODE_ARGS(CA_THREAD, 64), 104);
	create(104, SYS_clone3, DECODE_ARGS(CA_THREAD, 64), 105);
	create(104, SYS_fork, DECODE_ARGS(0), 106);
	ptree_exit(&tree, 106, SIGSEGV | CORE);
	ptree_exit(&tree, 105, SIGKILL);
	ptree_exit(&tree, 104, SIGKILL);
	ptree_exit(&tree, 103, SIGKILL);
	ptree_exit(&tree, 100, EXITED(0));
}

START_TEST(text_family)
{
	setup(true);
	family();
	ck_assert_str_eq(render(ptree_render_text),
		"process tree: 5 processes, 2 threads\n"
		"100 prog: started, exec \"/bin/prog\" [\"prog\"], exited 0\n"
		"|-- 101 true: fork, exec \"/bin/true\" [\"true\"], exited 0\n"
		"|-- 102 prog: vfork, exited 3\n"
		"`-- 103 prog: clone(SIGCHLD), killed by SIGKILL\n"
		"    |-- thread 104: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), "
		"killed by SIGKILL\n"
		"    |-- thread 105: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), "
		"killed by SIGKILL\n"
		"    `-- 106 prog: fork by thread 104, killed by SIGSEGV (core dumped)\n");
	teardown();
}
END_TEST

START_TEST(dot_family)
{
	setup(true);
	family();
	ck_assert_str_eq(render(ptree_render_dot),
		"digraph ctrace_tree {\n"
		"\tlabel=\"ctrace --tree: 5 processes, 2 threads\";\n"
		"\tlabelloc=t; fontname=\"Helvetica\";\n"
		"\tnode [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
		"\tedge [fontname=\"Helvetica\", fontsize=9];\n"
		"\tn0 [label=\"100 prog\\nstarted\\nexec \\\"/bin/prog\\\"\\n[\\\"prog\\\"]\\n"
		"exited 0\\n\"];\n"
		"\tn1 [label=\"101 true\\nexec \\\"/bin/true\\\"\\n[\\\"true\\\"]\\n"
		"exited 0\\n\"];\n"
		"\tn2 [label=\"102 prog\\nexited 3\\n\"];\n"
		"\tsubgraph cluster_n3 {\n"
		"\t\tlabel=\"process 103 prog\"; style=dashed; color=\"#888888\";\n"
		"\t\tn3 [label=\"103 prog\\nkilled by SIGKILL\\n\", "
		"color=\"#cc0000\", penwidth=2];\n"
		"\t\tn4 [label=\"thread 104\\nkilled by SIGKILL\\n\", shape=oval, "
		"color=\"#cc0000\", penwidth=2];\n"
		"\t\tn5 [label=\"thread 105\\nkilled by SIGKILL\\n\", shape=oval, "
		"color=\"#cc0000\", penwidth=2];\n"
		"\t}\n"
		"\tn6 [label=\"106 prog\\nkilled by SIGSEGV (core dumped)\\n\", "
		"color=\"#cc0000\", penwidth=2];\n"
		"\tn0 -> n1 [label=\"fork\"];\n"
		"\tn0 -> n2 [label=\"vfork\"];\n"
		"\tn0 -> n3 [label=\"clone(SIGCHLD)\"];\n"
		"\tn3 -> n4 [label=\"clone3: thread\", style=dashed];\n"
		"\tn4 -> n5 [label=\"clone3: thread\", style=dashed];\n"
		"\tn4 -> n6 [label=\"fork\"];\n"
		"}\n");
	teardown();
}
END_TEST

/* unshare(CLONE_NEWUSER), then clone3(CLONE_NEWPID); refused attempts. */
static void namespaces(void)
{
	ptree_root(&tree, 200, false, 0, "ns");
	create(200, SYS_fork, DECODE_ARGS(0), 201);
	call(201, SYS_unshare, DECODE_ARGS(CLONE_NEWUSER), 0);
	create(201, SYS_clone3, DECODE_ARGS(CA_NEWPID, 64), 202);
	ptree_exit(&tree, 202, EXITED(7));
	call(201, SYS_setns, DECODE_ARGS(5, CLONE_NEWNET), -EPERM);
	call(201, SYS_unshare, DECODE_ARGS(CLONE_FILES), 0);   /* no namespace: not shown */
	ptree_exit(&tree, 201, EXITED(0));
	call(200, SYS_unshare, DECODE_ARGS(CLONE_NEWUSER | CLONE_NEWNS), -EPERM);
	call(200, SYS_clone, DECODE_ARGS(CLONE_NEWNET | SIGCHLD, 0, 0, 0, 0), -EPERM);
	ptree_exit(&tree, 200, EXITED(0));
}

START_TEST(text_namespaces)
{
	setup(true);
	namespaces();
	ck_assert_str_eq(render(ptree_render_text),
		"process tree: 3 processes, 0 threads\n"
		"200 ns: started, unshare(NEWNS|NEWUSER) refused: EPERM, "
		"clone(NEWNET) refused: EPERM, exited 0\n"
		"`-- 201 ns: fork, unshare(NEWUSER), setns(NEWNET) refused: EPERM, exited 0\n"
		"    `-- 202 ns: clone3(NEWPID|SIGCHLD), exited 7\n");
	teardown();
}
END_TEST

START_TEST(dot_namespaces)
{
	setup(true);
	namespaces();
	ck_assert_str_eq(render(ptree_render_dot),
		"digraph ctrace_tree {\n"
		"\tlabel=\"ctrace --tree: 3 processes, 0 threads\";\n"
		"\tlabelloc=t; fontname=\"Helvetica\";\n"
		"\tnode [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
		"\tedge [fontname=\"Helvetica\", fontsize=9];\n"
		"\tn0 [label=\"200 ns\\nstarted\\nunshare(NEWNS|NEWUSER) refused: EPERM\\n"
		"clone(NEWNET) refused: EPERM\\nexited 0\\n\", "
		"style=\"rounded,filled\", fillcolor=\"#f4b6c2\"];\n"
		"\tn1 [label=\"201 ns\\nunshare(NEWUSER)\\nsetns(NEWNET) refused: EPERM\\n"
		"exited 0\\n\", style=\"rounded,filled\", fillcolor=\"#ffd966\"];\n"
		"\tn2 [label=\"202 ns\\nnew ns: pid\\nexited 7\\n\", "
		"style=\"rounded,filled\", fillcolor=\"#ffd966\"];\n"
		"\tn0 -> n1 [label=\"fork\"];\n"
		"\tn1 -> n2 [label=\"clone3(NEWPID|SIGCHLD)\"];\n"
		"}\n");
	teardown();
}
END_TEST

START_TEST(json_namespaces)
{
	setup(true);
	namespaces();
	ck_assert_str_eq(render(ptree_render_json),
		"{\"v\":1,\"type\":\"tree\",\"followed\":true,\"tasks\":["
		"{\"pid\":200,\"thread\":false,\"command\":\"ns\","
		"\"created\":{\"how\":\"started\"},"
		"\"new_namespaces\":[],\"execs\":[],\"namespaces\":["
		"{\"syscall\":\"unshare\",\"types\":[\"user\",\"mnt\"],"
		"\"refused\":{\"errno\":\"EPERM\",\"code\":1}},"
		"{\"syscall\":\"clone\",\"types\":[\"net\"],"
		"\"refused\":{\"errno\":\"EPERM\",\"code\":1}}],"
		"\"end\":{\"how\":\"exited\",\"status\":0},\"threads\":[],\"children\":["
		"{\"pid\":201,\"thread\":false,\"command\":\"ns\",\"created\":{\"how\":\"fork\","
		"\"short\":\"fork\"},\"new_namespaces\":[],\"execs\":[],\"namespaces\":["
		"{\"syscall\":\"unshare\",\"types\":[\"user\"]},"
		"{\"syscall\":\"setns\",\"types\":[\"net\"],"
		"\"refused\":{\"errno\":\"EPERM\",\"code\":1}}],"
		"\"end\":{\"how\":\"exited\",\"status\":0},\"threads\":[],\"children\":["
		"{\"pid\":202,\"thread\":false,\"command\":\"ns\",\"created\":{\"how\":\"clone3\","
		"\"flags\":{\"raw\":536870912,\"flags\":[\"CLONE_NEWPID\"]},"
		"\"exit_signal\":\"SIGCHLD\",\"short\":\"clone3(NEWPID|SIGCHLD)\"},"
		"\"new_namespaces\":[\"pid\"],\"execs\":[],\"namespaces\":[],"
		"\"end\":{\"how\":\"exited\",\"status\":7},\"threads\":[],\"children\":[]}]}]}]}");
	teardown();
}
END_TEST

/* Without -f the creating calls are seen, their children are not. */
START_TEST(not_followed)
{
	setup(false);
	ptree_root(&tree, 300, false, 0, "solo");
	call(300, SYS_clone, DECODE_ARGS(SIGCHLD, 0, 0, 0, 0), 301);
	call(300, SYS_clone3, DECODE_ARGS(CA_THREAD, 64), 302);
	call(300, SYS_fork, DECODE_ARGS(0), -EPERM);   /* failed: nothing made */
	call(300, SYS_fork, DECODE_ARGS(0), 303);
	ptree_adopted(&tree, 303);                     /* seized after all */
	ptree_exit(&tree, 303, EXITED(2));
	ptree_exit(&tree, 300, EXITED(1));
	ck_assert_str_eq(render(ptree_render_text),
		"process tree: 3 processes, 1 thread\n"
		"(without -f only PROG or the -p tasks are traced: the tasks they created are "
		"listed as not followed)\n"
		"300 solo: started, exited 1\n"
		"|-- thread 302: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), not followed\n"
		"|-- 301 solo: clone(SIGCHLD), not followed\n"
		"`-- 303 solo: fork, exited 2\n");
	teardown();
}
END_TEST

/*
 * A child whose first events come before its parent's fork event (the
 * tracer sees both orders), a thread that runs execve, and -p attach.
 */
START_TEST(event_orders)
{
	setup(true);
	ptree_root(&tree, 400, true, 0, "daemon");
	ptree_root(&tree, 401, true, 400, NULL);
	call(402, SYS_execve, DECODE_ARGS(PATH_TRUE, ARGV_TRUE, 0), 0);
	ptree_exit(&tree, 402, EXITED(0));
	create(400, SYS_clone, DECODE_ARGS(SIGCHLD, 0, 0, 0, 0), 402);
	create(401, SYS_clone3, DECODE_ARGS(CA_THREAD, 64), 403);
	ptree_exec_takeover(&tree, 403, 400);
	call(400, SYS_execve, DECODE_ARGS(PATH_PROG, ARGV_PROG, 0), 0);
	ptree_exit(&tree, 401, EXITED(0));
	ptree_detached(&tree, 400);
	ck_assert_str_eq(render(ptree_render_text),
		"process tree: 2 processes, 2 threads\n"
		"400 prog: attached, exec \"/bin/prog\" [\"prog\"], detached\n"
		"|-- thread 401: attached, exited 0\n"
		"|-- thread 403: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), "
		"ran execve, went on as pid 400\n"
		"`-- 402 true: clone(SIGCHLD), exec \"/bin/true\" [\"true\"], exited 0\n");
	teardown();
}
END_TEST

/*
 * Fork events that never come (the parent killed while stopped at one): the
 * tasks go under the process and parent /proc named when they were first
 * seen; one seen first whose fork event does come is linked by it.
 */
START_TEST(lost_fork_events)
{
	setup(true);
	ptree_root(&tree, 600, false, 0, "p");
	create(600, SYS_fork, DECODE_ARGS(0), 601);
	ptree_newborn(&tree, 602, 601, 600);    /* a thread of 601 */
	ptree_newborn(&tree, 603, 603, 601);    /* a child process of 601 */
	ptree_newborn(&tree, 604, 604, 600);    /* seen first, then its fork event */
	create(600, SYS_vfork, DECODE_ARGS(0), 604);
	ptree_newborn(&tree, 605, 605, 1);      /* reparented: nobody traced */
	ptree_exit(&tree, 602, SIGKILL);
	ptree_exit(&tree, 601, SIGKILL);
	ptree_settle(&tree);
	ck_assert_str_eq(render(ptree_render_text),
		"process tree: 5 processes, 1 thread\n"
		"600 p: started, end not seen\n"
		"|-- 601 p: fork, killed by SIGKILL\n"
		"|   |-- thread 602: creation not seen, killed by SIGKILL\n"
		"|   `-- 603 p: creation not seen, end not seen\n"
		"`-- 604 p: vfork, end not seen\n"
		"605: creation not seen, end not seen\n");
	teardown();
}
END_TEST

/* A quote would end a DOT string, a backslash start a Graphviz escape (\N). */
START_TEST(dot_escapes)
{
	setup(true);
	ptree_root(&tree, 700, true, 0, "we\"ird\\N");
	ptree_root(&tree, 701, true, 700, NULL);
	const char *dot = render(ptree_render_dot);
	ck_assert_ptr_nonnull(strstr(dot, "\t\tlabel=\"process 700 we\\\"ird\\\\N\";"));
	ck_assert_ptr_nonnull(strstr(dot, "n0 [label=\"700 we\\\"ird\\\\N\\nattached\\n"));
	teardown();
}
END_TEST

/* Values kept by the tree outlive the event's arena. */
START_TEST(val_copy_is_deep)
{
	struct arena a = { 0 }, b = { 0 };
	struct val *arr = val_array(&a, "argv");

	val_add(arr, val_str(&a, NULL, "sh", 2, false));
	val_add(arr, val_str(&a, NULL, "-c", 2, true));
	arr->comment = arena_printf(&a, "%d vars", 3);
	struct val *copy = val_copy(&b, arr);
	arena_free(&a);
	struct strbuf sb = STRBUF_INIT;
	strace_format_val(&sb, copy);
	ck_assert_str_eq(strbuf_str(&sb), "argv=[\"sh\", \"-c\"...] /* 3 vars */");
	ck_assert_str_eq(copy->name, "argv");
	strbuf_free(&sb);
	arena_free(&b);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("process_tree");
	TCase *tc = tcase_create("tree");

	tcase_add_test(tc, text_family);
	tcase_add_test(tc, dot_family);
	tcase_add_test(tc, text_namespaces);
	tcase_add_test(tc, dot_namespaces);
	tcase_add_test(tc, json_namespaces);
	tcase_add_test(tc, not_followed);
	tcase_add_test(tc, event_orders);
	tcase_add_test(tc, lost_fork_events);
	tcase_add_test(tc, dot_escapes);
	tcase_add_test(tc, val_copy_is_deep);
	suite_add_tcase(s, tc);
	return s;
}
