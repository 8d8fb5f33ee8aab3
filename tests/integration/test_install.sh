#!/bin/bash
# Installation as Debian expects it: `cmake --install` of the build ctrace
# comes from puts the binary in bin/, the man page in share/man/man1 (which
# man renders without a warning) and the bash completion in
# share/bash-completion/completions/ctrace, with --prefix and with DESTDIR;
# the installed completion, sourced in bash, completes options, their fixed
# arguments and -e trace= names and classes, all read from the installed
# ctrace (--help, --list-syscalls, --list-classes).
# Env: CTRACE, PROGS, TESTS_DIR.  Exit 0: all checks passed, 77: no build dir.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export LC_ALL=C.UTF-8   # one sort order, and a locale man accepts
build=$(dirname "$CTRACE")
if [ ! -f "$build/CMakeCache.txt" ] || ! command -v cmake > /dev/null; then
	echo "SKIP: $build is not a CMake build directory" >&2
	exit 77
fi

quiet() { "$@" > /dev/null 2>&1; }

# ---- where the files land -------------------------------------------------------

prefix=$WORK/prefix
cmake --install "$build" --prefix "$prefix" > "$WORK/install.out" 2>&1
assert_eq "cmake --install --prefix: exit 0" 0 "$?"
check "bin/ctrace, executable" test -x "$prefix/bin/ctrace"
check "share/man/man1/ctrace.1" test -s "$prefix/share/man/man1/ctrace.1"
check "share/bash-completion/completions/ctrace" \
	test -s "$prefix/share/bash-completion/completions/ctrace"
check "the installed binary runs" quiet "$prefix/bin/ctrace" -V

dest=$WORK/dest
DESTDIR=$dest cmake --install "$build" --prefix /usr > "$WORK/destdir.out" 2>&1
assert_eq "DESTDIR= cmake --install --prefix /usr: exit 0" 0 "$?"
for f in usr/bin/ctrace usr/share/man/man1/ctrace.1 usr/share/bash-completion/completions/ctrace; do
	check "DESTDIR: /$f" test -s "$dest/$f"
done
assert_eq "DESTDIR: nothing else installed" \
	"usr/bin/ctrace usr/share/bash-completion/completions/ctrace usr/share/man/man1/ctrace.1" \
	"$(cd "$dest" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ' | sed 's/ $//')"

# ---- the man page renders cleanly ---------------------------------------------------

if command -v man > /dev/null; then
	MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/ctrace.1" > "$WORK/man.txt" 2> "$WORK/man.err"
	assert_eq "man -l: exit 0" 0 "$?"
	assert_eq "man --warnings: no warning" "" "$(cat "$WORK/man.err")"
	assert_contains "man: rendered" "$WORK/man.txt" "--summary-only"
fi
if command -v groff > /dev/null; then
	groff -ww -man -Tutf8 -z "$prefix/share/man/man1/ctrace.1" 2> "$WORK/groff.err"
	assert_eq "groff -ww: no warning" "" "$(cat "$WORK/groff.err")"
fi

# ---- the completion -------------------------------------------------------------------

