#!/bin/bash
# ctrace against strace on real i386 and aarch64 kernels (QEMU guests, see
# tests/qemu/README.md).  In each guest the same static test programs are
# traced by strace 6.1 of the architecture (Debian's package, brought in by
# tests/qemu/fetch-strace.sh) and by the static ctrace, both with -f -o FILE;
# the trace files come back through the console log (tests/qemu/progs/catfile)
# and are compared here as compare.sh does on the host: normalize.py
# --decoded-only for the process syscalls, plus the exit status and the output
# of the traced program.
#
#   x86 guest (x86_64 kernel, IA-32 emulation on):
#     i386      i386 ctrace vs i386 strace, on i386 programs
#     m32by64   x86_64 ctrace vs x86_64 strace, on the same i386 programs
#     int80     x86_64 ctrace vs x86_64 strace on tests/qemu/progs/int80_getpid
#               (a 64-bit program's int $0x80 getpid: decoded by its i386 name)
#   aarch64 guest:
#     aarch64   aarch64 ctrace vs aarch64 strace, on aarch64 programs
#
# Besides the comparison, some lines must be in ctrace's traces whatever strace
# says (see must_have), so that a guest that printed nothing cannot pass.
#
# Slow and needs root for apt: only with CTRACE_QEMU_TESTS=1, else exit 77.
#   CTRACE_QEMU_WORK   work directory (default: qemu-arch next to $CTRACE);
#                      the raw and normalised traces stay in WORK/traces
# Env from CTest: CTRACE, PROGS, TESTS_DIR.
set -euo pipefail

if [ "${CTRACE_QEMU_TESTS:-0}" != 1 ]; then
	echo "skipped: set CTRACE_QEMU_TESTS=1"
	exit 77
fi

TESTS=$(cd "${TESTS_DIR:-$(dirname "$0")/..}" && pwd)
QEMU_DIR=$TESTS/qemu
. "$QEMU_DIR/lib.sh"   # block, end_rc
NORMALIZE=$TESTS/integration/normalize.py
WORK=${CTRACE_QEMU_WORK:-$(dirname "${CTRACE:-/tmp/x}")/qemu-arch}
DECODED=${DECODED:-clone,clone3,fork,vfork,unshare,setns,execve,exit_group,exit,wait4}
export CTRACE_QEMU_CMD_TIMEOUT=${CTRACE_QEMU_CMD_TIMEOUT:-60}
mkdir -p "$WORK"
failures=0
checked=0
notes=0
known_diffs=0
t0=$SECONDS

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

phase() {
	echo "--- $* (t=$((SECONDS - t0))s)"
}

# The programs (with arguments) traced in every mode but int80.
PROGRAMS=(
	"clone_flags"
	"clone3_sizes"
	"namespaces"
	"fork_tree"
	"vfork_exec"
	"threads 8"
	"exec_thread"
	"signals"
	"exit_status 3"
	"exit_status 0 TERM"
)

# tag "prog args": a command name for init ([A-Za-z0-9_.+-])
tag() {
	printf '%s' "$1" | tr ' ' '+'
}

# commands MODE STRACE CTRACE PROGDIR "prog args"...: the guest commands of one mode
commands() {
	local mode=$1 strace=$2 ctrace=$3 dir=$4 p t
	shift 4
	for p in "$@"; do
		t=$mode.$(tag "$p")
		echo "s.$t: $strace -f -o /tmp/s.$t $dir/$p"
		echo "c.$t: $ctrace -f -o /tmp/c.$t $dir/$p"
		echo "ts.$t: /bin/catfile /tmp/s.$t"
		echo "tc.$t: /bin/catfile /tmp/c.$t"
	done
}

# note TEXT: a difference that compare.sh would not see either (stderr)
note() {
	echo "NOTE: $*"
	notes=$((notes + 1))
}

