#!/bin/bash
# cache-bench.sh - the result cache of issue 19 on a kernel directory:
# wall time and TUs re-checked for a run without the cache, a cold run,
# a warm re-run, after touching (same content) and editing one .c file,
# and after touching and editing one widely included header; then the
# CHECK= form (one ksizecheck per file, as `make C=1 CHECK=ksizecheck`
# runs it) without the cache, cold and warm. Not a test: figures for
# notes.
#
#   bench/cache-bench.sh [-k KSIZECHECK] [-j J] [-H HEADER] [-C] [-N] TREE OUTDIR DIR...
#
# TREE is a configured, prepared kernel tree ($KC_KERNEL_TREE_61); it is
# never written: the edits go to OUTDIR/tree, a hard-linked copy (OUTDIR
# must be on the tree's file system), where an edited file is replaced,
# not changed in place. HEADER (default include/linux/slab.h) is
# tree-relative; -C leaves out the CHECK= form; -N leaves out the run
# without the cache (a whole tree: the cold run is then the reference the
# others are compared with, byte for byte). OUTDIR gets db/ (the compile database), cache/, one
# NAME.out/NAME.err per run and bench.txt (the figures).
set -eu
K=${KSIZECHECK:-ksizecheck}
J=2 HDR=include/linux/slab.h CHECKFORM=1 NOCACHE=1
while getopts k:j:H:CN o; do
	case $o in
	C) CHECKFORM= ;;
	N) NOCACHE= ;;
	k) K=$OPTARG ;;
	j) J=$OPTARG ;;
	H) HDR=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 3 ] || { echo "usage: $0 [-k KSIZECHECK] [-j J] [-H HEADER] [-C] [-N] TREE OUTDIR DIR..." >&2; exit 2; }
TREE=$(cd "$1" && pwd) OUT=$2
shift 2
K=$(command -v "$K")
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
C=$OUT/cache
W=$OUT/tree

if [ ! -d "$W" ]; then
	echo "cache-bench: hard-linked copy of $TREE in $W" >&2
	cp -al "$TREE" "$W.part" && mv "$W.part" "$W"
fi
if [ ! -s "$OUT/db/compile_commands.json" ]; then
	mkdir -p "$OUT/db"
	t0=$(date +%s.%N)
	(cd "$TREE" && "$K" kernel --print-compdb "$@") >"$OUT/db/all.json"
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk '{ printf "%.1f\n", $2 - $1 }' >"$OUT/dryrun.s"
	# the same TUs in the copy: Kbuild's paths are relative to the tree
	python3 - "$OUT/db/all.json" "$TREE" "$W" >"$OUT/db/compile_commands.json" <<'PY'
import json, sys
db = json.load(open(sys.argv[1]))
for e in db:
    e["directory"] = e["directory"].replace(sys.argv[2], sys.argv[3], 1)
json.dump(db, sys.stdout, indent=1)
PY
fi
NTU=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$OUT/db/compile_commands.json")
CFILE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["file"])' "$OUT/db/compile_commands.json")

# replace: a new inode with the original's content (plus an optional
# line), so the tree shared by the hard links is never touched
replace() {
	rm -f "$W/$1"
	cp "$TREE/$1" "$W/$1"
	[ -z "${2:-}" ] || printf '%s\n' "$2" >>"$W/$1"
}

stat_of() { sed -n "s/^ksizecheck: stats: $2 *\([0-9.]*\).*/\1/p" "$OUT/$1.err"; }

# run NAME [OPTIONS]: one ksizecheck -p over the directory
run() {
	name=$1
	shift
	t0=$(date +%s.%N)
	"$K" -p "$OUT/db" -j "$J" --stats --cache-dir "$C" "$@" \
		>"$OUT/$name.out" 2>"$OUT/$name.err" || rc=$?
	# 1: findings; 2: some TU failed or had clang errors (a whole tree
	# has a few, e.g. sources an absent generated header; --stats counts
	# them), which the runs share; more is a crash
	[ "${rc:=0}" -le 2 ] || { echo "cache-bench: $name exited $rc" >&2; exit 1; }
	rc=0
	t1=$(date +%s.%N)
	s=$(echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }')
	same=same
	ref=$OUT/nocache.out
	[ -n "$NOCACHE" ] || ref=$OUT/cold.out
	[ "$name" = cold ] && [ -z "$NOCACHE" ] && same=reference
	[ ! -f "$ref" ] || [ "$same" = reference ] || cmp -s "$ref" "$OUT/$name.out" || same=DIFFERENT
	printf '%-28s %8s s  re-checked %5s  hits %5s  prefiltered %4s  findings %s (%s)\n' \
		"$name" "$s" "$(stat_of "$name" cache-misses)" \
		"$(stat_of "$name" cache-hits)" "$(stat_of "$name" prefiltered)" \
		"$(wc -l <"$OUT/$name.out")" "$same"
}

{
echo "tree: $TREE, directories: $*, $NTU TUs, -j$J"
echo "Kbuild dry run for the compile database: $(cat "$OUT/dryrun.s") s (not in the figures below)"
rm -rf "$C" "$OUT/nocache.out" "$OUT/cold.out"
[ -z "$NOCACHE" ] || run nocache --no-cache
run cold
run warm
replace "$CFILE"
run touch-c
replace "$CFILE" "/* cache-bench */"
run edit-c
replace "$CFILE"
run restore-c
# the entries that recorded the header (paths as clang spells them)
readers=$(grep -lE "[\"/]$HDR\"" -r "$C/results" | wc -l)
replace "$HDR"
run touch-header
replace "$HDR" "/* cache-bench */"
run edit-header
echo "  entries whose recorded files include $HDR: $readers"
replace "$HDR"
run restore-header
echo "cache: $(du -sh "$C" | cut -f1), $(find "$C/results" -name '*.kce' | wc -l) entries"
echo "(re-checked: cache-misses of --stats; prefiltered TUs are not parsed and not cached)"
} | tee "$OUT/bench.txt"

[ -n "$CHECKFORM" ] || exit 0
# The CHECK= form: Kbuild runs "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c"
# from the tree's top for every file it compiles.
python3 - "$OUT/db/compile_commands.json" >"$OUT/check.cmds" <<'PY'
import json, shlex, sys
checkflags = ("-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise "
              "-Wno-return-void -Wno-unknown-attribute --arch=x86 -m64 "
              "-mlittle-endian").split()
for e in json.load(open(sys.argv[1])):
    a, out, i = e["arguments"][1:], [], 0
    while i < len(a):
        if a[i] == "-o":
            i += 2
            continue
        if a[i] not in ("-c", e["file"]):
            out.append(a[i])
        i += 1
    print(" ".join(shlex.quote(x) for x in checkflags + out + [e["file"]]))
PY
# checkform NAME [OPTIONS]: every file in turn, J at a time (make -jJ)
checkform() {
	name=$1
	shift
	t0=$(date +%s.%N)
	(cd "$W" && xargs -P "$J" -L 1 sh -c 'exec "$0" "$@" 2>/dev/null' \
		"$K" -q --cache-dir "$C" "$@" <"$OUT/check.cmds" \
		>"$OUT/check-$name.out") || true
	t1=$(date +%s.%N)
	printf 'CHECK= form, %-20s %8.2f s  (%s findings lines)\n' "$name" \
		"$(echo "$t0 $t1" | awk '{ print $2 - $1 }')" \
		"$(wc -l <"$OUT/check-$name.out")"
}
{
rm -rf "$C"
checkform "no cache" --no-cache
checkform "cold (prefilter on)"
checkform "warm"
} | tee -a "$OUT/bench.txt"
