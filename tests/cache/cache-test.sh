#!/bin/sh
# cache-test.sh KSIZECHECK CASE - one test of the result
# cache and of the prefilter's cached header index (docs/cache.md): runs
# the case in a scratch directory with its own cache directory and checks
# hits, misses and outputs. Cases are listed in tests/cache.cmake.
set -u
K=$1
CASE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/kc-cache.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
. "$HERE/../lib/check.sh"
export KSIZECHECK_CACHE_DIR="$T/cache"

# a TU with one finding through a header, one clean TU without it
make_tree() {
	cat >h.h <<'C'
#define GFP_KERNEL 0u
void *kzalloc(unsigned long n, unsigned int flags);
void kfree(const void *p);
C
	cat >a.c <<'C'
#include "h.h"
unsigned char read_past(void)
{
	unsigned char *p = kzalloc(60, GFP_KERNEL);
	unsigned char v;

	if (!p)
		return 0;
	v = p[64];
	kfree(p);
	return v;
}
C
	ok_c b.c
	# files changed in the second before a run are re-hashed at every
	# lookup, and those changed during it are not stored (entry.c)
	sleep 1
}

# stat NAME N: the last --stats run printed counter NAME with value N
stat_is() {
	if ! grep -qE "^ksizecheck: stats: $1 +$2( |\$)" out.txt; then
		echo "FAIL $CASE: expected $1 = $2"
		grep "stats: $1" out.txt | sed 's/^/  | /'
		FAIL=1
	fi
}

# the findings, without the run's timings
findings() {
	grep -v '"elapsed\|"seconds\|-us"\|rss\|wall' "$1"
}

case $CASE in
hit)
	make_tree
	expect 1 "a.c:9:6: error: read of 1 byte at offset 64" "$K" --stats a.c b.c
	stat_is cache-misses 2
	stat_is cache-stored 2
	cp out.txt cold.txt
	expect 1 "a.c:9:6: error: read of 1 byte at offset 64" "$K" --stats a.c b.c
	stat_is cache-hits 2
	stat_is cache-misses 0
	# the same text and accounting, cache lines and timings aside
	grep -v 'cache-\|-us \|wall\|rss' cold.txt >c1
	grep -v 'cache-\|-us \|wall\|rss' out.txt >c2
	cmp -s c1 c2 || { echo "FAIL $CASE: warm output differs"; diff c1 c2; FAIL=1; }
	# --no-cache neither reads nor writes
	expect 1 "a.c:9:6" "$K" --stats --no-cache a.c b.c
	refute "cache-" ;;
miss-new-dir)
	make_tree
	expect 1 "" "$K" --stats a.c
	stat_is cache-misses 1
	mkdir sub && cp a.c h.h sub/ && cd sub && sleep 1
	# another directory is another TU (paths in findings differ)
	expect 1 "" "$K" --stats a.c
	stat_is cache-misses 1 ;;
header-edit)
	make_tree
	# older than the one-second window in which time stamps are not
	# trusted (entry.c), so the entry records h.h's times
	sleep 1
	expect 1 "" "$K" --stats a.c b.c
	stat_is cache-misses 2
	# same size, same mtime, other content (only the ctime tells): the
	# TU that includes it is re-checked, the other is not
	sed 's/0u/1u/' h.h >h.new
	touch -r h.h h.new
	mv h.new h.h
	# (a file changed in the last 50 ms may be half-read: not stored)
	sleep 1
	expect 1 "" "$K" --stats a.c b.c
	stat_is cache-misses 1
	stat_is cache-hits 1
	expect 1 "" "$K" --stats a.c b.c
	stat_is cache-hits 2
	# the time stamp alone changes: re-hashed, still a hit
	touch h.h
	expect 1 "" "$K" --stats a.c b.c
	stat_is cache-hits 2
	printf '#undef GFP_KERNEL\n#define GFP_KERNEL 2u\n' >>h.h
	sleep 1
	expect 1 "" "$K" --stats a.c b.c
	stat_is cache-misses 1
	stat_is cache-hits 1 ;;