# known MODE PROG BASE: masks the one known race in BASE.ctrace.norm and
# BASE.strace.norm; CTRACE_QEMU_STRICT=1 keeps it in (and may fail).
known() {
	local mode=$1 prog=$2 b=$3
	[ "${CTRACE_QEMU_STRICT:-0}" = 1 ] && return 0
	# threads: the thread's CLONE_CHILD_CLEARTID zeroes parent_tid (same address)
	# when it exits before its creator's clone3 returns to the tracer: a race.
	if [ "${prog%% *}" = threads ]; then
		sed -i 's/ => {parent_tid=\[[^]]*\]}/ => {parent_tid=[TID]}/' \
			"$b.strace.norm" "$b.ctrace.norm"
	fi
}

# joined FILE: the trace with each task's "<unfinished ...>" half joined to its
# "<... NAME resumed>" half, pid column kept: whether a call is split depends
# only on what another task printed meanwhile (the guest's scheduling).
joined() {
	awk '{
		pid = $1
		if (sub(/ <unfinished \.\.\.>$/, "")) { head[pid] = $0; next }
		if ((pid in head) && match($0, /^[0-9]+ +<\.\.\. [A-Za-z0-9_]+ resumed>/)) {
			print head[pid] substr($0, RLENGTH + 1)
			delete head[pid]
			next
		}
		print
	}' "$1"
}

# must_have MODE PROG FILE: lines ctrace's trace must hold (split calls
# joined), strace or not
must_have() {
	local mode=$1 prog=${2%% *} f=$3 re=()
	case $prog in
	clone_flags)
		re+=('^[0-9]+ +clone\(child_stack=NULL, flags=CLONE_PARENT_SETTID\|SIGCHLD, parent_tid=\[[0-9]+\]\) += [0-9]+$')
		re+=('^[0-9]+ +clone\(child_stack=NULL, flags=SIGCHLD\) += [0-9]+$')
		;;
	clone3_sizes)
		re+=('^[0-9]+ +clone3\(\{flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0\}, 64\) += [0-9]+$')
		;;
	namespaces) re+=('^[0-9]+ +unshare\(CLONE_NEWNS\) += 0$') ;;
	vfork_exec)
		if [ "$mode" = aarch64 ]; then	# no vfork syscall: glibc's clone
			re+=('^[0-9]+ +clone\(child_stack=0x[0-9a-f]+, flags=CLONE_VM\|CLONE_VFORK\|SIGCHLD[ )]')
		else
			re+=('^[0-9]+ +(vfork\(|<\.\.\. vfork resumed>)\) += [0-9]+$')
		fi
		;;
	fork_tree) re+=('^[0-9]+ +(fork\(\)|clone\(.*) += [0-9]+$') ;;
	int80_getpid)
		re+=('^[0-9]+ +getpid\(\) += [0-9]+$')
		;;
	esac
	re+=('^[0-9]+ +\+\+\+ exited with [0-9]+ \+\+\+$|\+\+\+ killed by SIG')
	local r
	joined "$f" > "$f.joined"
	for r in "${re[@]}"; do
		if ! grep -Eq -- "$r" "$f.joined"; then
			fail "$mode $2: ctrace's trace has no line matching /$r/ (trace: $f)"
		fi
	done
	if [ "$prog" = int80_getpid ] && [ "$(grep -Ec '^[0-9]+ +getpid\(\) += [0-9]+$' "$f.joined")" -lt 2 ]; then
		fail "$mode $2: ctrace's trace has fewer than 2 getpid() lines (libc's and int \$0x80's):"
		grep -E 'getpid|bit mode' "$f" | sed 's/^/    /' >&2
	fi
}

