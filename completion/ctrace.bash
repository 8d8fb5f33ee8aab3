# bash completion for ctrace(1), installed as
# share/bash-completion/completions/ctrace.
#
# Everything offered comes from the ctrace being completed, not from a list
# kept here: the options from `ctrace --help` (an option line is indented by
# two spaces and starts with '-'; its spec ends at the first double space),
# an argument's fixed values from the help's `--opt=a|b|c` or `--opt[=a|b]`,
# and in -e trace= the syscall names of every architecture and the %classes
# from `ctrace --list-syscalls --arch=A` and `ctrace --list-classes`.  Only
# the values of arguments that the help names by a placeholder (-S SORTBY)
# are data here, in _ctrace_placeholder_values: an option added to --help
# with a known placeholder needs no change to this file.

# shellcheck disable=SC2207  # compgen output is split on purpose

declare -gA _ctrace_placeholder_values=(
	[SORTBY]="time min-time max-time avg-time calls errors name nothing"
	[COLUMNS]="time-percent total-time min-time max-time avg-time calls errors name"
	[FORMAT]="raw abbrev verbose"
	[SYSCALL]="clone clone3 unshare setns"
	[NAME]="x86_64 i386 aarch64 x32"
	[WHEN]="never auto always"
)

# Per ctrace binary, computed once: option -> kind (see _ctrace_load).
declare -gA _ctrace_kind=()
declare -g _ctrace_loaded_for="" _ctrace_options="" _ctrace_syscalls=""

# _ctrace_parse_help: `ctrace --help` on stdin; prints "OPTION KIND" lines.
# KIND: "-" no argument, "=v1|v2" fixed values, or the placeholder (FILE,
# PID, SET, N...).  OPTION ends with '=' when the value is glued to it.
_ctrace_parse_help()
{
	awk '
	/^  -/ {
		spec = substr($0, 3)
		cut = index(spec, "  ")
		if (cut) spec = substr(spec, 1, cut - 1)
		gsub(/, /, " ", spec)
		n = split(spec, w, " ")
		for (i = 1; i <= n; i++) {
			t = w[i]
			gsub(/[][]/, "", t)
			if (t !~ /^-/)
				continue
			eq = index(t, "=")
			if (eq) {
				opt = substr(t, 1, eq - 1); val = substr(t, eq + 1)
				if (w[i] ~ /\[=/)
					print opt, "-"
				# "a|b|c", or groups "[key:]a|b,[key:]x|y" (long form of -ttt)
				if (val ~ /^([a-z]+:)?[a-z0-9|-]+(,([a-z]+:)?[a-z0-9|-]+)*$/)
					print opt "=", "=" val
				else
					print opt "=", val
			} else if (i < n && w[i + 1] ~ /^[A-Z][A-Z_]*$/ || w[i + 1] ~ /^trace=/) {
				print t, (w[i + 1] ~ /^trace=/ ? "SET" : w[i + 1])
			} else {
				print t, "-"
			}
		}
	}'
}

_ctrace_load()
{
	local cmd=$1 opt kind a
	[[ $_ctrace_loaded_for == "$cmd" ]] && return
	_ctrace_kind=()
	_ctrace_options=""
	while read -r opt kind; do
		[[ -n ${_ctrace_kind[$opt]+set} ]] && continue
		_ctrace_kind[$opt]=$kind
		_ctrace_options+="$opt "
	done < <("$cmd" --help 2> /dev/null | _ctrace_parse_help)
	_ctrace_syscalls=$(
		for a in ${_ctrace_placeholder_values[NAME]}; do
			"$cmd" --list-syscalls --arch="$a" 2> /dev/null
		done | awk '{ print $2 }' | sort -u
		"$cmd" --list-classes 2> /dev/null
		printf "%s\n" all none
	)
	_ctrace_loaded_for=$cmd
}

# _ctrace_values KIND [N]: the words an argument of that kind can be (its
# N-th comma-separated group's, for "=[key:]a|b,[key:]x|y").
_ctrace_values()
{
	case $1 in
	=*)
		local -a groups
		IFS=, read -r -a groups <<< "${1:1}"
		local g=${groups[${2:-0}]:-}
		g=${g#*:}
		echo "${g//|/ }"
		;;
	*) echo "${_ctrace_placeholder_values[$1]}" ;;
	esac
}