flags-change)
	make_tree
	expect 1 "" "$K" --stats a.c -- -DX=1
	expect 1 "" "$K" --stats a.c -- -DX=1
	stat_is cache-hits 1
	expect 1 "" "$K" --stats a.c -- -DX=2
	stat_is cache-misses 1
	# the analysis options are in the key too
	expect 0 "" "$K" --stats --disable overflow-read a.c -- -DX=2
	stat_is cache-misses 1
	refute "a.c:9:6" ;;
rules-change)
	make_tree
	cp -r "$(dirname "$HERE")/../rules" rules
	expect 1 "" "$K" --stats --rules-dir rules a.c
	expect 1 "" "$K" --stats --rules-dir rules a.c
	stat_is cache-hits 1
	echo "# a comment changes the digest" >>rules/allocators.tbl
	expect 1 "" "$K" --stats --rules-dir rules a.c
	stat_is cache-misses 1
	printf 'alloc kzalloc_extra kmalloc $0 zero\n' >extra.tbl
	expect 1 "" "$K" --stats --rules-dir rules --rules extra.tbl a.c
	stat_is cache-misses 1 ;;
concurrent)
	make_tree
	for i in 1 2 3 4 5 6; do
		sed "s/read_past/read_past$i/" a.c >t$i.c
	done
	sleep 1
	for p in 1 2 3 4; do
		"$K" -j2 --stats t1.c t2.c t3.c t4.c t5.c t6.c b.c \
			>p$p.out 2>p$p.err &
	done
	wait
	for p in 2 3 4; do
		cmp -s p1.out p$p.out || { echo "FAIL $CASE: outputs differ"; FAIL=1; }
	done
	[ "$(grep -c ':9:6: error' p1.out)" = 6 ] || { echo "FAIL $CASE: not the 6 findings"; cat p1.out; FAIL=1; }
	expect 1 "" "$K" --stats -j2 t1.c t2.c t3.c t4.c t5.c t6.c b.c
	stat_is cache-hits 7
	grep ':9:6: error' out.txt >warm.out
	grep ':9:6: error' p1.out | cmp -s - warm.out || { echo "FAIL $CASE: warm findings differ"; FAIL=1; }
	left=$(find cache -name '.tmp.*' | wc -l)
	[ "$left" = 0 ] || { echo "FAIL $CASE: $left temporary files left"; FAIL=1; } ;;
corrupt)
	make_tree
	expect 1 "" "$K" --stats a.c
	e=$(find cache/results -name '*.kce')
	[ -n "$e" ] || { echo "FAIL $CASE: no entry written"; exit 1; }
	# truncated: ignored, re-checked and rewritten
	head -c 200 "$e" >x && mv x "$e"
	expect 1 "a.c:9:6" "$K" --stats a.c
	stat_is cache-corrupt 1
	stat_is cache-misses 1
	stat_is cache-stored 1
	expect 1 "a.c:9:6" "$K" --stats a.c
	stat_is cache-hits 1
	# one flipped byte in the findings: the checksum catches it
	sed -i 's/offset 64/offset 99/' "$e"
	expect 1 "a.c:9:6: error: read of 1 byte at offset 64" "$K" --stats a.c
	stat_is cache-corrupt 1
	refute "offset 99" ;;