# compare_mode LOG MODE "prog args"...: strace and ctrace agree on each program
compare_mode() {
	local log=$1 mode=$2 p t d rs rc
	shift 2
	d=$WORK/traces
	mkdir -p "$d"
	for p in "$@"; do
		t=$mode.$(tag "$p")
		checked=$((checked + 1))
		rs=$(end_rc "$log" "s.$t")
		rc=$(end_rc "$log" "c.$t")
		if [ "$rs" = "never ran" ] || [ "$(end_rc "$log" "ts.$t")" != rc=0 ] ||
		   [ "$(end_rc "$log" "tc.$t")" != rc=0 ]; then
			fail "$mode $p: the guest did not run it through (strace $rs," \
				"ctrace $rc, trace dumps $(end_rc "$log" "ts.$t") / $(end_rc "$log" "tc.$t"))"
			block "$log" "s.$t" | head -n 10 | sed 's/^/    strace: /' >&2
			block "$log" "c.$t" | head -n 10 | sed 's/^/    ctrace: /' >&2
			continue
		fi
		block "$log" "ts.$t" >"$d/$t.strace"
		block "$log" "tc.$t" >"$d/$t.ctrace"
		block "$log" "s.$t" >"$d/$t.strace.out"
		block "$log" "c.$t" >"$d/$t.ctrace.out"
		local ok=1
		if [ ! -s "$d/$t.strace" ] || [ ! -s "$d/$t.ctrace" ]; then
			fail "$mode $p: empty trace (strace $(wc -l <"$d/$t.strace") lines," \
				"ctrace $(wc -l <"$d/$t.ctrace") lines)"
			continue
		fi
		if [ "$rs" != "$rc" ]; then
			fail "$mode $p: exit status differs: strace $rs, ctrace $rc"
			ok=0
		fi
		# The program's output (pids vary), as compare.sh compares stdout.  The
		# console mixes in the tracers' stderr: their messages are only counted.
		local msg='^(/usr/bin/)?[sc]trace(64)?: '
		local ms mc
		ms=$(grep -Ec "$msg" "$d/$t.strace.out" || true)
		mc=$(grep -Ec "$msg" "$d/$t.ctrace.out" || true)
		if [ "$ms" != "$mc" ]; then
			note "$mode $p: tracer messages on stderr: strace $ms, ctrace $mc" \
				"($(grep -Eh "$msg" "$d/$t.strace.out" "$d/$t.ctrace.out" |
				sed 's/[0-9]\+/N/g' | sort | uniq -c | sed 's/^ *//' | paste -sd';'))"
		fi
		if ! diff -u --label "strace $mode $p (output)" --label "ctrace $mode $p (output)" \
			<(grep -Ev "$msg" "$d/$t.strace.out" | sed 's/[0-9]\+/N/g') \
			<(grep -Ev "$msg" "$d/$t.ctrace.out" | sed 's/[0-9]\+/N/g') >"$d/$t.out.diff"; then
			fail "$mode $p: the output differs:"
			head -n 20 "$d/$t.out.diff" | sed 's/^/    /' >&2
			ok=0
		fi
		local n
		for n in strace ctrace; do
			if ! python3 "$NORMALIZE" --decoded-only "$DECODED" "$d/$t.$n" \
				>"$d/$t.$n.norm" 2>"$d/$t.$n.normerr"; then
				fail "$mode $p: normalize.py failed on the $n trace:"
				sed 's/^/    /' "$d/$t.$n.normerr" >&2
				ok=0
			fi
		done
		known "$mode" "$p" "$d/$t"
		if ! diff -u --label "strace $mode $p" --label "ctrace $mode $p" \
			"$d/$t.strace.norm" "$d/$t.ctrace.norm" >"$d/$t.diff"; then
			fail "$mode $p: ctrace's trace differs from strace's (normalised, $d/$t.diff):"
			head -n 60 "$d/$t.diff" | sed 's/^/    /' >&2
			ok=0
		fi
		must_have "$mode" "$p" "$d/$t.ctrace"
		if [ "$ok" = 1 ]; then
			echo "ok: $mode $p ($(wc -l <"$d/$t.ctrace.norm") lines)"
		fi
	done
	return 0
}

phase setup
bash "$QEMU_DIR/setup.sh" >/dev/null

for arch in i386 x86_64 aarch64; do
	phase "build guest tools: $arch"
	CTRACE_QEMU_REQUIRE_CTRACE=1 \
		bash "$QEMU_DIR/build-guest-tools.sh" "$arch" "$WORK/$arch-root" "$WORK/$arch-build"
	for p in "${PROGRAMS[@]}" int80_getpid catfile guest_true; do
		p=${p%% *}
		[ -x "$WORK/$arch-root/progs/$p" ] || fail "$arch: test program $p did not build"
	done
