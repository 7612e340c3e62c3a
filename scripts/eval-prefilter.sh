#!/bin/sh
# eval-prefilter.sh - proof that the prefilter loses no finding on a whole
# kernel tree (issue 9): the TUs it skips are parsed and analysed anyway
# (--prefilter=off); with no finding among them, the findings with and
# without the prefilter are the same set (each TU is analysed alone).
#
#   scripts/eval-prefilter.sh [-k KSIZECHECK] [-j J] TREE OUTDIR
#
# OUTDIR gets all.json (the tree's TUs), verdicts.txt (--print-prefilter),
# skipped.json, skipped.json.out (findings, JSON) and skipped.err
# (accounting). Run `ksizecheck kernel` on the tree for the findings of
# the kept TUs. Exit 0 iff the skipped TUs have no finding.
set -eu
K=${KSIZECHECK:-ksizecheck}
J=2
while getopts k:j: o; do
	case $o in
	k) K=$OPTARG ;;
	j) J=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# = 2 ] || { echo "usage: $0 [-k KSIZECHECK] [-j J] TREE OUTDIR" >&2; exit 2; }
TREE=$1 OUT=$2
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
K=$(command -v "$K")
cd "$TREE"
[ -s "$OUT/all.json" ] || "$K" kernel --print-compdb >"$OUT/all.json"
"$K" -p "$OUT/all.json" --print-prefilter --stats >"$OUT/verdicts.txt" \
	2>"$OUT/verdicts.err"
python3 - "$OUT/all.json" "$OUT/verdicts.txt" >"$OUT/skipped.json" <<'PY'
import json, sys
tus = json.load(open(sys.argv[1]))
skip = set()
for line in open(sys.argv[2]):
    verdict, rest = line.split(" ", 1)
    if verdict == "skip":
        skip.add(rest.split(": ", 1)[0])
json.dump([e for e in tus if e["file"] in skip], sys.stdout)
PY
set +e
"$K" -p "$OUT/skipped.json" --prefilter=off -j "$J" --stats --format json \
	-o "$OUT/skipped.json.out" 2>"$OUT/skipped.err"
set -e
cat "$OUT/verdicts.err"
grep -E '^ksizecheck: [0-9]+ files?:' "$OUT/skipped.err"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$OUT/skipped.json.out")
echo "findings in the skipped TUs: $n"
[ "$n" = 0 ]
