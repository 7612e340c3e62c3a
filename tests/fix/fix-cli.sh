#!/bin/sh
# End-to-end test of `ksizecheck --fix` on a corpus file with slack-write
# findings whose allocation is in another function than the accesses:
#  1. --fix (diff) prints a kmalloc_size_roundup() diff and leaves the
#     file untouched;
#  2. --fix=apply rewrites it, and the rewritten file checks clean;
#  3. with spatch missing, --fix exits 2 naming the script, file untouched;
#  4. the diff names the file relative to the directory ksizecheck runs in
#     (a/sub/F, b/sub/F): `git apply --check` and `patch -p1 --dry-run`
#     take it there; a file outside that directory is named from / with a
#     note, and `patch -p1 -d /` takes it;
#  5. kernel mode: relative to the tree (--tree), wherever it runs.
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

# 4. a/ b/ headers relative to the current directory
mkdir -p "$tmp/root/sub" "$tmp/elsewhere"
cp "$tmp/orig.c" "$tmp/root/sub/seq_strbuf.c"
(cd "$tmp/root" && "$ksc" -q --fix sub/seq_strbuf.c -- $inc) >"$tmp/rel.diff" 2>&1
grep -q '^--- a/sub/seq_strbuf.c$' "$tmp/rel.diff" &&
	grep -q '^+++ b/sub/seq_strbuf.c$' "$tmp/rel.diff" ||
	{ echo "FAIL: no a/sub/seq_strbuf.c, b/sub/seq_strbuf.c headers:"; cat "$tmp/rel.diff"; fail=1; }
(cd "$tmp/root" && git apply --check "$tmp/rel.diff") ||
	{ echo "FAIL: git apply --check rejects the diff"; fail=1; }
(cd "$tmp/root" && patch -p1 --dry-run <"$tmp/rel.diff" >/dev/null) ||
	{ echo "FAIL: patch -p1 --dry-run rejects the diff"; fail=1; }
# the same file given by its absolute path from outside: named from /
(cd "$tmp/elsewhere" && "$ksc" -q --fix "$tmp/root/sub/seq_strbuf.c" -- $inc) >"$tmp/abs.diff" 2>&1
grep -q "note: outside the current directory, so its diff names it from / (apply with 'patch -p1 -d /')" "$tmp/abs.diff" ||
	{ echo "FAIL: no note for a file outside the current directory:"; cat "$tmp/abs.diff"; fail=1; }
grep -q "^--- a${tmp}/root/sub/seq_strbuf.c\$" "$tmp/abs.diff" ||
	{ echo "FAIL: outside file not named from /:"; cat "$tmp/abs.diff"; fail=1; }
patch -p1 -d / --dry-run <"$tmp/abs.diff" >/dev/null ||
	{ echo "FAIL: patch -p1 -d / rejects the diff of an outside file"; fail=1; }

# 5. kernel mode on a fake configured tree, run from elsewhere
kt=$tmp/kt
mkdir -p "$kt/arch" "$kt/include/linux" "$kt/include/config" \
	"$kt/include/generated" "$kt/drivers/foo"
: >"$kt/Kbuild"; : >"$kt/.config"; : >"$kt/include/config/auto.conf"
for h in autoconf bounds asm-offsets; do : >"$kt/include/generated/$h.h"; done
cp "$tmp/orig.c" "$kt/drivers/foo/seq_strbuf.c"
printf 'VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\n.PHONY: drivers/foo/\ndrivers/foo/:\n\tclang -D__KERNEL__ %s -c -o drivers/foo/seq_strbuf.o drivers/foo/seq_strbuf.c\n' \
	"-I$src/tests/include/kstub" >"$kt/Makefile"
(cd "$tmp/elsewhere" && "$ksc" kernel -q --tree "$kt" --fix drivers/foo/) >"$tmp/k.diff" 2>&1
grep -q '^--- a/drivers/foo/seq_strbuf.c$' "$tmp/k.diff" ||
	{ echo "FAIL: kernel mode diff not relative to the tree:"; cat "$tmp/k.diff"; fail=1; }
(cd "$kt" && git apply --check "$tmp/k.diff" && patch -p1 --dry-run <"$tmp/k.diff" >/dev/null) ||
	{ echo "FAIL: the kernel mode diff does not apply from the tree root"; fail=1; }
[ $fail -eq 0 ] && echo "PASS: --fix diff, apply, missing spatch, git apply/patch -p1 from the root"
exit $fail