done
[ "$failures" = 0 ] || { phase "done, $failures failure(s)"; exit 1; }

phase "strace for the guests"
# x86 guest: i386 userland in /bin, /progs; the x86_64 one as ctrace64, strace64, /progs64
X86=$WORK/x86-guest
rm -rf "$X86"
mkdir -p "$X86/bin" "$X86/progs" "$X86/progs64" "$X86/tests"
cp -a "$WORK/i386-root/init" "$X86/init"
cp -a "$WORK/i386-root/progs/." "$X86/progs/"
cp -a "$WORK/x86_64-root/progs/int80_getpid" "$X86/progs64/"
cp -a "$WORK/i386-root/bin/ctrace" "$X86/bin/ctrace"
cp -a "$WORK/x86_64-root/bin/ctrace" "$X86/bin/ctrace64"
cp -a "$WORK/i386-root/progs/catfile" "$X86/bin/catfile"
cp -a "$WORK/i386-root/progs/guest_true" "$X86/bin/true"
bash "$QEMU_DIR/fetch-strace.sh" i386 "$X86" strace
bash "$QEMU_DIR/fetch-strace.sh" x86_64 "$X86" strace64
{
	echo "sv32: /usr/bin/strace -V"
	echo "sv64: /usr/bin/strace64 -V"
	commands i386 /usr/bin/strace /bin/ctrace /progs "${PROGRAMS[@]}"
	commands m32by64 /usr/bin/strace64 /bin/ctrace64 /progs "${PROGRAMS[@]}"
	commands int80 /usr/bin/strace64 /bin/ctrace64 /progs64 int80_getpid
} >"$X86/tests/commands"

A64=$WORK/aarch64-guest
rm -rf "$A64"
mkdir -p "$A64/bin" "$A64/progs" "$A64/tests"
cp -a "$WORK/aarch64-root/init" "$A64/init"
cp -a "$WORK/aarch64-root/progs/." "$A64/progs/"
cp -a "$WORK/aarch64-root/bin/ctrace" "$A64/bin/ctrace"
cp -a "$WORK/aarch64-root/progs/catfile" "$A64/bin/catfile"
cp -a "$WORK/aarch64-root/progs/guest_true" "$A64/bin/true"
bash "$QEMU_DIR/fetch-strace.sh" aarch64 "$A64" strace
{
	echo "sv: /usr/bin/strace -V"
	commands aarch64 /usr/bin/strace /bin/ctrace /progs "${PROGRAMS[@]}"
} >"$A64/tests/commands"

# strace_works LOG NAME: the guest ran that strace (else nothing can be compared)
strace_works() {
	if ! block "$1" "$2" | grep -q '^strace -- version 6\.'; then
		fail "$2: the guest's strace does not run: $(end_rc "$1" "$2")"
		block "$1" "$2" | head -n 5 | sed 's/^/    /' >&2
		return 1
	fi
}

rm -rf "$WORK/traces"
phase "boot x86 guest"
if bash "$QEMU_DIR/run-guest.sh" i386 "$X86" "$WORK/x86-guest.log"; then
	L=$WORK/x86-guest.log
	if strace_works "$L" sv32; then
		compare_mode "$L" i386 "${PROGRAMS[@]}"
	fi
	if strace_works "$L" sv64; then
		compare_mode "$L" m32by64 "${PROGRAMS[@]}"
		compare_mode "$L" int80 int80_getpid
	fi
else
	fail "x86 guest did not finish"
fi

phase "boot aarch64 guest"
if bash "$QEMU_DIR/run-guest.sh" aarch64 "$A64" "$WORK/aarch64-guest.log"; then
	L=$WORK/aarch64-guest.log
	if strace_works "$L" sv; then
		compare_mode "$L" aarch64 "${PROGRAMS[@]}"
	fi
else
	fail "aarch64 guest did not finish"
fi

phase "done: $checked traces compared, $failures failure(s), $known_diffs known" \
	"difference(s), $notes note(s); traces in $WORK/traces"
[ "$failures" = 0 ]