size-cap)
	make_tree
	for i in 1 2 3 4 5 6 7 8; do
		sed "s/read_past/read_past$i/" a.c >t$i.c
	done
	sleep 1
	expect 1 "" "$K" --stats t1.c t2.c t3.c t4.c t5.c t6.c t7.c t8.c
	one=$(find cache/results -name '*.kce' | head -1)
	sz=$(wc -c <"$one")
	# room for about three entries: the oldest go first
	cap=$((sz * 3 + sz / 2))
	sleep 1
	expect 1 "" "$K" --stats --cache-max-size "$cap" t8.c
	stat_is cache-hits 1
	expect 1 "" "$K" --stats --cache-max-size "$cap" a.c
	n=$(find cache/results -name '*.kce' | wc -l)
	total=$(find cache/results -name '*.kce' -exec cat {} + | wc -c)
	[ "$total" -le "$cap" ] || { echo "FAIL $CASE: $total bytes over the cap $cap"; FAIL=1; }
	[ "$n" -ge 2 ] || { echo "FAIL $CASE: only $n entries kept"; FAIL=1; }
	has "cache-evicted"
	# the most recently used entries stay
	expect 1 "" "$K" --stats --cache-max-size "$cap" t8.c a.c
	stat_is cache-hits 2
	expect 2 "invalid value '0' for --cache-max-size" "$K" --cache-max-size 0 a.c ;;
subcommand)
	make_tree
	mkdir -p cache/npm-tools && echo keep >cache/npm-tools/x
	"$K" a.c b.c >/dev/null 2>&1
	expect 0 "results           2" "$K" cache stats
	expect 0 "removed 2 cache files" "$K" cache clear
	expect 0 "results           0" "$K" cache stats
	[ -f cache/npm-tools/x ] || { echo "FAIL $CASE: clear removed a foreign file"; FAIL=1; }
	expect 0 "results           0" "$K" cache stats --cache-dir "$T/other"
	expect 2 "usage: ksizecheck cache stats|clear" "$K" cache frob
	# an unusable directory: a warning, the run goes on without a cache
	: >notadir
	expect 1 "warning: cannot use cache directory" "$K" --cache-dir notadir/x a.c ;;
config)
	# the directory: --cache-dir, then $KSIZECHECK_CACHE_DIR, then the
	# configuration file's cache_dir, then $XDG_CACHE_HOME/ksizecheck
	make_tree
	printf '{\n  "version": 1,\n  "cache_dir": "cc",\n  "cache_max_size": "10M"\n}\n' >.ksizecheck.json
	run env -u KSIZECHECK_CACHE_DIR XDG_CACHE_HOME="$T/xdg" "$K" a.c
	[ -n "$(find cc/results -name '*.kce')" ] || { echo "FAIL $CASE: config cache_dir not used"; FAIL=1; }
	run "$K" a.c
	[ -n "$(find cache/results -name '*.kce')" ] || { echo "FAIL $CASE: \$KSIZECHECK_CACHE_DIR not used"; FAIL=1; }
	run env -u KSIZECHECK_CACHE_DIR XDG_CACHE_HOME="$T/xdg" "$K" --no-config a.c
	[ -n "$(find xdg/ksizecheck/results -name '*.kce')" ] || { echo "FAIL $CASE: \$XDG_CACHE_HOME not used"; FAIL=1; }
	printf '{\n  "version": 1,\n  "cache_max_size": "lots"\n}\n' >.ksizecheck.json
	expect 2 ".ksizecheck.json:3: 'cache_max_size' must be a size such as 500M or 2G, not 'lots'" "$K" a.c ;;
