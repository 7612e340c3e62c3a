#!/bin/sh
# parse-options.sh - what sharing or skipping parse work would buy
# (issue 9, "share what repeats"): sums kc-parse-options times over the
# TUs of a compile database (one TU at a time) for
#   default     the options ksizecheck uses (KeepGoing, no warnings
#               from headers)
#   preamble    + a precompiled preamble built on the first parse, with
#               the function bodies of the preamble (the headers) skipped
#   preamble-mem  the same with the preamble in memory
#   no-bodies   every function body skipped (a lower bound: the analysis
#               needs the main file's bodies, so not usable)
# and the time of `clang -E` (preprocessing alone) on the same commands.
#
#   bench/parse-options.sh [-k KSIZECHECK] [-p KC_PARSE_OPTIONS] COMPDB.json
set -eu
K=${KSIZECHECK:-ksizecheck} P=${KC_PARSE_OPTIONS:-kc-parse-options}
while getopts k:p: o; do
	case $o in
	k) K=$OPTARG ;;
	p) P=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# = 1 ] || { echo "usage: $0 [-k KSIZECHECK] [-p KC_PARSE_OPTIONS] COMPDB.json" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$K" -p "$1" --prefilter=off --print-commands >"$T/cmds"
# CXTranslationUnit_: KeepGoing 0x200, IgnoreNonErrorsFromIncludedFiles
# 0x4000, PrecompiledPreamble 0x4, SkipFunctionBodies 0x40,
# LimitSkipFunctionBodiesToPreamble 0x800, CreatePreambleOnFirstParse 0x100
run() { # NAME OPTIONS [mem]
	sed "s|&& [^ ]* -fsyntax-only |\&\& \"$P\" $2 ${3:-} -- |" "$T/cmds" >"$T/run"
	sh "$T/run" 2>/dev/null |
		awk -v n="$1" '{s += $2} END {printf "%-13s %8.2f s\n", n, s}'
}
run default 0x4200
run preamble 0x4B44
run preamble-mem 0x4B44 mem
run no-bodies 0x4240
sed 's/ -fsyntax-only / -E -o \/dev\/null /' "$T/cmds" >"$T/cmdsE"
t0=$(date +%s.%N)
sh "$T/cmdsE" >/dev/null 2>&1 || true
t1=$(date +%s.%N)
printf '%-13s %8.2f s\n' "clang -E" "$(echo "$t1 - $t0" | bc)"
