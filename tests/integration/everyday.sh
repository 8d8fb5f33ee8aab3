# shellcheck shell=bash
# The everyday programs of issue 7, for test_common_syscalls.sh and
# test_syscall_names.sh (sourced after lib.sh).  everyday_setup makes what
# they work on under $WORK/ev; everyday_each CALLBACK calls
# `CALLBACK NAME FLOOR PROG ARGS...` for each program that is installed
# (FLOOR: the least share of identical lines, see test_common_syscalls.sh).

everyday_setup() {
	local d=$WORK/ev
	mkdir -p "$d/make" "$d/tree/d" "$d/x" "$d/repo" || return 1
	printf 'all: a.o b.o\n\tcat a.o b.o > prog.out\n%%.o: %%.c\n\tcp $< $@\n' \
		> "$d/make/Makefile"
	echo a > "$d/make/a.c"
	echo b > "$d/make/b.c"
	echo hi > "$d/tree/d/f"
	echo ho > "$d/tree/g"
	if command -v git > /dev/null; then
		# Files older than the index: no "racily clean" entry for git status
		# to refresh and rewrite, so that every traced run does the same.
		(cd "$d/repo" && git init -q && echo x > f && touch -d @1600000000 f &&
			git add f &&
			git -c user.name=t -c user.email=t@t commit -qm m && echo y > g &&
			touch -d @1600000000 g && git status > /dev/null) || return 1
	fi
	if command -v tar > /dev/null; then
		tar -C "$d" -cf "$d/t.tar" tree || return 1
	fi
}

# Undo what a traced run left, so that the next run does the same work.
everyday_reset() {
	rm -f "$WORK/ev/make/"*.o "$WORK/ev/make/prog.out" "$WORK/ev/c.tar"
	rm -rf "$WORK/ev/x" && mkdir -p "$WORK/ev/x"
}

everyday_each() {
	local cb=$1 d=$WORK/ev python
	"$cb" ls 96 ls -l /
	"$cb" sh-pipe 95 sh -c 'echo a | cat | wc -l; ls / | sort | head -3; x=$(echo sub);
		sleep 0.01 & wait; tr a-z A-Z < /etc/hostname > /dev/null'
	# The real interpreter, not a version manager's shell-script shim.
	python=$(python3 -c 'import sys; print(sys.executable)' 2> /dev/null)
	if [ -n "$python" ] && [ -x "$python" ]; then
		"$cb" python3-threads 95 "$python" -c 'import threading, subprocess, time
def w(): time.sleep(0.01)
ts = [threading.Thread(target=w) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
subprocess.run(["true"]); print(subprocess.run(["ls", "/"], capture_output=True).stdout[:10])
print(subprocess.check_output("echo hi | cat", shell=True))'
	fi
	if command -v make > /dev/null; then
		"$cb" make 96 make -C "$d/make"
	fi
	if command -v git > /dev/null; then
		"$cb" git-status 96 git -C "$d/repo" status
	fi
	if command -v tar > /dev/null; then
		"$cb" tar-create 96 tar -C "$d" -cf "$d/c.tar" tree
		"$cb" tar-extract 96 tar -C "$d/x" -xf "$d/t.tar"
	fi
}
