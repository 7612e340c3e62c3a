#!/bin/bash
# run.sh - runs one Coccinelle test case (Coccinelle's own convention).
#
#   tests/cocci/run.sh SCRIPT NAME
#
# Input tests/cocci/SCRIPT/NAME.c, semantic patch cocci/SCRIPT.cocci.
#   NAME.res     expected patch-mode output (a negative case: identical to
#                NAME.c; names starting with neg_ must be). Checked: spatch -D patch on NAME.c gives NAME.res;
#                spatch -D patch on NAME.res changes nothing (idempotence);
#                NAME.res compiles with clang -fsyntax-only against the
#                kernel-style stubs (6.1 and 6.12 shapes).
#   NAME.report  expected report-mode lines (sorted), "NAME.c:line:col-col:
#                message". An empty file: no report.
# Options of the script's "// Options:" line are passed as coccicheck does.
# Exit 0 pass, 1 fail, 77 skip (spatch missing).
#
# Environment: SPATCH (default spatch), CLANG (default clang-19),
# KC_SOURCE_DIR (default: two levels up from this script).
set -u
script=${1:?usage: run.sh SCRIPT NAME}
name=${2:?usage: run.sh SCRIPT NAME}
src=${KC_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
spatch=${SPATCH:-spatch}
clang=${CLANG:-clang-19}
cocci="$src/cocci/$script.cocci"
dir="$src/tests/cocci/$script"

if ! command -v "$spatch" >/dev/null 2>&1; then
	echo "SKIP: spatch not found ('$spatch'); install coccinelle"
	exit 77
fi
[ -f "$cocci" ] || { echo "FAIL: no semantic patch '$cocci'"; exit 1; }
[ -f "$dir/$name.c" ] || { echo "FAIL: no test input '$dir/$name.c'"; exit 1; }
if [ ! -f "$dir/$name.res" ] && [ ! -f "$dir/$name.report" ]; then
	echo "FAIL: '$name' has neither $name.res nor $name.report"
	exit 1
fi

opts=$(grep "Options:" "$cocci" | cut -d: -f2)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kc-cocci.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0

# spatch -D patch IN -> OUT (OUT = IN when nothing changes); the diff on
# stdout is applied with patch(1), as "-o" refuses files it did not change
run_patch() {
	cp "$1" "$tmp/in.c"
	(cd "$tmp" && $spatch --sp-file "$cocci" -D patch --very-quiet $opts \
		in.c) >"$tmp/patch.diff" 2>"$tmp/patch.log"
	local rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: spatch -D patch on $3 exited $rc:"
		cat "$tmp/patch.log"
		return 1
	fi
	if [ -s "$tmp/patch.diff" ]; then
		if ! patch -s -o "$2" "$tmp/in.c" <"$tmp/patch.diff" \
			>"$tmp/patch.log" 2>&1; then
			echo "FAIL: cannot apply the patch-mode diff of $3:"
			cat "$tmp/patch.log" "$tmp/patch.diff"
			return 1
		fi
	else
		cp "$tmp/in.c" "$2"
	fi
}

case "$name" in
neg_*)
	if [ -f "$dir/$name.res" ] && ! cmp -s "$dir/$name.c" "$dir/$name.res"; then
		echo "FAIL: negative case $name.res must be identical to $name.c"
		fail=1
	fi ;;
esac

if [ -f "$dir/$name.res" ]; then
	if run_patch "$dir/$name.c" "$tmp/got.c" "$name.c"; then
		if ! diff -u "$dir/$name.res" "$tmp/got.c" >"$tmp/d"; then
			echo "FAIL: patch mode output differs from $name.res:"
			cat "$tmp/d"
			fail=1
		fi
	else
		fail=1
	fi
	if run_patch "$dir/$name.res" "$tmp/again.c" "$name.res"; then
		if ! diff -u "$dir/$name.res" "$tmp/again.c" >"$tmp/d"; then
			echo "FAIL: not idempotent, a second run changes $name.res:"
			cat "$tmp/d"
			fail=1
		fi
	else
		fail=1
	fi
	for v in "" -DKC_STUB_6_12; do
		cp "$dir/$name.res" "$tmp/res.c"
		if ! $clang -fsyntax-only -Wall -Werror=implicit-function-declaration \
			-Wdeclaration-after-statement $v -I "$src/tests/include/kstub" \
			"$tmp/res.c" >"$tmp/cc.log" 2>&1; then
			echo "FAIL: $name.res does not compile ($clang $v):"
			cat "$tmp/cc.log"
			fail=1
		elif [ -s "$tmp/cc.log" ]; then
			echo "FAIL: $name.res compiles with warnings ($clang $v):"
			cat "$tmp/cc.log"
			fail=1
		fi
	done
fi

if [ -f "$dir/$name.report" ]; then
	(cd "$dir" && $spatch --sp-file "$cocci" -D report --very-quiet $opts \
		"$name.c") >"$tmp/rep.raw" 2>"$tmp/rep.err"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: spatch -D report exited $rc:"
		cat "$tmp/rep.err"
		fail=1
	fi
	LC_ALL=C sort "$tmp/rep.raw" >"$tmp/rep.got"
	LC_ALL=C sort "$dir/$name.report" >"$tmp/rep.want"
	if ! diff -u "$tmp/rep.want" "$tmp/rep.got" >"$tmp/d"; then
		echo "FAIL: report mode output differs from $name.report:"
		cat "$tmp/d"
		fail=1
	fi
fi

if [ $fail -eq 0 ]; then
	echo "PASS: $script/$name"
	exit 0
fi
exit 1