# _ctrace_set_candidates VALUE: completions of a -e trace= SET being typed,
# each the whole VALUE with its last item completed ("read,wri" -> "read,write").
_ctrace_set_candidates()
{
	local value=$1 head="" item
	if [[ $value == *,* ]]; then
		head=${value%,*},
		item=${value##*,}
	else
		item=$value
		if [[ $item == '!'* || $item == '?'* ]]; then   # negated, or unknown names ignored
			head=${item:0:1}
			item=${item:1}
		fi
	fi
	local IFS=$'\n'
	local c
	for c in $(compgen -W "$_ctrace_syscalls" -- "$item"); do
		echo "$head$c"
	done
}

# _ctrace_arg KIND TEXT: candidates for an option argument.
_ctrace_arg()
{
	local kind=$1 text=$2
	case $kind in
	SET)
		if [[ $text == trace=* || $text == t=* ]]; then
			local key=${text%%=*}=
			_ctrace_set_candidates "${text#*=}" | sed "s/^/$key/"
		else
			compgen -W "trace=" -- "$text"
			_ctrace_set_candidates "$text"
		fi
		;;
	FILE) compgen -f -- "$text" ;;
	PID) compgen -W "$(cd /proc 2> /dev/null && echo [0-9]*)" -- "$text" ;;
	COLUMNS)
		# a comma-separated list: complete its last item
		local head=""
		[[ $text == *,* ]] && head=${text%,*},
		local c
		for c in $(compgen -W "$(_ctrace_values COLUMNS)" -- "${text##*,}"); do
			echo "$head$c"
		done
		;;
	=*,*)
		# groups: complete the one being typed, after the earlier ones
		local head="" commas=${text//[!,]/}
		[[ $text == *,* ]] && head=${text%,*},
		local c
		for c in $(compgen -W "$(_ctrace_values "$kind" ${#commas})" -- "${text##*,}"); do
			echo "$head$c"
		done
		;;
	*) compgen -W "$(_ctrace_values "$kind")" -- "$text" ;;
	esac
}

_ctrace()
{
	local cmd=${1:-ctrace}
	COMPREPLY=()
	_ctrace_load "$cmd"

	# The word being completed, whole: bash splits "trace=clo" at '=' into
	# three words; readline will replace only what follows the last
	# word-break character, so that part is cut off the candidates below.
	local line=${COMP_LINE:0:COMP_POINT}
	local cur=${line##*[[:space:]]}
	local before=${line%"$cur"}
	local -a words
	read -r -a words <<< "$before"

	# Options end at PROG: after it, complete as for any command.
	local i kind prog_at=0 w
	for ((i = 1; i < ${#words[@]}; i++)); do
		w=${words[i]}
		if [[ $w == -* ]]; then
			kind=${_ctrace_kind[$w]:-}
			[[ -n $kind && $kind != - && $w != *= ]] && ((i++))
			continue
		fi
		prog_at=$i
		break
	done
	if ((prog_at)); then
		return 1        # -o default: file names
	fi

	local -a cands=()
	local prev=${words[${#words[@]} - 1]:-}
	kind=${_ctrace_kind[$prev]:-}
	if [[ ${#words[@]} -gt 1 && -n $kind && $kind != - && $prev != *= ]]; then
		# -S ca, -o FI, -e tr, -p 12
		mapfile -t cands < <(_ctrace_arg "$kind" "$cur")
	elif [[ $cur == -*=* ]]; then
		# --deny=na, --trace=clo, --summary-sort-by=c
		local opt=${cur%%=*}=
		kind=${_ctrace_kind[$opt]:-}
		[[ -n $kind ]] && mapfile -t cands < <(_ctrace_arg "$kind" "${cur#*=}" | sed "s|^|$opt|")
	elif [[ $cur == -* ]]; then
		mapfile -t cands < <(compgen -W "$_ctrace_options" -- "$cur")
	else
		mapfile -t cands < <(compgen -c -- "$cur")   # PROG
	fi

	# Cut what readline will not replace (up to the last word-break char).
	local keep=$cur c
	local breaks=${COMP_WORDBREAKS// /}
	breaks=${breaks//$'\t'/}
	breaks=${breaks//$'\n'/}
	while [[ -n $breaks && $keep == *["$breaks"]* ]]; do
		keep=${keep#*["$breaks"]}
	done
	local cut=$((${#cur} - ${#keep}))
	local glued=0
	for c in "${cands[@]}"; do
		COMPREPLY+=("${c:cut}")
		[[ $c == *= ]] && glued=1
	done
	# "--deny=", "trace=": the value follows without a space
	((glued)) && compopt -o nospace 2> /dev/null
	return 0
}

complete -F _ctrace -o bashdefault -o default ctrace
