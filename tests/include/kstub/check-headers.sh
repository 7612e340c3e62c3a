#!/bin/bash
# Each kstub header must compile on its own, warning-free, in both API
# shapes (default 6.1 and -DKC_STUB_6_12) and with and without
# CONFIG_SLAB_BUCKETS, with clang (and gcc when present):
#   tests/include/kstub/check-headers.sh
set -uo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
clang=${CLANG:-clang-19}
command -v "$clang" >/dev/null 2>&1 || clang=clang
compilers=("$clang")
command -v gcc >/dev/null 2>&1 && compilers+=(gcc)
fail=0
n=0
for h in "$dir"/linux/*.h "$dir"/asm/*.h; do
	rel=${h#"$dir"/}
	for mode in "" "-DKC_STUB_6_12" "-DKC_STUB_6_12 -DKC_STUB_NO_SLAB_BUCKETS"; do
		for cc in "${compilers[@]}"; do
			n=$((n + 1))
			# shellcheck disable=SC2086
			out=$(echo "#include <$rel>" |
			      "$cc" -x c -fsyntax-only -Wall -Wextra -I "$dir" $mode - 2>&1)
			if [ $? -ne 0 ] || [ -n "$out" ]; then
				echo "FAIL $rel ($cc $mode)"
				echo "$out"
				fail=$((fail + 1))
			fi
		done
	done
done
echo "kstub: $((n - fail))/$n header checks clean"
[ "$fail" -eq 0 ]
