#!/bin/sh
# analysis-share.sh - what the analysis adds to parsing, TU by TU (issue
# 9: at most 10 % on the TUs that are analysed). Takes a compile database
# (bench/tree-bench.sh's sample.json, or `ksizecheck kernel
# --print-compdb` of a tree), keeps the TUs the prefilter does not skip,
# checks each alone with one worker (so parse and analysis times are not
# shared with another process of ours) and prints the sums, the ratio and
# the TUs whose analysis costs most. Not a test: figures for notes.
#
#   bench/analysis-share.sh [-k KSIZECHECK] [-n TOP] COMPDB TREE [OUT]
#
# Each TU is a ksizecheck run that reads COMPDB again: give it a sample
# (a few hundred entries), not a whole tree's database.
#
# OUT (default: analysis-share.txt) gets one line per TU:
#   FILE PARSE-US ANALYSIS-US STEPS
set -eu
K=${KSIZECHECK:-ksizecheck}
TOP=10
while getopts k:n: o; do
	case $o in
	k) K=$OPTARG ;;
	n) TOP=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || { echo "usage: $0 [-k KSIZECHECK] [-n TOP] COMPDB TREE [OUT]" >&2; exit 2; }
DB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TREE=$2
OUT=${3:-analysis-share.txt}
K=$(command -v "$K")
case $K in /*) ;; *) K=$(pwd)/$K ;; esac
: >"$OUT"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")

cd "$TREE"
"$K" -p "$DB" --print-prefilter 2>/dev/null |
	sed -n 's/^keep \([^:]*\):.*/\1/p' |
	while read -r f; do
		# exit 1 is findings; 2 (a file that failed) still counts
		# what was measured
		# --no-cache: a cached result has no analysis to measure
		s=$("$K" -p "$DB" --prefilter off --no-cache -j1 --stats -q \
			"$f" 2>&1 \
			>/dev/null) || true
		p=$(echo "$s" | sed -n 's/.*stats: parse-us *\([0-9]*\).*/\1/p')
		a=$(echo "$s" | sed -n 's/.*stats: analyze-us *\([0-9]*\).*/\1/p')
		n=$(echo "$s" | sed -n 's/.*stats: analysis-steps *\([0-9]*\).*/\1/p')
		echo "$f ${p:-0} ${a:-0} ${n:-0}" >>"$OUT"
	done
awk '{ p += $2; a += $3; s += $4; n++ }
     END { printf "%d TUs analysed: parse %.1f s, analysis %.1f s (%.1f %% of parse), %d steps\n",
	   n, p / 1e6, a / 1e6, p ? 100 * a / p : 0, s }' "$OUT"
echo "costliest analyses (file, parse ms, analysis ms, steps):"
sort -k3 -n -r "$OUT" | head -n "$TOP" |
	awk '{ printf "  %-70s %6.0f %6.0f %8d\n", $1, $2 / 1e3, $3 / 1e3, $4 }'