check-form-index)
	# Kbuild's CHECK= form: the prefilter's header index is built once,
	# then loaded, and rebuilt when a header changes or appears (an index
	# is stored only when its headers are more than a second old:
	# pf_cache.h)
	mkdir inc
	printf '#define grab(n) kmalloc(n, 0)\nvoid *kmalloc(unsigned long n, int f);\n' >inc/lib.h
	printf 'static inline int harmless(int x) { return x; }\n' >inc/other.h
	printf '#include <other.h>\nint g(void) { return harmless(1); }\n' >c.c
	printf '#include <lib.h>\nvoid *f(void) { return grab(8); }\n' >d.c
	sleep 2
	expect 0 "indexed in" "$K" --stats -D__linux__ --arch=x86 -Iinc c.c
	has "1 prefiltered"
	expect 0 "loaded from the cache" "$K" --stats -D__linux__ --arch=x86 -Iinc c.c
	has "1 prefiltered"
	expect 0 "loaded from the cache" "$K" --stats -D__linux__ --arch=x86 -Iinc d.c
	has "1 parsed"
	# other.h now reaches an allocator: the index is rebuilt, c.c kept
	printf 'void *kmalloc(unsigned long n, int f);\nstatic inline int harmless(int x) { return kmalloc(x, 0) != 0; }\n' >inc/other.h
	sleep 2
	expect 0 "indexed in" "$K" --stats -D__linux__ --arch=x86 -Iinc c.c
	has "1 parsed"
	# a new header in an indexed directory
	printf '#define more 1\n' >inc/new.h
	sleep 2
	expect 0 "indexed in" "$K" --stats -D__linux__ --arch=x86 -Iinc c.c
	expect 0 "loaded from the cache" "$K" --stats -D__linux__ --arch=x86 -Iinc c.c
	# without a cache the CHECK= form does not prefilter (auto)
	expect 0 "1 parsed" "$K" --stats --no-cache -D__linux__ --arch=x86 -Iinc c.c
	refute "prefilter:" ;;
corpus-warm)
	# the whole corpus: JSON and text byte for byte the same cold and warm
	mkdir db && bash "$HERE/../../scripts/corpus-compdb.sh" >db/compile_commands.json
	"$K" -p db --prefilter=off -j2 --format=json -o cold.json --cache-dir c1 2>/dev/null
	"$K" -p db --prefilter=off -j2 --cache-dir c2 >cold.txt 2>/dev/null
	"$K" -p db --prefilter=off -j2 --format=json -o warm.json --cache-dir c1 --stats 2>warm.err
	"$K" -p db --prefilter=off -j2 --cache-dir c2 >warm.txt 2>/dev/null
	findings cold.json >c.json
	findings warm.json >w.json
	cmp -s c.json w.json || { echo "FAIL $CASE: JSON differs"; diff c.json w.json | head; FAIL=1; }
	cmp -s cold.txt warm.txt || { echo "FAIL $CASE: text differs"; diff cold.txt warm.txt | head; FAIL=1; }
	grep -q '"rule"' c.json || { echo "FAIL $CASE: no findings in the corpus run"; FAIL=1; }
	# a relative --cache-dir is the caller's, not each TU's directory's
	[ "$(find c1/results -name '*.kce' | wc -l)" = "$(ls "$HERE"/../../corpus/*.c | wc -l)" ] ||
		{ echo "FAIL $CASE: entries not in ./c1"; FAIL=1; }
	cp warm.err out.txt
	stat_is cache-misses 0
	stat_is cache-hits "$(ls "$HERE"/../../corpus/*.c | wc -l)" ;;
missing-include)
	# a TU whose only clang errors are missing includes is stored with
	# the paths where each header would have been found, and replayed
	# while none of them exists (entry.c)
	mkdir inc sys
	cat >e.c <<'C'
