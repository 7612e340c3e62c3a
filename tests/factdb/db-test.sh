#!/bin/sh
# db-test.sh KSIZECHECK CASE - one test of the fact database in a run
# (docs/factdb.md): the three files of tests/factdb/tree (an allocator
# wrapper library, a second disagreeing definition, callers in another
# file) are checked in a scratch directory through a compile database.
# Cases are listed in tests/factdb.cmake.
set -u
K=$1
CASE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/kc-factdb.XXXXXX")
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
cd "$T" || exit 1
. "$HERE/../lib/check.sh"
export KSIZECHECK_CACHE_DIR="$T/cache"

cp "$HERE"/tree/*.c "$HERE"/tree/*.h . || exit 1
compdb() {
	bash "$ROOT/scripts/corpus-compdb.sh" "$@" >compile_commands.json
}
compdb foo_lib.c foo_alt.c foo_user.c foo_nommu.c

# the findings of the last command, as FILE:LINE [rule] lines
findings() {
	sed -n 's|^.*/\([a-z_]*\.c\):\([0-9]*\):[0-9]*: [a-z]*: .*\[\([a-z-]*\)\]$|\1:\2 \3|p' out.txt
}

# the round-two findings of the tree, and none else: the slack write,
# the overflow and the ksize() after the wrapper's free; nothing on the
# rounding wrapper (24) nor on the disagreeing definitions (34)
ROUND2="foo_user.c:11 slack-write
foo_user.c:12 overflow-write
foo_user.c:44 ksize-after-free"

round2_ok() {
	got=$(findings)
	if [ "$got" != "$ROUND2" ]; then
		echo "FAIL $CASE: round two findings differ"
		echo "$got" | sed 's/^/  got | /'
		FAIL=1
	fi
	has "note: foo_buf_alloc() returns kmalloc(\$0*8) (fact from $T/foo_lib.c:6, ksizecheck database)"
	has "foo_user.c:43:2: note: foo_buf_put() frees its argument \$0 (fact from $T/foo_lib.c:33, ksizecheck database)"
}

case $CASE in
rounds)
	# alone, no file has a finding
	expect 0 "0 findings" "$K" --no-cache -p .
	# round one writes the facts and finds nothing more; the
	# prefiltered foo_nommu.c still lists its definition
	expect 0 "0 findings" "$K" --no-cache -p . --db f.db
	has "3 parsed, 0 with errors, 0 failed, 1 prefiltered"
	expect 0 "4 TUs, 13 function definitions, 6 function facts, 0 field stores" \
		"$K" db stats f.db
	[ -e f.db.new ] && { echo "FAIL $CASE: f.db.new left behind"; FAIL=1; }
	# round two uses them
	expect 1 "3 findings" "$K" --no-cache -p . --db f.db
	round2_ok ;;
one-command)
	expect 1 "3 findings" "$K" --no-cache -p . --db f.db --rounds 2
	round2_ok
	has "round 1 of 2: no facts in f.db"
	has "round 2 of 2: reading f.db (3 function facts read, 0 shadowed"
	# the JSON output is the last round's only
	expect 1 "" "$K" --no-cache -p . --db f.db --rounds 2 --format=json -o r.json
	[ "$(grep -o '"rule": *"[a-z-]*"' r.json | wc -l)" = 3 ] ||
		{ echo "FAIL $CASE: r.json does not hold 3 findings"; FAIL=1; } ;;
merge)
	# two CI shards, merged, give the database of one run
	expect 0 "" "$K" --no-cache -p . --db one.db
	expect 0 "" "$K" --no-cache -p . --shard 1/2 --db s1.db
	expect 0 "" "$K" --no-cache -p . --shard 2/2 --db s2.db
	expect 0 "" "$K" db merge all.db s1.db s2.db
	expect 0 "" "$K" db stats one.db
	sed 's/^one.db: //' out.txt >one.txt
	expect 0 "" "$K" db stats all.db
	sed 's/^all.db: //' out.txt >all.txt
	cmp -s one.txt all.txt || { echo "FAIL $CASE: merged stats differ"; cat one.txt all.txt; FAIL=1; }
	# merging a shard again changes nothing
	expect 0 "" "$K" db merge all.db s1.db
	expect 0 "" "$K" db stats all.db
	sed 's/^all.db: //' out.txt >again.txt
	cmp -s one.txt again.txt || { echo "FAIL $CASE: merging twice differs"; FAIL=1; }
	# and round two over it finds what round two over one run finds
	expect 1 "3 findings" "$K" --no-cache -p . --db all.db
	round2_ok ;;
replace)
	expect 0 "" "$K" --no-cache -p . --db f.db
	# foo_lib.c now allocates 16 bytes an element; re-checking it alone
	# replaces its rows and keeps the other files'
	sed -i 's/kmalloc(n \* 8, gfp)/kmalloc(n * 16, gfp)/' foo_lib.c
	expect 0 "" "$K" --no-cache -p . --db f.db foo_lib.c
	expect 0 "4 TUs, 13 function definitions, 6 function facts" "$K" db stats f.db
	expect 1 "" "$K" --no-cache -p . --db f.db foo_user.c
	has "past the requested size 208 of foo_buf_alloc()"
	has "foo_buf_alloc() returns kmalloc(\$0*16)"
	refute "requested size 104" ;;
