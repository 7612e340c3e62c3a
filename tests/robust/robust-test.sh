#!/bin/sh
# robust-test.sh KSIZECHECK CASE - garbage in, clear error out: runs one
# hostile input through ksizecheck in a scratch directory and checks the
# exit status and that the message names the file. Complements
# tests/cli/cli-test.sh (which has the plain binary/empty/non-UTF-8/non-C
# and compile-database cases). Cases are listed in tests/robust.cmake;
# "sh robust-test.sh K all" runs every case.
set -u
K=$1
CASE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
KSTUB=$SRC/tests/include/kstub
T=$(mktemp -d "${TMPDIR:-/tmp}/kc-robust.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
. "$HERE/../lib/check.sh"

# a configured, prepared kernel tree as far as ksizecheck checks
fake_tree() {
	mkdir -p "$1/arch" "$1/include/linux" "$1/include/config" "$1/include/generated"
	: >"$1/Makefile"; : >"$1/Kbuild"; : >"$1/.config"
	: >"$1/include/config/auto.conf"
	for f in autoconf.h bounds.h asm-offsets.h; do : >"$1/include/generated/$f"; done
}

# repeat FILE BYTES: writes about BYTES of kernel-style C to FILE
repeat_c() {
	cat >unit.c <<'C'
static int blk_N(unsigned char *buf, unsigned long len)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		buf[i] ^= (unsigned char)(i * 31u + 7u);
	return (int)(len & 0x7f);
}
C
	# a chunk of up to 1 MB with unique names, then renamed copies of it
	n=$(($2 / $(wc -c <unit.c) + 1))
	[ "$n" -gt 5000 ] && n=5000
	awk -v n="$n" '{ u = u $0 "\n" } END { for (i = 0; i < n; i++) {
		s = u; gsub(/_N/, "_" i, s); printf "%s", s } }' unit.c >chunk.c
	: >"$1"
	k=0
	while [ "$(wc -c <"$1")" -lt "$2" ]; do
		sed "s/blk_/blk${k}_/" chunk.c >>"$1"
		k=$((k + 1))
	done
	rm -f chunk.c
}

