#!/bin/sh
# kernel-sample.sh - parse accounting of ksizecheck on a fixed random sample
# of a configured kernel tree's TUs.
#
#   scripts/kernel-sample.sh [-k KSIZECHECK] [-n N] [-s SEED] [-j J] [-c ID] TREE OUTDIR
#
# Writes OUTDIR/all.json (every kernel TU of the tree, from Kbuild's dry
# run; reused when present), OUTDIR/sample.json (N TUs picked with SEED,
# the same ones on every run), OUTDIR/run.log (ksizecheck's stderr) and
# prints the accounting and the most common clang errors. The TU list
# needs the tree configured and prepared (make LLVM=-19 allmodconfig &&
# make LLVM=-19 prepare). The sample runs as a compile database, so the
# slab configuration is the tree's (`ksizecheck model --tree`), or -c ID.
set -eu
K=${KSIZECHECK:-ksizecheck}
N=300 SEED=1 J=2 CFG=
while getopts k:n:s:j:c: o; do
	case $o in
	k) K=$OPTARG ;;
	n) N=$OPTARG ;;
	s) SEED=$OPTARG ;;
	j) J=$OPTARG ;;
	c) CFG=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# = 2 ] || { echo "usage: $0 [-k KSIZECHECK] [-n N] [-s SEED] [-j J] [-c ID] TREE OUTDIR" >&2; exit 2; }
TREE=$1 OUT=$2
if [ -z "$CFG" ]; then
	CFG=$("$K" model --tree "$TREE" 2>/dev/null | sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p')
fi
echo "slab configuration: ${CFG:-default}"
mkdir -p "$OUT"
if [ ! -s "$OUT/all.json" ]; then
	start=$(date +%s)
	"$K" kernel --tree "$TREE" --print-compdb >"$OUT/all.json.tmp"
	mv "$OUT/all.json.tmp" "$OUT/all.json"
	echo "TU list (Kbuild dry run): $(($(date +%s) - start)) s"
fi
python3 - "$OUT/all.json" "$OUT/sample.json" "$N" "$SEED" <<'PY'
import json, os, random, sys
every = json.load(open(sys.argv[1]))
# sources the build generates (asn1, lex, yacc, ...) are absent from an
# unbuilt tree: ksizecheck kernel skips them, so does the sample
tus = [e for e in every
       if os.path.exists(os.path.join(e["directory"], e["file"]))]
print("generated sources not present (skipped): %d" % (len(every) - len(tus)))
tus.sort(key=lambda e: e["file"])
n = min(int(sys.argv[3]), len(tus))
pick = random.Random(int(sys.argv[4])).sample(tus, n)
pick.sort(key=lambda e: e["file"])
json.dump(pick, open(sys.argv[2], "w"), indent=1)
print("tree: %d TUs, sample: %d (seed %s)" % (len(tus), n, sys.argv[4]))
PY
start=$(date +%s)
set +e
"$K" -p "$OUT/sample.json" -j "$J" ${CFG:+--slab-config "$CFG"} --stats --quiet >"$OUT/findings.txt" 2>"$OUT/run.log"
rc=$?
set -e
echo "ksizecheck exit $rc, $(($(date +%s) - start)) s wall with -j$J"
grep -E '^ksizecheck: (stats|[0-9]+ files)' "$OUT/run.log" || true
echo "files with clang errors / failures / internal errors:"
grep -E ': (error|fatal error|internal error): ' "$OUT/run.log" |
	sed 's/:.*//' | sort | uniq -c | sort -rn | head -20 || true
echo "most common clang errors:"
grep -E ': (error|fatal error): ' "$OUT/run.log" |
	sed -E 's/^[^ ]*: (fatal )?error: //' | sed -E "s/'[^']*'/'X'/g" |
	sort | uniq -c | sort -rn | head -15 || true