cache)
	# a warm round one still writes every TU's facts (kept in the
	# entries), and round two misses when the facts changed. The
	# sources were copied this second: the cache does not trust a file
	# changed within a second of the run (docs/cache.md), so wait.
	sleep 1
	expect 0 "" "$K" --stats -p . --db f.db
	rm f.db
	expect 0 "" "$K" --stats -p . --db f.db
	has "cache-hits               3"
	expect 0 "6 function facts" "$K" db stats f.db
	# (round two also parses foo_nommu.c: the header it includes with
	# quotes declares the wrappers that are now allocators)
	expect 1 "3 findings" "$K" --stats -p . --db f.db
	has "cache-misses             4"
	round2_ok
	# the same facts again: round two replays (the database is the
	# same, so is its digest)
	expect 1 "3 findings" "$K" --stats -p . --db f.db
	has "cache-hits               4"
	round2_ok
	# a changed fact re-checks the TUs that read the database
	sed -i 's/kmalloc(n \* 8, gfp)/kmalloc(n * 16, gfp)/' foo_lib.c
	sleep 1
	expect 1 "" "$K" --stats -p . --db f.db
	expect 1 "" "$K" --stats -p . --db f.db
	has "cache-misses             4"
	has "requested size 208" ;;
errors)
	echo garbage >bad.db
	expect 2 "bad.db: not a ksizecheck fact database" "$K" --no-cache -p . --db bad.db
	expect 2 "bad.db: not a ksizecheck fact database" "$K" db stats bad.db
	expect 2 "none.db: cannot open fact database" "$K" db stats none.db
	expect 2 "cannot open fact database" "$K" --no-cache -p . --db nodir/x.db
	mkdir ro && chmod a-w ro
	if ! touch ro/x 2>/dev/null; then
		expect 2 "ro/f.db.new: cannot open fact database" "$K" --no-cache -p . --db ro/f.db
	fi
	expect 2 "--rounds needs --db FILE" "$K" --no-cache -p . --rounds 2
	expect 2 "usage: ksizecheck db merge" "$K" db merge only.db
	expect 2 "usage: ksizecheck db merge" "$K" db frob
	# a failed run leaves the database as it was
	expect 0 "" "$K" --no-cache -p . --db f.db
	cp f.db before.db
	expect 2 "bad.db: cannot open shard" "$K" db merge f.db bad.db
	cmp -s f.db before.db || { echo "FAIL $CASE: a failed merge changed f.db"; FAIL=1; } ;;
sink)
	# sink wrappers (tree/sink/fill_lib.c) and their callers in another
	# file: a record only for a wrapper whose one statement is the sink
	# call (a function, or a macro of a sink's name: fill_chk.h), with a
	# length over the parameters (docs/factdb.md)
	mkdir sink && cp "$HERE"/tree/sink/* sink/ && cd sink || exit 1
	compdb fill_lib.c fill_user.c
	expect 0 "0 findings" "$K" --no-cache -p . --db f.db
	expect 0 "2 TUs, 10 function definitions, 5 function facts" \
		"$K" db stats f.db
	expect 1 "4 findings" "$K" --no-cache -p . --db f.db
	got=$(findings)
	want="fill_user.c:11 slack-write
fill_user.c:12 overflow-write
fill_user.c:13 slack-write
fill_user.c:14 slack-write"
	if [ "$got" != "$want" ]; then
		echo "FAIL $CASE: round two findings differ"
		echo "$got" | sed 's/^/  got | /'
		FAIL=1
	fi
	has "fill_words() of 32 bytes at offset 0 ends at 32" ;;
capfield)
	# a capacity stored by a function that reads the buffer back from
	# its field (tree/cap/ring_lib.c: cap = ksize(slots) / 4) is the
	# same fact in the database as in the TU: the other file's loop to
	# the capacity writes the slack of kmalloc_array()
	mkdir cap && cp "$HERE"/tree/cap/* cap/ && cd cap || exit 1
	compdb ring_lib.c ring_user.c
	expect 0 "0 findings" "$K" --no-cache -p . --db f.db
	# (the prefilter does not know field facts yet: ring_user.c names
	# no allocator, so it is parsed only with the prefilter off)
	expect 1 "2 findings" "$K" --no-cache -p . --db f.db --db-fields --prefilter=off
	has "note: field struct cap_ring.cap: ksize:slots/4 at $T/cap/ring_lib.c:19, 1 of 1 stores in the tree agree (ksizecheck database)"
	got=$(findings)
	want="ring_user.c:9 slack-write
ring_user.c:17 slack-write"
	if [ "$got" != "$want" ]; then
		echo "FAIL $CASE: round two findings differ"
		echo "$got" | sed 's/^/  got | /'
		FAIL=1
	fi ;;
*)
	echo "unknown case '$CASE'"
	exit 2 ;;
esac
[ "$FAIL" = 0 ] && echo "PASS $CASE"
exit "$FAIL"
