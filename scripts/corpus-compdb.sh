#!/bin/bash
# Writes a compile_commands.json for corpus/*.c (or the files given) to
# stdout: each file gets the kernel-style stub headers and the compiler
# flags of its "ksizecheck-args: ... -- FLAGS" comment, so
#   ksizecheck -p DIR
# checks the corpus exactly as the tests do.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root"/corpus/*.c)
echo "["
sep=""
for f in "${files[@]}"; do
	abs=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
	# compiler flags: the words after a standalone "--" of the
	# ksizecheck-args comment (ksizecheck options before it do not
	# belong in a compile database)
	extra=$(head -n 20 "$abs" | sed -n 's/.*ksizecheck-args:\(.*\)\*\/.*/\1/p' | head -n 1 |
		awk '{ for (i = 1; i <= NF; i++) if ($i == "--") { for (j = i + 1; j <= NF; j++) printf "%s ", $j; break } }')
	args="\"clang\", \"-I$root/tests/include/kstub\""
	for a in $extra; do
		args="$args, \"$a\""
	done
	printf '%s  {"directory": "%s", "file": "%s", "arguments": [%s, "-c", "%s"]}' \
		"$sep" "$root" "$abs" "$args" "$abs"
	sep=$',\n'
done
printf '\n]\n'
