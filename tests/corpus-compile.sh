#!/bin/bash
# Checks that every corpus file (or the files given) compiles cleanly
# against the kstub headers with the compiler flags of its
# "ksizecheck-args: ... -- FLAGS" comment, exactly as the analyzer sees
# it:  clang-19 -fsyntax-only -I tests/include/kstub [FLAGS] FILE
# Errors fail the check; warnings are printed and fail it too, because
# corpus code should read like warning-free kernel code.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
clang=${CLANG:-clang-19}
command -v "$clang" >/dev/null 2>&1 || clang=clang
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root"/corpus/*.c)
fail=0
n=0
for f in "${files[@]}"; do
	# compiler flags: the words after a standalone "--" in the
	# "ksizecheck-args:" comment (ksizecheck options come before it)
	args=$(head -n 20 "$f" | sed -n 's/.*ksizecheck-args:\(.*\)\*\/.*/\1/p' | head -n 1)
	extra=""
	seen=0
	for w in $args; do
		if [ "$seen" = 1 ]; then
			extra="$extra $w"
		elif [ "$w" = "--" ]; then
			seen=1
		fi
	done
	# shellcheck disable=SC2086
	if ! out=$("$clang" -fsyntax-only -Wall -Wno-unused-function \
			-I "$root/tests/include/kstub" $extra "$f" 2>&1) ||
	   [ -n "$out" ]; then
		echo "FAIL $f"
		echo "$out"
		fail=$((fail + 1))
	fi
	n=$((n + 1))
done
echo "corpus-compile: $((n - fail))/$n files compile cleanly"
[ "$fail" -eq 0 ]
