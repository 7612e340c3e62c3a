#!/bin/sh
# parse-bench.sh - wall time of ksizecheck against `clang -fsyntax-only`
# (and sparse, with -S) over the same TUs with the same flags, in the same
# run. Not a test: figures for the notes.
#
#   bench/parse-bench.sh [-k KSIZECHECK] [-j J] [-S] COMPDB.json
#
# COMPDB.json is e.g. the sample.json of scripts/kernel-sample.sh. The
# clang commands come from `ksizecheck --print-commands`, i.e. exactly the
# flags ksizecheck hands libclang (after rules/flags.tbl). Sparse gets
# Kbuild's CHECKFLAGS for x86_64 and the original compiler flags.
set -eu
K=${KSIZECHECK:-ksizecheck}
J=2 SPARSE=0
while getopts k:j:S o; do
	case $o in
	k) K=$OPTARG ;;
	j) J=$OPTARG ;;
	S) SPARSE=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# = 1 ] || { echo "usage: $0 [-k KSIZECHECK] [-j J] [-S] COMPDB.json" >&2; exit 2; }
DB=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$K" -p "$DB" --print-commands >"$T/clang.cmds"
n=$(wc -l <"$T/clang.cmds")

now() { date +%s.%N; }

t0=$(now)
tr '\n' '\0' <"$T/clang.cmds" | xargs -0 -P "$J" -n 1 sh -c 'eval "$0" >/dev/null 2>&1 || true'
t1=$(now)
set +e
"$K" -p "$DB" -j "$J" --no-cache --quiet --fail-on=none >/dev/null 2>"$T/kc.err"
rc=$?
set -e
t2=$(now)
# 2: some TU failed (a source the build generates, absent in an unbuilt
# tree): timed like the rest, reported
[ $rc -le 2 ] || { echo "ksizecheck failed ($rc):" >&2; head -5 "$T/kc.err" >&2; exit 1; }
[ $rc -le 1 ] || echo "note: some TUs failed: $(grep -E '^ksizecheck: [0-9]+ files' "$T/kc.err")"
clang_s=$(echo "$t1 - $t0" | bc)
kc_s=$(echo "$t2 - $t1" | bc)
echo "TUs: $n, -j$J"
printf 'clang -fsyntax-only: %8.1f s  (%.3f s/TU)\n' "$clang_s" "$(echo "$clang_s / $n" | bc -l)"
printf 'ksizecheck:          %8.1f s  (%.3f s/TU)\n' "$kc_s" "$(echo "$kc_s / $n" | bc -l)"
printf 'ratio ksizecheck/clang: %.2f\n' "$(echo "$kc_s / $clang_s" | bc -l)"

if [ "$SPARSE" = 1 ]; then
	python3 - "$DB" >"$T/sparse.cmds" <<'PY'
import json, shlex, sys
flags = ("-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise "
         "-Wno-return-void -Wno-unknown-attribute -D__x86_64__ --arch=x86 "
         "-mlittle-endian -m64").split()
for e in json.load(open(sys.argv[1])):
    args = [a for a in e["arguments"][1:]]
    # drop output options, keep the rest as Kbuild would pass it
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF"):
            skip = True
            continue
        if a == "-c" or a.startswith("-Wp,"):
            continue
        out.append(a)
    print("cd %s && sparse %s" % (shlex.quote(e["directory"]),
          " ".join(shlex.quote(a) for a in flags + out)))
PY
	t3=$(now)
	tr '\n' '\0' <"$T/sparse.cmds" | xargs -0 -P "$J" -n 1 sh -c 'eval "$0" >/dev/null 2>&1 || true'
	t4=$(now)
	sp_s=$(echo "$t4 - $t3" | bc)
	printf 'sparse:              %8.1f s  (%.3f s/TU)\n' "$sp_s" "$(echo "$sp_s / $n" | bc -l)"
	printf 'ratio ksizecheck/sparse: %.2f\n' "$(echo "$kc_s / $sp_s" | bc -l)"
fi
