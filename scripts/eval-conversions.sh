#!/usr/bin/env bash
# eval-conversions.sh - apply a slack-use semantic patch to the 6.1 files
# that 6.12 converted (docs/eval/conversions.tsv, shapes A and B), outside
# the kernel tree, and report for each: rewritten or not, idempotent or
# not, whether the patched copy still parses with the file's exact Kbuild
# flags, whether the patched function now calls kmalloc_size_roundup() and
# no longer calls ksize(); then print the diff next to the 6.12 function so
# a reader can judge "same fix in substance" (docs/eval/conversions.md).
#
# The kernel tree is only read: copies go to the results directory.
# Exit: 0 when every A/B file is rewritten, idempotent and parses; 1
# otherwise; 2 on usage errors.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
old=${KC_KERNEL_TREE_61:-}   # configured trees: docs/eval/README.md
new=${KC_KERNEL_TREE_612:-}
cocci=$here/cocci/ksize_slack.cocci
out=
shapes=AB

usage() {
	cat <<EOF
usage: $0 [--old TREE61] [--new TREE612] [--cocci FILE] [-o DIR] [--shapes AB]
  defaults: --old $KC_KERNEL_TREE_61 --new $KC_KERNEL_TREE_612
            --cocci cocci/ksize_slack.cocci, -o ${TMPDIR:-/tmp}/ksizecheck-eval/conv-<time>
EOF
}

die() {
	echo "eval-conversions: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--old) old=$2; shift 2 ;;
	--new) new=$2; shift 2 ;;
	--cocci) cocci=$2; shift 2 ;;
	-o|--out) out=$2; shift 2 ;;
	--shapes) shapes=$2; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done

command -v spatch >/dev/null || die "spatch not found"
[ -f "$cocci" ] || die "no semantic patch '$cocci'"
[ -n "$old" ] || die "no 6.1 tree: pass --old TREE or set KC_KERNEL_TREE_61"
[ -f "$old/.config" ] || die "'$old' is not a configured kernel tree"
tsv=$here/docs/eval/conversions.tsv
[ -f "$tsv" ] || die "no '$tsv'"
[ -n "$out" ] || out=${TMPDIR:-/tmp}/ksizecheck-eval/conv-$(date -u +%Y%m%dT%H%M%S)
case "$out" in "$here"|"$here"/*) die "results must go outside the repo" ;; esac
mkdir -p "$out"
cocci=$(cd "$(dirname "$cocci")" && pwd)/$(basename "$cocci")
echo "semantic patch $cocci; results in $out"

# Kbuild flags of $1 in $old (see eval-ksize-sites.sh), without -c -o
kbuild_flags() {
	local obj=${1%.c}.o
	make -C "$old" LLVM=-19 -n V=1 "$obj" 2>/dev/null |
		tr ';' '\n' |
		grep -E "^[[:space:]]*clang-19 .* -c -o $obj $1[[:space:]]*$" |
		tail -n 1 | sed -E -e 's/^[[:space:]]*clang-19 //' \
			-e 's/-Wp,-MMD,[^ ]+ //' \
			-e 's/ -c -o [^ ]+\.o [^ ]+\.c[[:space:]]*$//' || true
}

# body of function $2 in file $1 (from its definition line to the first
# line that is a lone closing brace)
func_body() {
	awk -v fn="$2" '
		!on && $0 ~ "^[a-z].*[ *]" fn "\\(" { on = 1 }
		on { print }
		on && /^}/ { exit }' "$1"
}

status=0
printf 'file\tshape\treported\trewritten\tidempotent\tparses\troundup\tksize_left\tseconds\n' \
	>"$out/summary.tsv"
tail -n +2 "$tsv" | while IFS=$'\t' read -r file fn shape _ _ _ _ _ _ _ _; do
	case "$shapes" in *"$shape"*) ;; *) continue ;; esac
	key=$(echo "$file" | tr '/' '_')
	d=$out/$key
	mkdir -p "$d"
	cp "$old/$file" "$d/orig.c"
	cp "$old/$file" "$d/patched.c"
	t0=$(date +%s)
	spatch --very-quiet --sp-file "$cocci" -D patch --no-includes \
		--include-headers --in-place "$d/patched.c" \
		>"$d/spatch.out" 2>"$d/spatch.err" || true
	cp "$d/patched.c" "$d/twice.c"
	spatch --very-quiet --sp-file "$cocci" -D patch --no-includes \
		--include-headers --in-place "$d/twice.c" \
		>/dev/null 2>>"$d/spatch.err" || true
	spatch --very-quiet --sp-file "$cocci" -D report --no-includes \
		--include-headers "$d/orig.c" >"$d/report.out" 2>>"$d/spatch.err" ||
		true
	reported=$(grep -c ':[0-9]' "$d/report.out" || true)
	t1=$(date +%s)
	diff -u --label "a/$file" --label "b/$file" "$d/orig.c" \
		"$d/patched.c" >"$d/fix.diff" || true
	rewritten=no
	[ -s "$d/fix.diff" ] && rewritten=yes
	idem=yes
	cmp -s "$d/patched.c" "$d/twice.c" || idem=no
	flags=$(kbuild_flags "$file")
	parses=no-flags
	if [ -n "$flags" ]; then
		parses=yes
		(cd "$old" && eval "clang-19 $flags -iquote $(dirname "$file") \
			-fsyntax-only $d/patched.c") >"$d/parse.err" 2>&1 ||
			parses=no
	fi
	# the function(s) of the row, "a/b" lists several
	roundup=no
	left=no
	for f in $(echo "$fn" | tr '/' ' '); do
		func_body "$d/patched.c" "$f" >"$d/$f.61-patched.c"
		func_body "$new/$file" "$f" >"$d/$f.612.c"
		grep -q 'kmalloc_size_roundup' "$d/$f.61-patched.c" && roundup=yes
		grep -qE '\bksize[[:space:]]*\(' "$d/$f.61-patched.c" && left=yes
	done
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$shape" \
		"$reported" "$rewritten" "$idem" "$parses" "$roundup" "$left" \
		"$((t1 - t0))" >>"$out/summary.tsv"
done

echo
column -t -s "$(printf '\t')" "$out/summary.tsv"
awk -F'\t' 'NR > 1 && ($4 != "yes" || $5 != "yes" || $6 != "yes") {bad++}
	END {exit bad > 0}' "$out/summary.tsv" || status=1

echo
echo "== diffs (6.1 patched) and the 6.12 function, per file =="
tail -n +2 "$out/summary.tsv" | cut -f1 | while read -r file; do
	key=$(echo "$file" | tr '/' '_')
	echo "---------------- $file"
	sed "s,$out/$key/orig.c,$file," "$out/$key/report.out"
	cat "$out/$key/fix.diff"
	[ -s "$out/$key/parse.err" ] && head -n 5 "$out/$key/parse.err"
	for f in "$out/$key"/*.612.c; do
		[ -s "$f" ] || continue
		echo "--- 6.12: $(basename "$f" .612.c)"
		grep -nE 'kmalloc_size_roundup|ksize\(' "$f" || true
	done
done
exit $status