#include "gen.h"
#include <linux/gen2.h>
void *kzalloc(unsigned long n, unsigned int flags);
void kfree(const void *p);
unsigned char read_past(void)
{
	unsigned char *p = kzalloc(60, 0);
	unsigned char v;

	if (!p)
		return 0;
	v = p[64];
	kfree(p);
	return v;
}
C
	sleep 1
	F="-nostdinc -Iinc -isystem sys"
	expect 0 "e.c:1:10: error: 'gen.h' file not found" "$K" --stats --format=json -o cold.json e.c -- $F
	has "e.c:2:10: error: 'linux/gen2.h' file not found"
	has "1 with errors"
	stat_is cache-stored 1
	cp out.txt cold.txt
	"$K" e.c -- $F >cold.out 2>&1
	expect 0 "" "$K" --stats --format=json -o warm.json e.c -- $F
	stat_is cache-hits 1
	stat_is cache-misses 0
	grep -v 'cache-\|-us \|wall\|rss' cold.txt >c1
	grep -v 'cache-\|-us \|wall\|rss' out.txt >c2
	cmp -s c1 c2 || { echo "FAIL $CASE: warm --stats output differs"; diff c1 c2; FAIL=1; }
	findings cold.json >c.json
	findings warm.json >w.json
	cmp -s c.json w.json || { echo "FAIL $CASE: warm JSON differs"; diff c.json w.json | head; FAIL=1; }
	"$K" e.c -- $F >warm.out 2>&1
	cmp -s cold.out warm.out || { echo "FAIL $CASE: warm output differs"; diff cold.out warm.out; FAIL=1; }
	# the angled header appears in the -isystem directory: re-checked
	mkdir sys/linux && printf '#define GEN2 1\n' >sys/linux/gen2.h
	sleep 1
	expect 0 "e.c:1:10: error: 'gen.h' file not found" "$K" --stats e.c -- $F
	refute "gen2.h' file not found"
	stat_is cache-misses 1
	stat_is cache-stored 1
	expect 0 "" "$K" --stats e.c -- $F
	stat_is cache-hits 1
	refute "gen2.h' file not found"
	# the quoted one beside the including file: re-checked, now clean
	printf '#define GEN 1\n' >gen.h
	sleep 1
	expect 1 "e.c:12:6: error: read of 1 byte at offset 64" "$K" --stats e.c -- $F
	refute "file not found"
	has "1 parsed"
	stat_is cache-misses 1
	# (one entry per key: the clean result replaced the one with errors)
	rm gen.h sys/linux/gen2.h
	expect 0 "'gen.h' file not found" "$K" --stats e.c -- $F
	stat_is cache-stored 1
	expect 0 "'gen.h' file not found" "$K" --stats e.c -- $F
	stat_is cache-hits 1
	# created in the -I directory instead (searched for "gen.h" too)
	printf '#define GEN 1\n' >inc/gen.h
	expect 0 "" "$K" --stats e.c -- $F
	stat_is cache-misses 1
	refute "'gen.h' file not found"
	# without -nostdinc clang's own directories are searched too: the
	# misses cannot be recorded, nothing is stored
	rm inc/gen.h
	expect 0 "'gen.h' file not found" "$K" --stats e.c -- -Iinc
	stat_is cache-stored 0
	expect 0 "" "$K" --stats e.c -- -Iinc
	stat_is cache-hits 0 ;;
other-error)
	# a clang error that no missing include explains: never stored; a
	# missing include with the errors it causes: stored, replayed
	cat >s.c <<'C'
int broken(void) { return 1 +; }
C
	cat >m.c <<'C'
#include "gen.h"
int use(void) { return GEN_VALUE; }
C
	sleep 1
	for i in 1 2; do
		expect 0 "s.c:1:30: error: expected expression" "$K" --stats s.c -- -nostdinc
		stat_is cache-stored 0
		stat_is cache-hits 0
	done
	[ -z "$(find cache/results -name '*.kce' 2>/dev/null)" ] || { echo "FAIL $CASE: an entry was written"; FAIL=1; }
	expect 0 "m.c:2:24: error: use of undeclared identifier 'GEN_VALUE'" "$K" --stats m.c -- -nostdinc
	has "'gen.h' file not found"
	stat_is cache-stored 1
	cp out.txt cold.txt
	expect 0 "m.c:2:24: error: use of undeclared identifier 'GEN_VALUE'" "$K" --stats m.c -- -nostdinc
	stat_is cache-hits 1
	grep -v "stats:" cold.txt >a.txt; grep -v "stats:" out.txt >b.txt
	cmp -s a.txt b.txt || { echo "FAIL $CASE: the replay differs"; diff a.txt b.txt; FAIL=1; }
	# the header appears: re-checked, and clean
	echo '#define GEN_VALUE 3' >gen.h
	expect 0 "" "$K" --stats m.c -- -nostdinc
	stat_is cache-hits 0
	refute "gen.h" ;;
*)
	echo "unknown case '$CASE'"
	exit 2 ;;
esac
[ "$FAIL" = 0 ] && echo "PASS $CASE"
exit "$FAIL"