run_case() {
	CASE=$1
	case $1 in
	huge-file)
		# 50 MB of C: parses (slowly) or fails cleanly, naming the file
		repeat_c huge.c 52428800
		run "$K" -j1 --timeout 60 huge.c
		case $got in
		0) has "1 parsed" ;;
		2) has "huge.c" ;;
		*) echo "FAIL $CASE: exited $got"; sed 's/^/  | /' out.txt | head; FAIL=1 ;;
		esac ;;
	too-large)
		# over the 64 MB limit: refused before libclang sees it
		awk 'BEGIN { l = "int x; /* padding padding padding padding padding padding */"; for (i = 0; i < 1200000; i++) print l }' >big.c
		expect 2 "big.c: error: file too large" "$K" big.c ;;
	long-line)
		# one 8 MB line
		awk 'BEGIN { printf "int a[] = {"; for (i = 0; i < 1000000; i++) printf "%d,", i % 10; print "0};" }' >line.c
		expect 0 "1 parsed, 0 with errors" "$K" line.c ;;
	deep-expr)
		# a 20000-term expression: deep AST, the analysis must not
		# overflow its stack
		awk 'BEGIN { print "#include <linux/slab.h>"; print "size_t f(size_t n) {"; printf "\tsize_t s = n"; for (i = 0; i < 20000; i++) printf " + 1"; print ";"; print "\tvoid *p = kmalloc(s, GFP_KERNEL);"; print "\treturn ksize(p);"; print "}" }' >deep.c
		run "$K" -j1 deep.c -- -I"$KSTUB"
		case $got in
		0|1) refute "internal error" ;;
		*) echo "FAIL $CASE: exited $got"; sed 's/^/  | /' out.txt | head; FAIL=1 ;;
		esac ;;
	deep-else-if)
		# a 5000-arm else-if chain: deep statement recursion
		awk 'BEGIN { print "#include <linux/slab.h>"; print "size_t f(int k, size_t n) {"; print "\tvoid *p = kmalloc(n, GFP_KERNEL);"; printf "\tif (k == 0) n = 1;"; for (i = 1; i < 5000; i++) printf " else if (k == %d) n = %d;", i, i; print ""; print "\treturn ksize(p) + n;"; print "}" }' >chain.c
		run "$K" -j1 chain.c -- -I"$KSTUB"
		case $got in
		0|1) refute "internal error" ;;
		*) echo "FAIL $CASE: exited $got"; sed 's/^/  | /' out.txt | head; FAIL=1 ;;
		esac ;;
	deep-nesting)
		# nesting past clang's bracket limit: a clang error, no crash
		awk 'BEGIN { printf "int f(int x) { return "; for (i = 0; i < 5000; i++) printf "("; printf "x"; for (i = 0; i < 5000; i++) printf ")"; print "; }" }' >nest.c
		expect 0 "nest.c:1:" "$K" nest.c
		refute "internal error" ;;
	self-include)
		printf '#include "self.c"\nint f(void) { return 0; }\n' >self.c
		expect 0 "self.c" "$K" self.c
		has "1 with errors"
		refute "internal error" ;;
	macro-bomb)
		# 2^40 tokens from 40 macros: the per-file timeout stops it
		{ echo '#define A0 1+'; i=1; while [ $i -le 40 ]; do echo "#define A$i A$((i - 1)) A$((i - 1))"; i=$((i + 1)); done
		  echo 'int x = A40 1;'; } >bomb.c
		expect 2 "bomb.c: internal error: timed out after 3 s" "$K" -j1 --timeout 3 bomb.c ;;
	clang-hang)
		# found by fuzz_analyze: '::' inside min_t() sends clang 19 itself
		# into a loop (clang -fsyntax-only hangs too); the per-file
		# timeout reports it and the next file is still checked
		printf '#include <linux/kernel.h>\nunsigned long f(unsigned long count)\n{\n\treturn min_t(unsigned long, ::count, 300);\n}\n' >hang.c
		ok_c a.c
		expect 2 "hang.c: internal error: timed out after 3 s in parse" "$K" -j1 --timeout 3 hang.c a.c -- -I"$KSTUB"
		has "2 files: 1 parsed" ;;
	many-functions)
		repeat_c many.c 2000000
		expect 0 "1 parsed, 0 with errors" "$K" many.c ;;
	nul-late)
		# a NUL byte after the first 64 KiB: clang warns, no crash
		repeat_c late.c 70000
		printf 'int tail\000x;\n' >>late.c
		run "$K" late.c
		case $got in
		0|2) has "late.c" ;;
		*) echo "FAIL $CASE: exited $got"; FAIL=1 ;;
		esac
		refute "internal error" ;;
	utf16)
		printf '\377\376i\000n\000t\000 \000x\000;\000\n\000' >wide.c
		expect 2 "wide.c: error: binary file, not C source" "$K" wide.c ;;
	utf8-bom-crlf)
		printf '\357\273\277int f(void)\r\n{\r\n\treturn 0;\r\n}' >bom.c
		expect 0 "1 parsed, 0 with errors" "$K" bom.c ;;
	invalid-utf8-ident)
		printf 'int caf\351 = 1;\nint \377\376(void);\n' >ident.c
		run "$K" ident.c
		[ "$got" = 0 ] || { echo "FAIL $CASE: exited $got"; FAIL=1; }
		has "ident.c:1:"
		refute "internal error" ;;
	elf-named-c)
		cp "$K" prog.c
		expect 2 "prog.c: error: binary file, not C source" "$K" prog.c ;;
	fifo-input)
		mkfifo pipe.c
		expect 2 "pipe.c: error: not a regular file" "$K" pipe.c ;;
	device-input)
		ln -s /dev/zero zero.c
		expect 2 "zero.c: error: not a regular file" "$K" zero.c ;;
	symlink-loop-file)
		ln -s loop2.c loop1.c; ln -s loop1.c loop2.c
		expect 2 "loop1.c" "$K" loop1.c
		has "Too many levels of symbolic links" ;;
	symlink-loop-include)
		ln -s loop.h loop.h
		printf '#include "loop.h"\nint f(void) { return 0; }\n' >inc.c
		expect 0 "loop.h" "$K" inc.c
		has "1 with errors" ;;
	symlink-loop-compdb)
		mkdir db
		ln -s compile_commands.json db/compile_commands.json
		expect 2 "compile_commands.json" "$K" -p db
		has "Too many levels of symbolic links" ;;
	compdb-source-loop)
		ok_c a.c
		ln -s spin.c spin.c
		printf '[{"directory": "%s", "file": "a.c", "arguments": ["cc", "-c", "a.c"]},\n {"directory": "%s", "file": "spin.c", "arguments": ["cc", "-c", "spin.c"]}]\n' "$T" "$T" >cc.json
		expect 2 "spin.c: error: cannot open: Too many levels of symbolic links" "$K" -p cc.json
		has "2 files: 0 parsed, 0 with errors, 1 failed, 1 prefiltered" ;;
	compdb-missing-dir)
		ok_c a.c
		printf '[{"directory": "%s/gone", "file": "a.c", "arguments": ["cc", "-c", "a.c"]}]\n' "$T" >cc.json
		expect 2 "gone" "$K" -p cc.json
		has "1 failed" ;;
	compdb-all-missing)
		printf '[{"directory": "%s", "file": "x.c", "arguments": ["cc", "-c", "x.c"]},\n {"directory": "%s", "file": "sub/y.c", "command": "cc -c sub/y.c"}]\n' "$T" "$T" >cc.json
		expect 2 "x.c: error: cannot open: No such file or directory" "$K" -p cc.json
		has "sub/y.c: error: cannot open: No such file or directory"
		has "2 files: 0 parsed, 0 with errors, 2 failed" ;;
	compdb-binary)
		head -c 4096 "$K" >compile_commands.json
		expect 2 "compile_commands.json" "$K" -p . ;;
	compdb-empty)
		: >compile_commands.json
		expect 2 "compile_commands.json" "$K" -p . ;;
	kernel-path-loop)
		fake_tree tree
		ln -s loop tree/loop
		expect 2 "'loop'" "$K" kernel --tree tree loop ;;
	kernel-tree-loop)
		ln -s ring ring
		expect 2 "'ring'" "$K" kernel --tree ring ;;
	rules-malformed)
		ok_c a.c
		printf '# local allocators\nalloc my_alloc kmalloc $0\nalloc my_other "unterminated\n' >bad.tbl
		expect 2 "bad.tbl:3:" "$K" --rules bad.tbl a.c ;;
	rules-bad-record)
		ok_c a.c
		printf 'alloc my_alloc slabb $0\n' >fam.tbl
		expect 2 "fam.tbl:1:" "$K" --rules fam.tbl a.c ;;
	rules-missing)
		ok_c a.c
		expect 2 "nothere.tbl" "$K" --rules nothere.tbl a.c ;;
	rules-binary)
		ok_c a.c
		head -c 4096 "$K" >bin.tbl
		expect 2 "bin.tbl" "$K" --rules bin.tbl a.c ;;
	rules-directory)
		ok_c a.c; mkdir dir.tbl
		expect 2 "dir.tbl" "$K" --rules dir.tbl a.c ;;
	rules-loop)
		ok_c a.c; ln -s me.tbl me.tbl
		expect 2 "me.tbl" "$K" --rules me.tbl a.c ;;
	rules-empty)
		ok_c a.c; : >empty.tbl
		expect 0 "1 parsed, 0 with errors" "$K" --rules empty.tbl a.c ;;
	config-binary)
		ok_c a.c
		head -c 4096 "$K" >cfg.json
		expect 2 "cfg.json" "$K" --config-file cfg.json a.c ;;
	config-loop)
		ok_c a.c
		ln -s .ksizecheck.json .ksizecheck.json
		expect 2 ".ksizecheck.json" "$K" a.c ;;
	baseline-binary)
		ok_c a.c
		head -c 4096 "$K" >base.json
		expect 2 "base.json" "$K" --baseline base.json a.c ;;
	baseline-missing)
		ok_c a.c
		expect 2 "nobase.json" "$K" --baseline nobase.json a.c ;;
	*)
		echo "unknown case '$1'"
		FAIL=1 ;;
	esac
}

if [ "$CASE" = all ]; then
	for c in $(sed -n 's/^[[:space:]]*\([a-z0-9-]*\))$/\1/p' "$HERE/robust-test.sh"); do
		run_case "$c"
	done
else
	run_case "$CASE"
fi
exit $FAIL
