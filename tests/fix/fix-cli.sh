#!/bin/sh
# End-to-end test of `ksizecheck --fix` on a corpus file with slack-write
# findings whose allocation is in another function than the accesses:
#  1. --fix (diff) prints a kmalloc_size_roundup() diff and leaves the
#     file untouched;
#  2. --fix=apply rewrites it, and the rewritten file checks clean;
#  3. with spatch missing, --fix exits 2 naming the script, file untouched.
#   fix-cli.sh KSIZECHECK SOURCE-DIR
set -u
ksc=$1
src=$2
if ! command -v spatch >/dev/null 2>&1; then
	echo "SKIP: spatch not installed"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
cp "$src/corpus/seq_strbuf.c" "$tmp/"
cp "$tmp/seq_strbuf.c" "$tmp/orig.c"
inc="-I $src/tests/include/kstub"

"$ksc" -q --fix "$tmp/seq_strbuf.c" -- $inc >"$tmp/diff.out" 2>"$tmp/diff.err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: --fix exit $rc, want 1"; fail=1; }
grep -q '^+.*kmalloc_size_roundup' "$tmp/diff.out" ||
	{ echo "FAIL: --fix printed no kmalloc_size_roundup() diff"; fail=1; }
cmp -s "$tmp/seq_strbuf.c" "$tmp/orig.c" ||
	{ echo "FAIL: --fix (diff) modified the source"; fail=1; }

"$ksc" -q --fix=apply "$tmp/seq_strbuf.c" -- $inc >"$tmp/apply.out" 2>&1
grep -q "kmalloc_size_roundup" "$tmp/seq_strbuf.c" ||
	{ echo "FAIL: --fix=apply did not rewrite the file"; fail=1; }
grep -q "ksize(tb->buf)" "$tmp/seq_strbuf.c" &&
	{ echo "FAIL: --fix=apply left the ksize() capacity"; fail=1; }
"$ksc" -q "$tmp/seq_strbuf.c" -- $inc >"$tmp/after.out" 2>&1
rc=$?
[ $rc -eq 0 ] || { echo "FAIL: fixed file still has findings:"; cat "$tmp/after.out"; fail=1; }

cp "$tmp/orig.c" "$tmp/seq_strbuf.c"
PATH=/nonexistent "$ksc" -q --fix=apply "$tmp/seq_strbuf.c" -- $inc >"$tmp/nosp.out" 2>&1
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: --fix without spatch exit $rc, want 2"; fail=1; }
grep -q "ksize_slack" "$tmp/nosp.out" ||
	{ echo "FAIL: no script named in:"; cat "$tmp/nosp.out"; fail=1; }
cmp -s "$tmp/seq_strbuf.c" "$tmp/orig.c" ||
	{ echo "FAIL: source changed although spatch is missing"; fail=1; }
[ $fail -eq 0 ] && echo "PASS: --fix diff, apply, missing spatch"
exit $fail
