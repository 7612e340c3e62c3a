#!/bin/sh
# tree-bench.sh - the whole-tree benchmark of issue 9: ksizecheck's wall
# time on every TU of a configured kernel tree (`ksizecheck kernel -jJ`),
# against `clang -fsyntax-only` and sparse timed on a fixed random sample
# of the same TUs and scaled to the tree. Not a test: figures for notes.
#
#   bench/tree-bench.sh [-k KSIZECHECK] [-j J] [-n N] [-s SEED] [-K RESULT] TREE OUTDIR
#
# OUTDIR gets all.json (the tree's TUs), sample.json (N of them, SEED),
# kc.json/kc.err (the whole-tree run) and bench.txt (the figures).
# -K RESULT reuses the stderr of a whole-tree run already made with
# `ksizecheck kernel -jJ --stats` (its wall-seconds line) instead of
# running it again; say so when quoting the figures.
set -eu
K=${KSIZECHECK:-ksizecheck}
J=2 N=300 SEED=1 REUSE=
while getopts k:j:n:s:K: o; do
	case $o in
	k) K=$OPTARG ;;
	j) J=$OPTARG ;;
	n) N=$OPTARG ;;
	s) SEED=$OPTARG ;;
	K) REUSE=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# = 2 ] || { echo "usage: $0 [-k KSIZECHECK] [-j J] [-n N] [-s SEED] [-K RESULT] TREE OUTDIR" >&2; exit 2; }
TREE=$1 OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
K=$(command -v "$K")

if [ ! -s "$OUT/all.json" ]; then
	(cd "$TREE" && "$K" kernel --print-compdb) >"$OUT/all.json"
fi
python3 - "$OUT/all.json" "$N" "$SEED" >"$OUT/sample.json" <<'PY'
import json, random, sys
tus = json.load(open(sys.argv[1]))
random.seed(int(sys.argv[3]))
json.dump(random.sample(tus, min(int(sys.argv[2]), len(tus))), sys.stdout)
PY
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$OUT/all.json")

if [ -n "$REUSE" ]; then
	cp "$REUSE" "$OUT/kc.err"
else
	(cd "$TREE" && "$K" kernel -j "$J" --no-cache --stats --format json \
		-o "$OUT/kc.json" 2>"$OUT/kc.err") || [ $? -le 2 ] # 2: some TU had clang errors
fi
kc_s=$(sed -n 's/^ksizecheck: stats: wall-seconds *//p' "$OUT/kc.err")
pf=$(sed -n 's/^ksizecheck: stats: prefiltered *\([0-9]*\).*/\1/p' "$OUT/kc.err")

# the peers on the sample, ksizecheck on it too for the per-TU view
KSIZECHECK=$K sh "$HERE/parse-bench.sh" -j "$J" -S "$OUT/sample.json" \
	>"$OUT/sample.txt"
clang_s=$(sed -n 's/^clang -fsyntax-only: *\([0-9.]*\) s.*/\1/p' "$OUT/sample.txt")
sp_s=$(sed -n 's/^sparse: *\([0-9.]*\) s.*/\1/p' "$OUT/sample.txt")
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$OUT/sample.json")
{
	echo "tree: $TREE ($total TUs), -j$J"
	printf 'ksizecheck kernel, whole tree: %8.1f s (%s TUs prefiltered)\n' "$kc_s" "${pf:-0}"
	printf 'clang -fsyntax-only, %s-TU sample: %.1f s -> whole tree %.1f s\n' \
		"$n" "$clang_s" "$(echo "$clang_s * $total / $n" | bc -l)"
	printf 'sparse, same sample: %.1f s -> whole tree %.1f s\n' \
		"$sp_s" "$(echo "$sp_s * $total / $n" | bc -l)"
	printf 'ratio ksizecheck/clang: %.2f\n' \
		"$(echo "$kc_s / ($clang_s * $total / $n)" | bc -l)"
	printf 'ratio ksizecheck/sparse: %.2f\n' \
		"$(echo "$kc_s / ($sp_s * $total / $n)" | bc -l)"
	echo "sample detail (ksizecheck -p on the sample, prefilter on):"
	sed 's/^/  /' "$OUT/sample.txt"
} | tee "$OUT/bench.txt"
