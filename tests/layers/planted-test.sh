#!/bin/sh
# planted-test.sh - the layering check (scripts/check-layers.sh) must
# fail on a planted violation: a scratch tree with the real layer table
# (docs/architecture.md) and a few files. It must pass on downward and
# same-layer includes and the listed exception, fail naming file, line
# and header on an upward include, and fail on a file no layer covers.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/kc-layers.XXXXXX")
trap 'rm -rf "$T"' EXIT
FAIL=0
mkdir -p "$T/docs" "$T/src/util" "$T/src/check" "$T/src/cli" \
	"$T/src/prefilter" "$T/src/rules"
cp "$SRC/docs/architecture.md" "$T/docs/"
printf '#include "util/err.h"\n#include <stdio.h>\n' >"$T/src/check/a.c"
printf '#include "check/engine.h"\n#include "local.h"\n' >"$T/src/cli/m.c"
printf '#include "driver/run.h"\n' >"$T/src/prefilter/prefilter.c"
printf '#include "check/engine.h"\n' >"$T/src/rules/r.c"
printf '#include "diag/diag.h"\n' >"$T/src/rules/rule_list.h"

check() { # check WANT_STATUS TEXT: run the script on $T
	out=$(sh "$SRC/scripts/check-layers.sh" "$T" 2>&1)
	got=$?
	if [ "$got" != "$1" ]; then
		echo "FAIL: exit $got, expected $1"; echo "$out"; FAIL=1
	elif [ -n "$2" ] && ! printf '%s\n' "$out" | grep -qF "$2"; then
		echo "FAIL: did not print: $2"; echo "$out"; FAIL=1
	fi
}

check 1 "src/rules/rule_list.h:1: includes 'diag/diag.h'"
rm "$T/src/rules/rule_list.h"
check 0 ""
printf '/* x */\n#include "cli/opts.h"\n' >"$T/src/util/bad.c"
check 1 "src/util/bad.c:2: includes 'cli/opts.h' (layer cli/, rank 12) above its own layer util/ (rank 0)"
rm "$T/src/util/bad.c"
mkdir -p "$T/src/newdir"
printf 'int x;\n' >"$T/src/newdir/n.c"
check 1 "src/newdir/n.c: in no layer of docs/architecture.md"
rm -r "$T/src/newdir"
check 0 ""
[ "$FAIL" = 0 ] && echo "ok: the layering check fails on planted violations"
exit "$FAIL"