# complete LINE: the installed completion's COMPREPLY for LINE (cursor at
# its end), one a line, with COMP_WORDS split as bash splits them (at blanks,
# and around the characters of COMP_WORDBREAKS such as '=').
cat > "$WORK/drive.sh" << 'EOF'
source "$1" || exit 1
line=$2
COMP_LINE=$line
COMP_POINT=${#line}
COMP_WORDS=()
w=""
for ((i = 0; i < ${#line}; i++)); do
	ch=${line:i:1}
	if [[ $ch == " " ]]; then
		[[ -n $w ]] && COMP_WORDS+=("$w")
		w=""
	elif [[ $COMP_WORDBREAKS == *"$ch"* ]]; then
		[[ -n $w ]] && COMP_WORDS+=("$w")
		COMP_WORDS+=("$ch")
		w=""
	else
		w+=$ch
	fi
done
COMP_WORDS+=("$w")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
spec=$(complete -p ctrace) || exit 1
fn=${spec#*-F }
fn=${fn%% *}
"$fn" ctrace "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
EOF
complete_line() {
	PATH=$prefix/bin:$PATH bash "$WORK/drive.sh" \
		"$prefix/share/bash-completion/completions/ctrace" "$1" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}

check "completion: registered for ctrace" \
	quiet bash -c "source '$prefix/share/bash-completion/completions/ctrace' && complete -p ctrace"
assert_eq "completion: ctrace --sum" \
	"--summary --summary-columns= --summary-only --summary-sort-by= --summary-wall-clock" \
	"$(complete_line "ctrace --sum")"

# The names ctrace itself lists, on every architecture.
expected_clo=$(for a in x86_64 i386 aarch64 x32; do "$prefix/bin/ctrace" --list-syscalls --arch=$a; done |
	awk '$2 ~ /^clo/ { print $2 }' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
check "completion: ctrace lists clo* syscalls" test -n "$expected_clo"
assert_eq "completion: ctrace -e trace=clo (names of all architectures)" "$expected_clo" \
	"$(complete_line "ctrace -e trace=clo")"
assert_contains "completion: close and clone among them" <(echo "$expected_clo") "clone clone3 close"
assert_eq "completion: -e trace=%pro" "%process" "$(complete_line "ctrace -e trace=%pro")"
assert_eq "completion: -e trace=%%st" "%%stat %%statfs" "$(complete_line "ctrace -e trace=%%st")"
assert_eq "completion: a list's last item" "read,write read,writev" \
	"$(complete_line "ctrace -e trace=read,wri")"
assert_eq "completion: negated set" "!getppid" "$(complete_line "ctrace -e trace=!getpp")"
assert_eq "completion: -e tr offers trace=" "trace=" \
	"$(complete_line "ctrace -e tr" | tr ' ' '\n' | grep -x 'trace=')"
assert_eq "completion: --deny=" "namespaces" "$(complete_line "ctrace --deny=")"
assert_eq "completion: --audit=na" "namespaces" "$(complete_line "ctrace --audit=na")"
assert_eq "completion: -S ca" "calls" "$(complete_line "ctrace -S ca")"
assert_eq "completion: --summary-sort-by=" \
	"avg-time calls errors max-time min-time name nothing time" \
	"$(complete_line "ctrace --summary-sort-by=")"
assert_eq "completion: -U calls,er" "calls,errors" "$(complete_line "ctrace -U calls,er")"
assert_eq "completion: --decode cl" "clone clone3" "$(complete_line "ctrace --decode cl")"
assert_eq "completion: --list-syscalls --arch=a" "aarch64" \
	"$(complete_line "ctrace --list-syscalls --arch=a")"
touch "$WORK/trace-out.txt"
assert_eq "completion: -o FILE" "$WORK/trace-out.txt" "$(complete_line "ctrace -o $WORK/trace-o")"
assert_eq "completion: after PROG, nothing of ctrace's (bash's default)" "" \
	"$(complete_line "ctrace -f ls --su")"

# Options come from --help alone: a stand-in ctrace whose help names new
# options gets them completed, with their values, and no change to the
# completion is needed.
fake=$WORK/fake/bin
mkdir -p "$fake"
cat > "$fake/ctrace" << 'FAKE'
#!/bin/sh
case $1 in
--help) cat << 'HELP'
Usage: ctrace [options]
  -X FORMAT, --const-print-style=FORMAT  print constants raw, abbreviated or verbose
  --tree[=dot]    print the process tree
  --stamps[=[format:]none|time|unix,[precision:]s|ms|us|ns]  long form, two groups
  -k, --stack-traces  print stack traces
  -e trace=SET    trace only SET
                  -n is not an option: continuation lines are text
HELP
;;
--list-syscalls) echo "0 read 3"; echo "1 write 3" ;;
--list-classes) echo "%file" ;;
esac
FAKE
chmod +x "$fake/ctrace"
fake_complete() {
	PATH=$fake:$PATH bash "$WORK/drive.sh" \
		"$prefix/share/bash-completion/completions/ctrace" "$1" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
assert_eq "derived: the options of a new help" \
	"--const-print-style= --stack-traces --stamps --stamps= --tree --tree= -X -e -k" \
	"$(fake_complete "ctrace -")"
assert_eq "derived: -X FORMAT values" "abbrev raw verbose" "$(fake_complete "ctrace -X ")"
assert_eq "derived: --const-print-style=FORMAT" "raw" "$(fake_complete "ctrace --const-print-style=r")"
assert_eq "derived: --tree[=dot]" "dot" "$(fake_complete "ctrace --tree=")"
assert_eq "derived: first group of --stamps=" "none time unix" "$(fake_complete "ctrace --stamps=")"
assert_eq "derived: second group" "unix,ms unix,ns unix,s unix,us" \
	"$(fake_complete "ctrace --stamps=unix,")"
assert_eq "derived: -e trace= from its --list-syscalls" "%file all none read write" \
	"$(fake_complete "ctrace -e trace=")"

# Every option in --help is offered, and every class ctrace lists.
help_opts=$("$prefix/bin/ctrace" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
offered=$(complete_line "ctrace -" | tr ' ' '\n' | sed 's/=$//' | sort -u)
missing=$(comm -23 <(echo "$help_opts") <(echo "$offered") | tr '\n' ' ')
assert_eq "completion: every long option of --help is offered" "" "$missing"
# --list-classes, the completion's source: classes -e trace= accepts.
bad=""
for c in $("$prefix/bin/ctrace" --list-classes); do
	quiet "$prefix/bin/ctrace" -e "trace=$c" true || bad+="$c "
done
assert_eq "--list-classes: each one accepted by -e trace=" "" "$bad"
assert_contains "--list-classes: %namespace" <("$prefix/bin/ctrace" --list-classes) "%namespace"
quiet "$prefix/bin/ctrace" --list-classes extra
assert_eq "--list-classes ARG: exit 1" 1 "$?"
classes=$("$prefix/bin/ctrace" --list-classes | sort | tr '\n' ' ' | sed 's/ $//')
assert_eq "completion: every class" "$classes" "$(complete_line "ctrace -e trace=%")"

finish
