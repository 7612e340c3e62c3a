#!/bin/sh
# cli-test.sh KSIZECHECK CASE - one command-line test of ksizecheck: runs
# the case's command in a scratch directory and checks its exit status and
# one line of its output (stdout+stderr). Cases are listed in
# tests/cli.cmake; "sh cli-test.sh K all" runs every case.
set -u
K=$1
CASE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/kc-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
. "$HERE/../lib/check.sh"

run_case() {
	CASE=$1
	case $1 in
	worker-crash|worker-oom)
		# an ASan build handles SIGSEGV itself and runs without RLIMIT_AS
		if [ "${KC_ASAN:-0}" = 1 ]; then
			echo "SKIP: $1 is not meaningful in an ASan build"
			return
		fi ;;
	esac
	case $1 in
	help)
		expect 0 "Exit status:" "$K" --help ;;
	version)
		expect 0 "ksizecheck " "$K" --version ;;
	no-inputs)
		expect 2 "ksizecheck: no input files" "$K" ;;
	unknown-option)
		ok_c a.c
		expect 2 "ksizecheck: unknown option '--frobnicate'" "$K" --frobnicate a.c ;;
	missing-value)
		expect 2 "ksizecheck: option '--timeout' needs a value" "$K" a.c --timeout ;;
	rules-dir)
		# one function finds the rules directory (util/rulesdir.c):
		# $KSIZECHECK_RULES_DIR for the check and for 'model', and
		# --rules-dir over it
		ok_c a.c
		KSIZECHECK_RULES_DIR=$T/none expect 2 \
			"$T/none/allocators.tbl: cannot read" "$K" a.c
		KSIZECHECK_RULES_DIR=$T/none expect 2 \
			"$T/none/slab/classes.tbl: cannot read" "$K" model --list
		KSIZECHECK_RULES_DIR=$T/none expect 0 "1 parsed" \
			"$K" --rules-dir "$SRC/rules" a.c ;;
	bad-number)
		ok_c a.c
		expect 2 "invalid value '0' for -j" "$K" -j 0 a.c ;;
	bad-enum)
		ok_c a.c
		expect 2 "invalid value 'sometimes' for --fail-on" "$K" --fail-on=sometimes a.c ;;
	bad-shard)
		ok_c a.c
		expect 2 "invalid value '3/2' for --shard" "$K" --shard 3/2 a.c ;;
	missing-file)
		expect 2 "ksizecheck: cannot open 'nothere.c': No such file or directory" "$K" nothere.c ;;
	directory-input)
		mkdir d
		expect 2 "ksizecheck: 'd' is a directory" "$K" d ;;
	non-c-file)
		echo "hello" >notes.txt
		expect 2 "ksizecheck: 'notes.txt' is not a C source file" "$K" notes.txt ;;
	empty-file)
		: >empty.c
		expect 2 "empty.c: error: empty file, nothing to check" "$K" empty.c
		count 1 "1 failed" ;;
	binary-file)
		printf 'int x;\000\001\002binary' >bin.c
		expect 2 "bin.c: error: binary file, not C source" "$K" bin.c ;;
	non-c-text)
		printf 'def main():\n    print("not C")\n' >script.c
		expect 0 "1 with errors" "$K" script.c
		refute "internal error" ;;
	non-utf8)
		printf '/* caf\351 \377\376 */\nint ok(void) { return 0; }\n' >latin1.c
		expect 0 "1 parsed, 0 with errors" "$K" latin1.c ;;
	clean)
		ok_c a.c
		expect 0 "ksizecheck: 1 file: 1 parsed, 0 with errors, 0 failed; 0 findings" "$K" a.c ;;
	quiet)
		ok_c a.c
		expect 0 "" "$K" --quiet a.c
		refute "ksizecheck:" ;;
	parse-errors)
		printf 'int f(void) { return undeclared_thing; }\n' >bad.c
		expect 0 "bad.c:1:22: error: use of undeclared identifier 'undeclared_thing'" "$K" bad.c
		count 1 "0 parsed, 1 with errors, 0 failed" ;;
	error-cap)
		i=0; : >many.c
		while [ $i -lt 15 ]; do echo "int f$i(void) { return nope$i; }" >>many.c; i=$((i + 1)); done
		expect 0 "many.c: note: 5 more errors not shown" "$K" many.c
		count 10 ": error: use of undeclared identifier" ;;
	missing-header)
		printf '#include "no/such.h"\nint f(void) { return 0; }\n' >inc.c
		expect 0 "inc.c:1:10: error: 'no/such.h' file not found" "$K" inc.c ;;
	gcc-flags)
		ok_c a.c
		expect 0 "1 parsed, 0 with errors" "$K" a.c -- -mindirect-branch=thunk-extern \
			-fconserve-stack --param=allow-store-data-races=0 -fasan-shadow-offset=0x1 \
			-mpreferred-stack-boundary=3 -fno-allow-store-data-races -mrecord-mcount \
			-Wno-maybe-uninitialized -fzero-call-used-regs=used-gpr -pg -g -MD -MF a.d -c -o a.o
		refute "warning: clang rejects"
		# arch/x86/realmode and boot: 16-bit code for an i386
		expect 0 "1 parsed, 0 with errors" "$K" a.c -- --target=x86_64-linux-gnu \
			-m16 -march=i386 -mregparm=3
		[ -e a.d ] || [ -e a.o ] && { echo "FAIL $CASE: wrote output files"; FAIL=1; } ;;
	unknown-flag-once)
		ok_c a.c; ok_c b.c
		expect 0 "ksizecheck: warning: clang rejects flag '-fnot-a-real-flag'" "$K" -j1 a.c b.c -- -fnot-a-real-flag
		count 1 "-fnot-a-real-flag"
		count 1 "2 parsed, 0 with errors" ;;
	check-form)
		ok_c a.c
		expect 0 "" "$K" -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise \
			-Wno-return-void -Wno-unknown-attribute --arch=x86 -m64 -mlittle-endian \
			-Wsparse-all -DKBUILD_MODNAME='"a"' -O2 a.c
		refute "error"
		refute "warning" ;;
	check-form-stats)
		ok_c a.c
		expect 0 "1 parsed, 0 with errors" "$K" --stats --prefilter=off -D__linux__ --arch=x86 -mlittle-endian a.c
		# with the cache (docs/cache.md) the prefilter is on here too,
		# and a.c names no allocator
		expect 0 "0 parsed, 0 with errors, 0 failed, 1 prefiltered" "$K" --stats -D__linux__ --arch=x86 -mlittle-endian a.c
		expect 0 "1 parsed, 0 with errors" "$K" --stats --no-cache -D__linux__ --arch=x86 -mlittle-endian a.c ;;
	check-form-sparse)
		command -v sparse >/dev/null || { echo "SKIP: no sparse"; return; }
		printf 'static int f(void) { int *p = 0; return *p; }\nint g(void) { return f(); }\n' >s.c
		expect 0 "Using plain integer as NULL pointer" "$K" --sparse -D__linux__ --arch=x86 -m64 -mlittle-endian s.c
		KSIZECHECK_SPARSE=1 expect 0 "Using plain integer as NULL pointer" env KSIZECHECK_SPARSE=1 "$K" -D__linux__ --arch=x86 s.c ;;
	check-form-no-file)
		expect 2 "ksizecheck: no C file among the compiler arguments" "$K" -D__linux__ --arch=x86 ;;
	compdb-malformed)
		printf '[\n  {"directory": ".", "file": "a.c",\n   "arguments": ["cc" "a.c"]}\n]\n' >compile_commands.json
		expect 2 "compile_commands.json:3:" "$K" -p . ;;
	compdb-truncated)
		printf '[\n  {"directory": ".",\n' >compile_commands.json
		expect 2 "compile_commands.json:3: unexpected end of data" "$K" -p compile_commands.json ;;
	compdb-missing)
		expect 2 "ksizecheck: cannot read compile database 'nowhere': No such file or directory" "$K" -p nowhere ;;
	compdb-no-args)
		printf '[{"directory": ".", "file": "a.c"}]\n' >cc.json
		expect 2 "entry 1: needs \"arguments\" or \"command\"" "$K" -p cc.json ;;
	compdb-missing-source)
		ok_c a.c
		printf '[{"directory": "%s", "file": "a.c", "command": "cc -c a.c"},\n {"directory": "%s", "file": "gone.c", "command": "cc -DX=\\"1 2\\" -c gone.c"}]\n' "$T" "$T" >cc.json
		expect 2 "gone.c: error: cannot open: No such file or directory" "$K" -p cc.json
		count 1 "2 files: 0 parsed, 0 with errors, 1 failed, 1 prefiltered" ;;
	compdb-select)
		ok_c a.c; ok_c b.c
		printf '[{"directory": "%s", "file": "a.c", "arguments": ["cc", "-c", "a.c"]},\n {"directory": "%s", "file": "b.c", "arguments": ["cc", "-c", "b.c"]}]\n' "$T" "$T" >compile_commands.json
		expect 0 "1 file: 0 parsed, 0 with errors, 0 failed, 1 prefiltered" "$K" -p . b.c
		expect 2 "none of the given files is in compile database" "$K" -p . "$SRC/CMakeLists.txt" ;;
	prefilter)
		# grab() reaches kmalloc only through a header macro; b.c
		# names it only in a comment and a string
		mkdir inc
		printf '#define grab(n) kmalloc(n, 0)\nvoid *kmalloc(unsigned long n, int f);\nstatic inline int harmless(int x) { return x; }\n' >inc/lib.h
		printf '#include <lib.h>\nvoid *f(void) { return grab(8); }\n' >a.c
		printf '#include <lib.h>\n/* kmalloc */\nconst char *s = "kmalloc";\nint g(void) { return harmless(1); }\n' >b.c
		printf 'void *kmalloc(unsigned long n, int f);\n' >local.h
		printf '#include "local.h"\n' >c.c
		printf '#include "missing.h"\n' >d.c
		: >compile_commands.json
		for f in a.c b.c c.c d.c; do
			printf '%s{"directory": "%s", "file": "%s", "arguments": ["cc", "-Iinc", "-c", "%s"]}\n' \
				"$([ $f = a.c ] && echo '[' || echo ',')" "$T" $f $f >>compile_commands.json
		done
		echo ']' >>compile_commands.json
		expect 0 "prefilter: 1 of 4 files skipped" "$K" -p . --print-prefilter
		has "keep a.c: $T/a.c:2: names grab"
		has "skip b.c: no allocator or size query reachable"
		has "keep c.c: $T/local.h:1: names kmalloc"
		has 'missing.h" not found'
		expect 0 "3 files: 2 parsed, 0 with errors, 0 failed, 1 prefiltered" "$K" -p . a.c b.c c.c
		expect 0 "prefilter-would-skip     1" "$K" -p . --prefilter=check --stats a.c b.c c.c
		has "3 files: 3 parsed, 0 with errors, 0 failed; 0 findings"
		expect 0 "3 files: 3 parsed, 0 with errors, 0 failed; 0 findings" "$K" -p . --prefilter=off a.c b.c c.c
		expect 2 "--prefilter" "$K" -p . --prefilter=maybe ;;
	bad-env-number)
		ok_c a.c
		expect 2 "invalid value 'lots' for \$KSIZECHECK_STEP_BUDGET" \
			env KSIZECHECK_STEP_BUDGET=lots "$K" a.c
		expect 2 "invalid value '0' for \$KSIZECHECK_ANALYSIS_SECONDS" \
			env KSIZECHECK_ANALYSIS_SECONDS=0 "$K" a.c
		expect 0 "" env KSIZECHECK_STEP_BUDGET=20000 "$K" a.c ;;
	irrelevant-functions)
		# pass 1 runs only what reaches an allocator or a field fact:
		# not add, twice, seta; usep through the fact on s.p, outer
		# through mk. Pass 0 runs only setp, the one store into a
		# field an allocating function stores into (seta's s.a is
		# not one); mk is inlined, outer keeps its finding
		cat >r.c <<-'EOF'
		#include <linux/slab.h>
		struct s { int a; char *p; };
		int add(int a, int b) { return a + b; }
		int twice(int a) { return add(a, a); }
		void seta(struct s *x) { x->a = 1; }
		void setp(struct s *x, int n) { x->p = kmalloc(n, GFP_KERNEL); }
		void usep(struct s *x) { x->p[20] = 0; }
		static char *mk(int n) { return kmalloc(n, GFP_KERNEL); }
		void outer(void)
		{
			char *p = mk(4);

			if (p)
				p[8] = 0;
		}
		EOF
		expect 1 "functions-irrelevant     3 " "$K" --stats r.c -- -I"$SRC/tests/include/kstub"
		has "functions-analysed       3 "
		has "functions-no-facts       6 "
		has "r.c:14:"
		has "overflow-write" ;;
	analysis-time-limit)
		# a TU past its analysis time ends partly analysed, not as an
		# internal error (lib/overflow_kunit.c of 6.12)
		cp "$SRC/corpus/vpu_ctx_helpers.c" v.c
		KSIZECHECK_ANALYSIS_SECONDS=0.000001 expect 0 "functions-skipped-time" \
			"$K" --stats --fail-on=none v.c -- -I"$SRC/tests/include/kstub"
		has "1 file: 1 parsed, 0 with errors, 0 failed"
		refute "internal error"
		expect 1 "slack-write" "$K" v.c -- -I"$SRC/tests/include/kstub"
		refute "functions-skipped-time" ;;
	tree-not-kernel)
		mkdir notakernel
		expect 2 "ksizecheck: 'notakernel' is not a kernel source tree" "$K" kernel --tree notakernel ;;
	tree-missing)
		expect 2 "ksizecheck: kernel tree 'nowhere' is not a directory" "$K" kernel --tree nowhere ;;
	tree-unconfigured)
		mkdir -p fake/arch fake/include/linux; : >fake/Makefile; : >fake/Kbuild
		expect 2 "is not configured: run 'make LLVM=-19 allmodconfig && make LLVM=-19 prepare' in it" "$K" kernel --tree fake ;;
	tree-unprepared)
		mkdir -p fake/arch fake/include/linux fake/include/config; : >fake/Makefile; : >fake/Kbuild
		: >fake/.config; : >fake/include/config/auto.conf
		expect 2 "is not prepared: run 'make LLVM=-19 prepare'" "$K" kernel --tree fake ;;
	worker-crash)
		ok_c a.c; ok_c fault.c; ok_c b.c
		expect 2 "fault.c: internal error: crashed with signal 11 (Segmentation fault) in parse" \
			env KSIZECHECK_FAULT=crash "$K" -j2 a.c fault.c b.c
		count 1 "3 files: 2 parsed, 0 with errors, 0 failed, 1 internal error" ;;
	worker-timeout)
		ok_c a.c; ok_c fault.c; ok_c b.c
		expect 2 "fault.c: internal error: timed out after 1 s in parse" \
			env KSIZECHECK_FAULT=hang "$K" -j1 --timeout 1 a.c fault.c b.c
		count 1 "3 files: 2 parsed, 0 with errors, 0 failed, 1 internal error" ;;
	worker-oom)
		ok_c a.c; ok_c fault.c
		expect 2 "fault.c: internal error: crashed with signal 6 (Aborted), possibly out of memory (--mem-limit) in parse" \
			env KSIZECHECK_FAULT=oom "$K" --mem-limit 300 a.c fault.c ;;
	interrupt)
		ok_c a.c; ok_c fault.c; ok_c b.c
		KSIZECHECK_FAULT=hang "$K" -j2 a.c fault.c b.c >out.txt 2>&1 &
		pid=$!
		sleep 2
		kill -INT $pid
		wait $pid
		got=$?
		[ "$got" = 130 ] || { echo "FAIL $CASE: exit $got, expected 130"; FAIL=1; }
		grep -qF "(interrupted)" out.txt || { echo "FAIL $CASE: no partial summary"; cat out.txt; FAIL=1; } ;;
	progress-log)
		# stderr is a file here, as in a CI log: plain lines at
		# the interval, never a control character; --quiet: none
		ok_c a.c; ok_c fault.c; ok_c b.c
		expect 2 "ksizecheck: progress: 1/3 files, 0 findings, 0:0" \
			env KSIZECHECK_FAULT=hang KSIZECHECK_PROGRESS_SECONDS=0.2 \
			"$K" -j1 --timeout 2 a.c fault.c b.c
		has "elapsed, about 0:0"
		n=$(grep -c "^ksizecheck: progress: " out.txt)
		[ "$n" -ge 4 ] || { echo "FAIL $CASE: $n progress lines in 2 s at 0.2 s"; FAIL=1; }
		if tr -d '\n' <out.txt | LC_ALL=C grep -q '[[:cntrl:]]'; then
			echo "FAIL $CASE: control characters in a log"; FAIL=1
		fi
		expect 0 "" env KSIZECHECK_PROGRESS_SECONDS=0.001 "$K" --quiet a.c b.c
		refute "progress"
		expect 2 "invalid value '0' for \$KSIZECHECK_PROGRESS_SECONDS" \
			env KSIZECHECK_PROGRESS_SECONDS=0 "$K" a.c ;;
	same-order)
		ls "$SRC"/corpus/*.c >/dev/null 2>&1 || { echo "SKIP: no corpus"; return; }
		"$K" -q -j1 "$SRC"/corpus/*.c -- -I"$SRC/tests/include/kstub" >j1.txt 2>/dev/null
		"$K" -q -j3 "$SRC"/corpus/*.c -- -I"$SRC/tests/include/kstub" >j3.txt 2>/dev/null
		cmp -s j1.txt j3.txt || { echo "FAIL $CASE: -j1 and -j3 differ"; diff j1.txt j3.txt | head; FAIL=1; } ;;
	kernel-fake-tree)
		# a minimal configured "tree": the dry run prints one compile
		# (b.c), a built object's .a.o.cmd records the other (a.c)
		mkdir -p kt/arch kt/include/linux kt/include/config kt/include/generated kt/drivers/foo
		: >kt/Kbuild; : >kt/.config; : >kt/include/config/auto.conf
		: >kt/include/generated/autoconf.h; : >kt/include/generated/bounds.h
		: >kt/include/generated/asm-offsets.h
		printf 'VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\n.PHONY: drivers/foo/ drivers/foo/b.o\ndrivers/foo/ drivers/foo/b.o:\n\tclang -D__KERNEL__ -DX='"'"'"b"'"'"' -c -o drivers/foo/b.o drivers/foo/b.c; ./objtool drivers/foo/b.o\n' >kt/Makefile
		ok_c kt/drivers/foo/a.c; ok_c kt/drivers/foo/b.c
		echo 'cmd_drivers/foo/a.o := clang -D__KERNEL__ -c -o drivers/foo/a.o drivers/foo/a.c' >kt/drivers/foo/.a.o.cmd
		expect 0 "2 files: 2 parsed, 0 with errors" "$K" kernel --tree kt --prefilter=off drivers/foo/
		expect 0 "2 files: 0 parsed, 0 with errors, 0 failed, 2 prefiltered" "$K" kernel --tree kt drivers/foo/
		expect 0 '"file":"drivers/foo/b.c"' "$K" kernel --tree kt --print-compdb drivers/foo/b.c
		refute "a.c"
		expect 2 "'nothere/' does not exist in kernel tree 'kt'" "$K" kernel --tree kt nothere/ ;;
	kernel-generated-headers)
		# a prepared, unbuilt fake tree: a.c and d.c include headers
		# that a Kbuild rule generates (named in drivers/foo/Makefile;
		# a pattern rule in drivers/bar/Makefile, found through -I),
		# e.c one whose make fails; b.c a header nobody makes
		mkdir -p kt/arch kt/include/linux kt/include/config kt/include/generated \
			kt/drivers/foo kt/drivers/bar kt/drivers/baz
		: >kt/Kbuild; : >kt/.config; : >kt/include/config/auto.conf
		for h in autoconf bounds asm-offsets; do : >kt/include/generated/$h.h; done
		{
			printf 'VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\n'
			printf '.PHONY: drivers/foo/ drivers/bar/ drivers/baz/\n'
			printf 'drivers/foo/:\n\tclang -D__KERNEL__ -c -o drivers/foo/a.o drivers/foo/a.c\n'
			printf '\tclang -D__KERNEL__ -c -o drivers/foo/b.o drivers/foo/b.c\n'
			printf 'drivers/bar/:\n\tclang -D__KERNEL__ -I drivers/bar/generated -c -o drivers/bar/d.o drivers/bar/d.c\n'
			printf 'drivers/baz/:\n\tclang -D__KERNEL__ -c -o drivers/baz/e.o drivers/baz/e.c\n'
			printf 'drivers/foo/a.o:\n\tprintf "#define A_GEN 1\\n" >drivers/foo/a.gen.h\n'
			printf 'drivers/bar/d.o:\n\tmkdir -p drivers/bar/generated && echo "#define X_GEN 1" >drivers/bar/generated/x.xml.h\n'
			printf 'drivers/baz/e.o:\n\tfalse\n'
		} >kt/Makefile
		printf 'obj-y += a.o b.o\n$(obj)/a.o: $(obj)/a.gen.h\n' >kt/drivers/foo/Makefile
		printf 'obj-y += d.o\n$(obj)/generated/%%.xml.h: $(src)/%%.xml\n\tgen $< >$@\n' >kt/drivers/bar/Makefile
		printf 'obj-y += e.o\nclean-files += e_tab.h\n' >kt/drivers/baz/Kbuild
		printf '#include "a.gen.h"\nint f(void) { return A_GEN; }\n' >kt/drivers/foo/a.c
		printf '#include "missing.h"\nint g(void) { return 0; }\n' >kt/drivers/foo/b.c
		printf '#include "x.xml.h"\nint h(void) { return X_GEN; }\n' >kt/drivers/bar/d.c
		printf '#include "e_tab.h"\nint e(void) { return E_TAB; }\n' >kt/drivers/baz/e.c
		expect 0 "ksizecheck: 3 files include headers that Kbuild generates during a build (not 'make prepare'), missing in 'kt'; checked as far as they parsed, 6 clang errors not shown:" \
			"$K" kernel --tree kt --prefilter=off drivers/foo/ drivers/bar/ drivers/baz/
		has "ksizecheck:   drivers/bar/generated/: x.xml.h (1 file)"
		has "ksizecheck:   drivers/baz/: e_tab.h (1 file)"
		has "ksizecheck:   drivers/foo/: a.gen.h (1 file)"
		has "ksizecheck: Kbuild makes them with the objects that include them: make -C kt -k drivers/bar/d.o drivers/baz/e.o drivers/foo/a.o"
		has "ksizecheck: or run again with --build-generated, which runs that make first"
		has "drivers/foo/b.c:1:10: error: 'missing.h' file not found"
		has "4 files: 0 parsed, 4 with errors"
		refute "a.gen.h' file not found"
		refute "undeclared identifier 'A_GEN'"
		count 1 "Kbuild generates"
		expect 0 "ksizecheck: --build-generated: building the 3 objects whose generated headers are missing: make -C kt -k -j1 drivers/bar/d.o drivers/baz/e.o drivers/foo/a.o" \
			"$K" kernel -j1 --tree kt --prefilter=off --build-generated drivers/foo/ drivers/bar/ drivers/baz/
		has "ksizecheck: --build-generated: make failed (see its errors above) in "
		has "; checking those 3 files again"
		has "4 files: 2 parsed, 2 with errors"
		has "ksizecheck: 1 file includes headers that Kbuild generates during a build (not 'make prepare'), missing in 'kt' even after the build"
		has "ksizecheck:   drivers/baz/: e_tab.h (1 file)"
		refute "or run again with --build-generated"
		[ -f kt/drivers/foo/a.gen.h ] && [ -f kt/drivers/bar/generated/x.xml.h ] ||
			{ echo "FAIL $CASE: the generated headers were not built"; FAIL=1; }
		expect 0 "4 files: 2 parsed, 2 with errors" "$K" kernel --tree kt --prefilter=off drivers/foo/ drivers/bar/ drivers/baz/
		has "make -C kt -k drivers/baz/e.o"
		refute "a.gen.h"
		ok_c a.c
		expect 2 "ksizecheck: --build-generated needs the 'kernel' subcommand" "$K" --build-generated a.c ;;
	shard-union)
		ls "$SRC"/corpus/*.c >/dev/null 2>&1 || { echo "SKIP: no corpus"; return; }
		"$K" -q -j2 "$SRC"/corpus/*.c -- -I"$SRC/tests/include/kstub" 2>/dev/null | sort >all.txt
		: >shards.txt
		for i in 1 2 3; do
			"$K" -q -j2 --shard $i/3 "$SRC"/corpus/*.c -- -I"$SRC/tests/include/kstub" 2>/dev/null >>shards.txt
		done
		sort shards.txt >shards.sorted
		[ -s all.txt ] || { echo "FAIL $CASE: no findings on the corpus"; FAIL=1; }
		cmp -s all.txt shards.sorted || { echo "FAIL $CASE: shards differ from the whole"; diff all.txt shards.sorted | head; FAIL=1; } ;;
	*)
		echo "unknown case '$1'"
		FAIL=1 ;;
	esac
}

if [ "$CASE" = all ]; then
	for c in $(sed -n 's/^[[:space:]]*\([a-z0-9-]*\))$/\1/p' "$HERE/cli-test.sh"); do
		run_case "$c"
	done
else
	run_case "$CASE"
fi
exit $FAIL
