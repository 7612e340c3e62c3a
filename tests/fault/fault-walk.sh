#!/bin/sh
# fault-walk.sh KSIZECHECK KSTUB_DIR MAX_RUNS FILE.c - the malloc-failure
# test (SQLite's test_malloc.c is the model), for a ksizecheck built with
# -DKC_FAULT_INJECT=ON (src/util/alloc.c).
#
# A first run, with nothing failed, gives the findings and the number A
# of allocations the analysis makes (KC_FAULT_REPORT=1). Then N walks
# over 1..A (every N when A <= MAX_RUNS, else a stride that makes about
# MAX_RUNS runs, plus A itself), and each run fails the Nth allocation
# (KC_FAULT_FAIL=N), once or, when N is odd in the walk, from then on
# (KC_FAULT_PERSIST=1). Every such run must end as a clean internal
# error of the file: exit 2, "FILE: internal error: analysis: out of
# memory" on stderr, no finding on stdout, no sanitizer report, no crash
# or timeout of the worker. A last run with N = A + 1 fails nothing and
# must print exactly the findings of the first.
set -u
ksc=$1 kstub=$2 max=$3 file=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the file's own options (ksizecheck-args: OPTS -- FLAGS), as kc-testrun
args=$(sed -n 's/.*ksizecheck-args: *\(.*\) *\*\/.*/\1/p' "$file" | head -1)
opts=${args%%--*}
flags=
case $args in *--*) flags=${args#*--} ;; esac

run() { # run N PERSIST: stdout to $tmp/out, stderr to $tmp/err
	# --no-cache: a cached result would skip the analysis being failed
	# shellcheck disable=SC2086
	KC_FAULT_FAIL=$1 KC_FAULT_PERSIST=$2 KC_FAULT_REPORT=1 \
		timeout 120 "$ksc" --no-cache --timeout 60 $opts "$file" -- \
		-I "$kstub" \
		$flags >"$tmp/out" 2>"$tmp/err"
}

fail() {
	echo "FAIL: $file: $*"
	sed 's/^/  stderr: /' "$tmp/err" | head -20
	sed 's/^/  stdout: /' "$tmp/out" | head -5
	exit 1
}

run 0 0
ref=$?
[ "$ref" -le 1 ] || fail "the run without a failure exits $ref"
cp "$tmp/out" "$tmp/ref"
allocs=$(sed -n 's/^ksizecheck: fault-inject: \([0-9]*\) allocations.*/\1/p' \
	"$tmp/err" | tail -1)
[ -n "$allocs" ] && [ "$allocs" -gt 0 ] ||
	fail "no allocation count (not a -DKC_FAULT_INJECT=ON build?)"
stride=$(( (allocs + max - 1) / max ))
[ "$stride" -ge 1 ] || stride=1

runs=0
n=1
while :; do
	persist=$(( runs % 2 ))
	run "$n" "$persist"
	rc=$?
	what="KC_FAULT_FAIL=$n KC_FAULT_PERSIST=$persist"
	[ "$rc" = 2 ] || fail "$what: exit $rc, not 2"
	grep -q "^$file: internal error: analysis: out of memory$" "$tmp/err" ||
		fail "$what: no internal error naming the analysis"
	! grep -q "Sanitizer\|runtime error\|internal error: .* in " \
		"$tmp/err" || fail "$what: sanitizer report or worker crash"
	[ ! -s "$tmp/out" ] || fail "$what: findings of a failed analysis"
	runs=$((runs + 1))
	[ "$n" -lt "$allocs" ] || break
	n=$((n + stride))
	[ "$n" -le "$allocs" ] || n=$allocs
done
run $((allocs + 1)) 0
rc=$?
[ "$rc" = "$ref" ] || fail "KC_FAULT_FAIL=$((allocs + 1)): exit $rc, not $ref"
cmp -s "$tmp/out" "$tmp/ref" || fail "KC_FAULT_FAIL=$((allocs + 1)): other findings"
echo "ok: $file: $allocs allocations, $runs failed runs (stride $stride)"
