#!/bin/sh
# layers.sh SRCDIR: the calls inside the analysis go downward only
# (docs/analysis.md, "Layers inside src/check"). Fails, naming the file
# and the function, when
# - a file below the interpreter (src/check/*.c other than analyze.c,
#   src/rules/*.c) includes check/interp/interp.h or calls a function
#   that interp.h declares;
# - a rule family (src/rules/*.c) calls analyze.c's entry points;
# - src/ir/ spells a key's text outside path.c (the one encoder).
set -u
src=${1:?usage: layers.sh SRCDIR}
cd "$src" || exit 2
fail=0
names=$(sed -n 's/^[a-z].*[ *]\(eng_[a-z_]*\)(.*/\1/p' src/check/interp/interp.h | sort -u)
[ -n "$names" ] || { echo "layers.sh: no functions in src/check/interp/interp.h"; exit 2; }
pat=$(echo $names | sed 's/ /\\|/g')
for f in src/check/*.c src/rules/*.c; do
	[ "$f" = src/check/analyze.c ] && continue
	if grep -n 'include "check/interp/interp.h"' "$f"; then
		echo "$f: includes the interpreter's header"
		fail=1
	fi
	# calls, not mentions in comments
	hits=$(sed 's|/\*.*\*/||; /^[ \t]*\*/d; /^[ \t]*\/\*/d' "$f" |
	       grep -n "\\($pat\\)(" || true)
	if [ -n "$hits" ]; then
		echo "$f: calls up into the interpreter:"
		echo "$hits"
		fail=1
	fi
done
for f in src/rules/*.c; do
	if grep -n 'kc_analyze_tu\|eng_run_body\|eng_emit' "$f"; then
		echo "$f: a rule family calls the driver"
		fail=1
	fi
done
for f in src/ir/*.c src/ir/*.h; do
	case $f in src/ir/path.[ch]) continue ;; esac
	if grep -n '"\[\]"\|"->\*"\|"#x\|"#le\|x1e\|x1f' "$f"; then
		echo "$f: spells a key's text (use ir/path.h)"
		fail=1
	fi
done
[ $fail = 0 ] && echo "layers: ok"
exit $fail
