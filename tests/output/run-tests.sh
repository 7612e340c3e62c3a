#!/bin/sh
# run-tests.sh - the output tests (label "output"), one per invocation:
#   sh run-tests.sh TEST KC_OUT_SAMPLE KSIZECHECK
# Run in tests/output. Exit 0 pass, 1 fail, 77 skipped (reason printed).
# KC_UPDATE_GOLDEN=1 rewrites golden/ instead of comparing.
# The SARIF validator is the official one from npm
# (@microsoft/sarif-multitool): $KC_SARIF_MULTITOOL, sarif-multitool on
# PATH, or $KC_NPM_TOOLS (default ~/.cache/ksizecheck/npm-tools), where
# scripts/install-npm-tools.sh installs it when npm can reach its registry.
set -u
test_name=$1
S=$2
K=${3:-}
here=$(pwd)
KC_TMP_PREFIX=kc-output
. "$(dirname "$0")/../lib/expect.sh"

find_multitool() {
	for m in "${KC_SARIF_MULTITOOL:-}" \
		${KC_NPM_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/ksizecheck/npm-tools}/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool \
		"$(command -v sarif-multitool 2>/dev/null)"; do
		if [ -n "$m" ] && [ -x "$m" ]; then
			echo "$m"
			return 0
		fi
	done
	return 1
}

# validate FILE.sarif: the official validator with the SARIF rules and
# GitHub code scanning's ingestion rules (--rule-kind Gh;Sarif, the GHxxxx
# checks), no error or warning allowed
validate() {
	rm -f "$tmp/val.sarif"
	"$MT" validate --level "Error;Warning" --rule-kind "Gh;Sarif" \
		-o "$tmp/val.sarif" "$1" >"$tmp/val.log" 2>&1
	rc=$?
	if [ $rc != 0 ] || grep -Eq ': (error|warning) ' "$tmp/val.log" ||
	    ! grep -q '^Done' "$tmp/val.log"; then
		fail "SARIF validator rejects $1 (rc $rc)"
		grep -E ': (error|warning) |ERR' "$tmp/val.log" | head -20
	else
		echo "validated $1 ($(wc -c <"$1") bytes, $(grep -c '"ruleId"' "$1") results): no errors, no warnings"
	fi
}

# golden NAME FILE: compare FILE with golden/NAME
golden() {
	if [ "${KC_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$2" "golden/$1"
		echo "updated golden/$1"
	elif ! diff -u "golden/$1" "$2"; then
		fail "output differs from golden/$1 (KC_UPDATE_GOLDEN=1 to accept)"
	fi
}

# work on a copy of src/ so edits do not touch the tree
setup_copy() {
	mkdir -p "$tmp/w/src"
	cp src/sample_drv.c "$tmp/w/src/"
	cd "$tmp/w" || exit 1
}

case $test_name in
golden-json)
	expect_rc 1 "$S" --format json
	golden sample.json "$tmp/out"
	expect_grep "$tmp/err" "suppressions: 1 comment, 1 finding suppressed"
	;;
golden-sarif)
	expect_rc 1 "$S" --format sarif
	sed "s|\"file://$here/\"|\"file:///SRCROOT/\"|" "$tmp/out" >"$tmp/norm"
	golden sample.sarif "$tmp/norm"
	;;
sarif-validate)
	MT=$(find_multitool) || {
		echo "SKIP: the SARIF validator (npm @microsoft/sarif-multitool) is not installed; set KC_SARIF_MULTITOOL"
		exit 77
	}
	expect_rc 1 "$S" --format sarif
	cp "$tmp/out" "$tmp/plain.sarif"
	validate "$tmp/plain.sarif"
	# the GitHub rules are on: a notification descriptor without
	# fullDescription must be rejected (GH2012)
	sed 's/"fullDescription"/"fullDescriptionX"/' "$tmp/plain.sarif" \
		>"$tmp/nofull.sarif"
	"$MT" validate --level "Error;Warning" --rule-kind "Gh;Sarif" \
		-o "$tmp/nofull.val" "$tmp/nofull.sarif" >"$tmp/nofull.log" 2>&1
	expect_grep "$tmp/nofull.log" 'error GH2012' "validator log of a descriptor without fullDescription"
	expect_rc 1 "$S" --format sarif --suppressed
	cp "$tmp/out" "$tmp/suppressed.sarif"
	validate "$tmp/suppressed.sarif"
	expect_grep "$tmp/suppressed.sarif" '"inSource"'
	# the corpus, as ksizecheck -p checks it: 77 files of findings
	root=$(cd ../.. && pwd)
	mkdir -p "$tmp/corpus"
	bash "$root/scripts/corpus-compdb.sh" >"$tmp/corpus/compile_commands.json" ||
		fail "scripts/corpus-compdb.sh failed"
	expect_rc 1 "$K" -p "$tmp/corpus" --prefilter=off -j2 --format sarif \
		-o "$tmp/corpus.sarif"
	validate "$tmp/corpus.sarif"
	expect_grep "$tmp/corpus.sarif" '"fixes"' "corpus SARIF"
	# merged shards (JSON in, SARIF out), and --fix beside the SARIF
	expect_rc 1 "$K" -p "$tmp/corpus" --prefilter=off -j2 --shard 1/2 \
		--format json -o "$tmp/shard1.json"
	expect_rc 1 "$K" -p "$tmp/corpus" --prefilter=off -j2 --shard 2/2 \
		--format json -o "$tmp/shard2.json"
	expect_rc 1 "$K" merge -o "$tmp/merged.sarif" "$tmp/shard1.json" \
		"$tmp/shard2.json"
	validate "$tmp/merged.sarif"
	# --fix runs spatch: one corpus file with a fix and an exact SARIF fix
	mkdir -p "$tmp/fixdb"
	bash "$root/scripts/corpus-compdb.sh" "$root/corpus/arm64_dma_minalign_cfg.c" \
		>"$tmp/fixdb/compile_commands.json"
	expect_rc 1 "$K" -p "$tmp/fixdb" --prefilter=off --fix \
		--format sarif -o "$tmp/fix.sarif"
	expect_grep "$tmp/out" '^+++ ' "--fix diff"
	expect_grep "$tmp/fix.sarif" '"fixes"' "SARIF of a --fix run"
	validate "$tmp/fix.sarif"
	# notifications: a file that fails, one with errors, a bad suppression
	mkdir -p "$tmp/pe"
	printf '#include <linux/slab.h>\nint f(void) { char *p = kmalloc(10, GFP_KERNEL); p[12] = 1; return undeclared; }\n' >"$tmp/pe/errors.c"
	printf '#include "no/such/header.h"\nint g(void) { return 0; }\n' >"$tmp/pe/failed.c"
	printf '#include <linux/slab.h>\nint h(void) { char *p = kmalloc(10, GFP_KERNEL); /* ksizecheck: ignore slack-wrte */\np[12] = 1; return 0; }\n' >"$tmp/pe/badsup.c"
	expect_rc 1 "$K" --format sarif -o "$tmp/notes.sarif" "$tmp/pe/errors.c" \
		"$tmp/pe/failed.c" "$tmp/pe/badsup.c" -- \
		-I"$root/tests/include/kstub"
	for id in parse-errors parse-failed suppression; do
		expect_grep "$tmp/notes.sarif" "\"id\": \"$id\"" "SARIF with notifications"
	done
	validate "$tmp/notes.sarif"
	setup_copy
	expect_rc 1 "$S" --write-baseline base.json
	expect_rc 0 "$S" --format sarif --suppressed --baseline base.json
	cp "$tmp/out" "$tmp/baseline.sarif"
	validate "$tmp/baseline.sarif"
	expect_grep "$tmp/baseline.sarif" '"baselineState": "unchanged"'
	;;
baseline)
	setup_copy
	expect_rc 1 "$S" --write-baseline base.json
	expect_grep base.json '"fingerprint"'
	expect_grep base.json '"file": "src/sample_drv.c"'
	expect_no_grep base.json 'slack-read' "baseline (suppressed finding)"
	# unchanged source: everything is known
	expect_rc 0 "$S" --baseline base.json
	expect_no_grep "$tmp/out" 'warning\|error' "output with baseline"
	# add lines above the findings: moved, still suppressed
	awk 'NR == 9 { print "/* a new comment */"; print "static int sample_unrelated;"; print ""; print "#define SAMPLE_X 1" } { print }' \
		src/sample_drv.c >src/x.c && mv src/x.c src/sample_drv.c
	expect_rc 0 "$S" --baseline base.json
	expect_no_grep "$tmp/err" 'fixed:' "stderr after moving"
	expect_no_grep "$tmp/out" 'warning\|error' "output after moving"
	# re-indent the bug line: still the same finding
	sed 's/^\tsz = ksize(t);/\tsz =  ksize( t );/' src/sample_drv.c >src/x.c &&
		mv src/x.c src/sample_drv.c
	expect_rc 0 "$S" --baseline base.json
	# fix the slack write: its entry is reported fixed
	sed 's/r->buf = kmalloc(n, GFP_KERNEL);/r->buf = kmalloc(kmalloc_size_roundup(n), GFP_KERNEL);/' \
		src/sample_drv.c >src/x.c && mv src/x.c src/sample_drv.c
	expect_rc 0 "$S" --baseline base.json
	expect_grep "$tmp/err" 'fixed: .*\[slack-write\]'
	expect_rc 0 "$S" --format json --baseline base.json
	expect_grep "$tmp/out" '"baseline_fixed": 1'
	# change the ksize line: a new finding, and the old entry is fixed
	sed 's/^\tsz =  ksize( t );/\tsz = ksize(t) + 1;/' src/sample_drv.c >src/x.c &&
		mv src/x.c src/sample_drv.c
	expect_rc 1 "$S" --baseline base.json
	expect_grep "$tmp/out" 'ksize-non-kmalloc'
	expect_grep "$tmp/err" 'fixed: .*\[ksize-non-kmalloc\]'
	;;
suppress)
	setup_copy
	expect_rc 1 "$S"
	expect_no_grep "$tmp/out" 'slack-read' "text output"
	expect_grep "$tmp/err" 'src/sample_drv.c:41: ignore slack-read (1 finding): copy is NUL-terminated'
	expect_grep "$tmp/err" 'suppressed: src/sample_drv.c:42: .*\[slack-read\]'
	# no reason: still suppressed, but a warning
	sed 's|ignore slack-read: .* \*/|ignore slack-read */|' src/sample_drv.c >src/x.c &&
		mv src/x.c src/sample_drv.c
	expect_rc 1 "$S"
	expect_grep "$tmp/err" 'src/sample_drv.c:41: warning: suppression has no reason'
	expect_no_grep "$tmp/out" 'slack-read' "text output"
	# unknown rule: a warning, and the finding is reported
	sed 's|ignore slack-read \*/|ignore slack-raed: typo|' src/sample_drv.c >src/x.c &&
		mv src/x.c src/sample_drv.c
	expect_rc 1 "$S"
	expect_grep "$tmp/err" "src/sample_drv.c:41: warning: suppression names unknown rule 'slack-raed'"
	expect_grep "$tmp/out" '\[slack-read\]'
	# a line comment on the finding's own line, several rules
	sed 's|^\t/\* ksizecheck: ignore slack-raed: typo||; s|strnlen(copy, ksize(copy)));$|strnlen(copy, ksize(copy))); // ksizecheck: ignore slack-write,slack-read: bounded|' \
		src/sample_drv.c >src/x.c && mv src/x.c src/sample_drv.c
	expect_rc 1 "$S" --format json
	expect_grep "$tmp/out" '"reason": "bounded"'
	expect_grep "$tmp/out" '"suppressed_inline": 1'
	;;
exit-codes)
	expect_rc 1 "$S" --fail-on any
	expect_rc 1 "$S" --fail-on warning
	expect_rc 1 "$S" --fail-on error
	expect_rc 0 "$S" --fail-on none
	expect_rc 2 "$S" --fail-on sometimes
	expect_grep "$tmp/err" "unknown --fail-on value 'sometimes'"
	expect_rc 2 "$S" --format xml
	setup_copy
	expect_rc 1 "$S" --write-baseline base.json
	expect_rc 0 "$S" --baseline base.json --fail-on any
	# a changed allocation line makes the slack-write new; the error
	# stays known: fails on warning, not on error
	sed 's/r->buf = kmalloc(n, GFP_KERNEL);/r->buf = kmalloc(n, GFP_KERNEL); (void)0;/' \
		src/sample_drv.c >src/x.c && mv src/x.c src/sample_drv.c
	expect_rc 0 "$S" --baseline base.json --fail-on error
	expect_grep "$tmp/out" '\[slack-write\]'
	expect_no_grep "$tmp/out" 'ksize-non-kmalloc'
	expect_rc 1 "$S" --baseline base.json --fail-on warning
	expect_rc 1 "$S" --baseline base.json
	;;
malformed)
	# each malformed/*.json starts with no comment (JSON has none); the
	# expected message is in malformed/expect.txt: NAME<TAB>MESSAGE
	while IFS='	' read -r kind name msg; do
		case $kind in
		'#'*|'') continue ;;
		baseline) expect_rc 2 "$S" --baseline "malformed/$name" ;;
		config) expect_rc 2 "$S" --config "malformed/$name" ;;
		esac
		expect_grep "$tmp/err" "$msg" "$name"
	done <malformed/expect.txt
	expect_rc 2 "$S" --baseline malformed/does-not-exist.json
	expect_grep "$tmp/err" "cannot read 'malformed/does-not-exist.json'"
	# discovery from a subdirectory, relative paths, excludes
	mkdir -p "$tmp/proj/a/b" "$tmp/proj/drivers/staging/x"
	cat >"$tmp/proj/.ksizecheck.json" <<'JSON'
{
  "version": 1,
  "rules": {"disable": ["slack-read"]},
  "slab_config": "arm64-slub-6.1",
  "rules_files": ["local/allocators.tbl"],
  "exclude": ["drivers/staging/", "*_test.c"],
  "fail_on": "warning",
  "baseline": "ci/baseline.json"
}
JSON
	touch "$tmp/proj/drivers/staging/x/y.c" "$tmp/proj/a/b/z_test.c" \
		"$tmp/proj/a/b/z.c"
	(cd "$tmp/proj/a/b" && "$S" --config - ../../drivers/staging/x/y.c \
		z_test.c z.c) >"$tmp/out" 2>"$tmp/err" || fail "config discovery failed"
	expect_grep "$tmp/out" "config: .*/proj/.ksizecheck.json"
	expect_grep "$tmp/out" "rule slack-read: off"
	expect_grep "$tmp/out" "rule slack-write: on"
	expect_grep "$tmp/out" "slab_config: arm64-slub-6.1"
	expect_grep "$tmp/out" "rules_file: .*/proj/local/allocators.tbl"
	expect_grep "$tmp/out" "baseline: .*/proj/ci/baseline.json"
	expect_grep "$tmp/out" "fail_on: warning"
	expect_grep "$tmp/out" "y.c: excluded"
	expect_grep "$tmp/out" "z_test.c: excluded"
	expect_grep "$tmp/out" "z.c: checked"
	(cd / && "$S" --config - ) >"$tmp/out" 2>&1 || fail "no config found is an error"
	expect_grep "$tmp/out" "config: (none)"
	;;
merge)
	expect_rc 1 "$S" --format json
	cp "$tmp/out" "$tmp/s1.json"
	cp "$tmp/out" "$tmp/s2.json"
	setup_copy
	expect_rc 1 "$S" --write-baseline base.json
	sed 's/^\tsz = ksize(t);/\tsz = ksize(t) + 1;/' src/sample_drv.c >src/x.c &&
		mv src/x.c src/sample_drv.c
	expect_rc 1 "$S" --format json --baseline base.json
	cp "$tmp/out" "$tmp/s3.json"
	expect_rc 1 "$S" merge -o "$tmp/m.json" "$tmp/s1.json" "$tmp/s2.json" "$tmp/s3.json"
	expect_grep "$tmp/m.json" '"tu_total": 6'
	expect_grep "$tmp/m.json" '"findings": 2'
	expect_grep "$tmp/m.json" '"suppressed_inline": 1'
	expect_grep "$tmp/m.json" '"suppressed_baseline": 1'
	# the entry s3 saw fixed was found by s1 and s2: not fixed overall
	expect_grep "$tmp/m.json" '"baseline_fixed": 0'
	expect_rc 0 "$S" merge --fail-on none -o "$tmp/m.sarif" "$tmp/s1.json" "$tmp/s3.json"
	expect_grep "$tmp/m.sarif" '"version": "2.1.0"'
	if MT=$(find_multitool); then validate "$tmp/m.sarif"; fi
	# SARIF inputs: the same report as from JSON
	expect_rc 1 "$S" --format sarif --suppressed
	cp "$tmp/out" "$tmp/s1.sarif"
	expect_rc 1 "$S" --format json
	cp "$tmp/out" "$tmp/s1.json"
	expect_rc 1 "$S" merge -o "$tmp/from-json.json" "$tmp/s1.json"
	expect_rc 1 "$S" merge -o "$tmp/from-sarif.json" "$tmp/s1.sarif"
	diff -u "$tmp/from-json.json" "$tmp/from-sarif.json" ||
		fail "merging SARIF differs from merging JSON"
	expect_rc 2 "$S" merge "$here/golden/../malformed/baseline-array.json"
	expect_grep "$tmp/err" "not a ksizecheck JSON or SARIF document"
	echo '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "other"}}}]}' >"$tmp/o.sarif"
	expect_rc 2 "$S" merge "$tmp/o.sarif"
	expect_grep "$tmp/err" "o.sarif:1: not a SARIF log written by ksizecheck"
	expect_rc 2 "$S" merge "$here/malformed/baseline-syntax.json"
	expect_grep "$tmp/err" "baseline-syntax.json:5: invalid JSON"
	expect_rc 2 "$S" merge
	expect_grep "$tmp/err" "usage: ksizecheck merge"
	;;
changed)
	command -v git >/dev/null || { echo "SKIP: git is not installed"; exit 77; }
	r="$tmp/repo"
	mkdir -p "$r/include/linux" "$r/drv" "$r/kb"
	cd "$r" || exit 1
	git init -q . && git config user.email t@example.org &&
		git config user.name test || { fail "git init"; exit 1; }
	printf '#include "local.h"\nint a;\n' >drv/a.c
	printf '#define LOCAL 1\n#include "deep.h"\n' >drv/local.h
	printf '#define DEEP 1\n' >drv/deep.h
	printf '#include <linux/thing.h>\nint b;\n' >drv/b.c
	printf '#include <linux/other.h>\nint c;\n' >drv/c.c
	printf '#define THING 1\n' >include/linux/thing.h
	printf '#define OTHER 1\n' >include/linux/other.h
	printf 'int d;\n' >kb/d.c
	printf 'int e;\n' >kb/e.c
	# a Kbuild dependency file, as fixdep writes it
	printf 'savedcmd_kb/d.o := clang -c kb/d.c\n\nsource_kb/d.o := kb/d.c\n\ndeps_kb/d.o := \\\n  include/linux/other.h \\\n    $(wildcard include/config/X) \\\n  include/linux/thing.h \\\n\nkb/d.o: $(deps_kb/d.o)\n\n$(deps_kb/d.o):\n' >kb/.d.o.cmd
	git add drv include kb/d.c kb/e.c && git commit -q -m base || fail "commit"
	# nothing changed
	expect_rc 0 "$S" --changed-since HEAD drv/a.c drv/b.c drv/c.c kb/d.c kb/e.c
	expect_grep "$tmp/out" "drv/a.c: skip"
	expect_grep "$tmp/out" "kb/e.c: skip"
	# a header two levels down, and a <linux/...> header
	echo '#define DEEP 2' >drv/deep.h
	echo '#define THING 2' >include/linux/thing.h
	expect_rc 0 "$S" --changed-since HEAD drv/a.c drv/b.c drv/c.c kb/d.c kb/e.c
	expect_grep "$tmp/out" "drv/a.c: check"
	expect_grep "$tmp/out" "drv/b.c: check"
	expect_grep "$tmp/out" "drv/c.c: skip"
	expect_grep "$tmp/out" "kb/d.c: check"
	expect_grep "$tmp/out" "kb/e.c: skip"
	git commit -q -a -m headers
	# a touched source file; an untracked new file
	echo 'int e2;' >>kb/e.c
	printf 'int f;\n' >drv/f.c
	expect_rc 0 "$S" --changed-since HEAD drv/a.c kb/e.c drv/f.c
	expect_grep "$tmp/out" "drv/a.c: skip"
	expect_grep "$tmp/out" "kb/e.c: check"
	expect_grep "$tmp/out" "drv/f.c: check"
	# committed changes since an older revision count too
	expect_rc 0 "$S" --changed-since HEAD~1 drv/a.c drv/c.c
	expect_grep "$tmp/out" "drv/a.c: check"
	expect_grep "$tmp/out" "drv/c.c: skip"
	expect_rc 2 "$S" --changed-since no-such-rev drv/a.c
	expect_grep "$tmp/err" "'git diff --name-only' failed"
	;;
docs)
	ids=$(sed -n 's/^KC_RULE([A-Z_]*, "\([a-z-]*\)".*/\1/p' ../../src/rules/rule_list.h)
	[ -n "$ids" ] || fail "no rule ids in src/rules/rule_list.h"
	for id in $ids; do
		doc=../../docs/rules/$id.md
		if [ ! -f "$doc" ]; then
			fail "no $doc"
			continue
		fi
		for sec in "# $id" "## What it finds" "## Why it matters" \
			"## Bad" "## Good" "## How to fix" "## How to suppress" \
			"ksizecheck: ignore $id:"; do
			expect_grep "$doc" "$sec" "$doc"
		done
		expect_grep golden/sample.sarif "docs/rules/$id.md" "SARIF helpUri"
	done
	if command -v man >/dev/null; then
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l ../../docs/ksizecheck.1 \
			>"$tmp/man" 2>"$tmp/manerr" || fail "man ksizecheck.1 failed"
		[ -s "$tmp/manerr" ] && { fail "man warnings"; cat "$tmp/manerr"; }
		expect_grep "$tmp/man" "EXIT STATUS"
	fi
	for f in ci.md json-schema.md; do
		[ -f "../../docs/$f" ] || fail "no docs/$f"
	done
	;;
e2e)
	if [ -z "$K" ] || ! "$K" --version >/dev/null 2>&1; then
		echo "SKIP: ksizecheck does not run yet"
		exit 77
	fi
	corpus=$(ls ../../corpus/*.c 2>/dev/null | head -50)
	if [ -z "$corpus" ]; then
		echo "SKIP: no corpus/*.c"
		exit 77
	fi
	kstub="-I../include/kstub"
	"$K" -j2 --format json -o "$tmp/c.json" $corpus -- $kstub >"$tmp/o" 2>"$tmp/e"
	rc=$?
	if grep -q "not available in this build" "$tmp/e"; then
		echo "SKIP: ksizecheck does not write --format json yet (src/out not wired into main.c)"
		exit 77
	fi
	[ $rc = 2 ] && { fail "ksizecheck --format json exited 2"; head -20 "$tmp/e"; }
	expect_grep "$tmp/c.json" '"version": 1'
	expect_grep "$tmp/c.json" '"tu_total": '
	if ! grep -q '"rule"' "$tmp/c.json"; then
		echo "SKIP: ksizecheck reports no findings on the corpus yet"
		exit 77
	fi
	"$K" -j2 --format sarif -o "$tmp/c.sarif" $corpus -- $kstub >"$tmp/o" 2>"$tmp/e"
	[ $? = 2 ] && { fail "ksizecheck --format sarif exited 2"; head -20 "$tmp/e"; }
	# baseline round trip through the real binary
	"$K" -j2 --write-baseline "$tmp/b.json" --fail-on none $corpus -- $kstub >/dev/null 2>&1
	expect_rc 0 "$K" -j2 --baseline "$tmp/b.json" $corpus -- $kstub
	# config file (rule disabled), inline suppression and --fail-on on a
	# copy of one corpus file
	one=$(awk '/"rule": "slack-write"/ { s = 1 } s && /"file":/ { gsub(/.*"file": "|",?$/, ""); print; exit }' "$tmp/c.json")
	if [ -n "$one" ]; then
		mkdir -p "$tmp/cfg"
		cp "$one" "$tmp/cfg/x.c"
		(cd "$tmp/cfg" && "$K" --format json x.c -- -I"$here/../include/kstub") \
			>"$tmp/x.json" 2>"$tmp/x.err"
		expect_grep "$tmp/x.json" '"rule": "slack-write"'
		echo '{"rules": {"disable": ["slack-write"]}}' >"$tmp/cfg/.ksizecheck.json"
		(cd "$tmp/cfg" && "$K" --format json x.c -- -I"$here/../include/kstub") \
			>"$tmp/x.json" 2>"$tmp/x.err"
		expect_no_grep "$tmp/x.json" '"rule": "slack-write"' "json with slack-write disabled"
		echo '{"rules": {"disabel": ["slack-write"]}}' >"$tmp/cfg/.ksizecheck.json"
		(cd "$tmp/cfg" && "$K" x.c -- -I"$here/../include/kstub") >/dev/null 2>"$tmp/x.err"
		[ $? = 2 ] || fail "a malformed .ksizecheck.json does not exit 2"
		expect_grep "$tmp/x.err" ".ksizecheck.json:1: unknown key 'disabel' in 'rules'"
		rm "$tmp/cfg/.ksizecheck.json"
		(cd "$tmp/cfg" && "$K" --format json x.c -- -I"$here/../include/kstub") \
			>"$tmp/x.json" 2>"$tmp/x.err"
		line=$(awk '/"rule": "slack-write"/ { s = 1 } s && /"line":/ { gsub(/[^0-9]/, ""); print; exit }' "$tmp/x.json")
		sed "${line}s|\$| /* ksizecheck: ignore slack-write: e2e test */|" "$tmp/cfg/x.c" >"$tmp/cfg/y.c"
		(cd "$tmp/cfg" && "$K" --stats --format json y.c -- -I"$here/../include/kstub") \
			>"$tmp/y.json" 2>"$tmp/y.err"
		expect_grep "$tmp/y.json" '"reason": "e2e test"'
		expect_grep "$tmp/y.err" 'ignore slack-write (1 finding): e2e test'
		(cd "$tmp/cfg" && "$K" --fail-on none x.c -- -I"$here/../include/kstub") >/dev/null 2>&1
		[ $? = 0 ] || fail "--fail-on none with findings does not exit 0"
	fi
	MT=$(find_multitool) || {
		echo "SKIP: the SARIF validator is not installed"
		exit 77
	}
	validate "$tmp/c.sarif"
	n=$(grep -c '"ruleId"' "$tmp/c.sarif")
	echo "corpus: $n results in SARIF"
	;;
slab-preset)
	# which slab preset a run uses and why: the summary line, JSON
	# slab_preset, SARIF runs[0].properties.slabPreset (kept by merge),
	# and the warning for a kernel whose slab sources were not read
	root=$(cd ../.. && pwd)
	# fake_tree DIR VERSION PATCHLEVEL: a configured x86_64 SLUB "tree"
	# with one file of one slack write (drivers/foo/a.c)
	fake_tree() {
		mkdir -p "$1/arch" "$1/include/linux" "$1/include/config" \
			"$1/include/generated" "$1/drivers/foo"
		: >"$1/Kbuild"
		printf 'CONFIG_X86_64=y\nCONFIG_SLUB=y\n' >"$1/.config"
		: >"$1/include/config/auto.conf"
		: >"$1/include/generated/autoconf.h"
		: >"$1/include/generated/bounds.h"
		: >"$1/include/generated/asm-offsets.h"
		printf 'VERSION = %s\nPATCHLEVEL = %s\nSUBLEVEL = 0\n' "$2" "$3" >"$1/Makefile"
		cp "$root/tests/include/kstub/linux/"*.h "$1/include/linux/" 2>/dev/null
		printf '#include <linux/slab.h>\nint f(void)\n{\n\tchar *p = kmalloc(10, GFP_KERNEL);\n\n\tif (!p)\n\t\treturn -1;\n\tp[12] = 1;\n\tkfree(p);\n\treturn 0;\n}\n' >"$1/drivers/foo/a.c"
		echo "cmd_drivers/foo/a.o := clang -D__KERNEL__ -I$root/tests/include/kstub -c -o drivers/foo/a.o drivers/foo/a.c" >"$1/drivers/foo/.a.o.cmd"
	}
	fake_tree "$tmp/k73" 7 3
	expect_rc 1 "$K" kernel --tree "$tmp/k73" --prefilter=off \
		--format json -o "$tmp/k73.json" drivers/foo/
	expect_grep "$tmp/err" "warning: no slab preset for this configuration at kernel 7.3; using x86_64-slub-6.12 (x86_64 SLUB 6.12); kernel 7.3 is newer than every kernel whose slab sources were read (the newest is 7.1)"
	[ "$(grep -c 'warning: .*slab' "$tmp/err")" = 1 ] ||
		fail "the slab preset warning is not given exactly once"
	expect_grep "$tmp/err" "^ksizecheck: slab preset x86_64-slub-6.12 (x86_64 SLUB 6.12): the nearest in kernel version to 7.3"
	expect_grep "$tmp/k73.json" '"slab_preset": {'
	expect_grep "$tmp/k73.json" '"id": "x86_64-slub-6.12"'
	expect_grep "$tmp/k73.json" '"reason": "the nearest in kernel version to 7.3 .*newer than every kernel'
	expect_grep "$tmp/k73.json" '"rule": "slack-write"'
	expect_rc 1 "$K" merge -o "$tmp/k73.sarif" "$tmp/k73.json"
	expect_grep "$tmp/k73.sarif" '"slabPreset": {'
	expect_grep "$tmp/k73.sarif" '"reason": "the nearest in kernel version to 7.3'
	# and from SARIF inputs
	expect_rc 1 "$K" merge --format json -o "$tmp/k73b.json" "$tmp/k73.sarif"
	expect_grep "$tmp/k73b.json" '"reason": "the nearest in kernel version to 7.3'
	if MT=$(find_multitool); then
		validate "$tmp/k73.sarif"
	fi
	# a checked kernel: no warning, and the reason says it was read
	fake_tree "$tmp/k618" 6 18
	expect_rc 1 "$K" kernel --tree "$tmp/k618" --prefilter=off \
		--format sarif -o "$tmp/k618.sarif" drivers/foo/
	expect_no_grep "$tmp/err" 'warning: .*slab'
	expect_grep "$tmp/err" "slab preset x86_64-slub-6.12 (x86_64 SLUB 6.12): chosen for kernel 6.18 from .*/.config (CONFIG_X86_64=y CONFIG_SLUB=y); the slab sources of kernel 6.18 were read"
	expect_grep "$tmp/k618.sarif" '"slabPreset": {'
	# a kernel between two checked ones that are identical: a note only
	fake_tree "$tmp/k615" 6 15
	expect_rc 1 "$K" kernel --tree "$tmp/k615" --prefilter=off drivers/foo/
	expect_no_grep "$tmp/err" 'warning: .*slab'
	expect_grep "$tmp/err" "slab preset x86_64-slub-6.12 (x86_64 SLUB 6.12): chosen for kernel 6.15 from .*; the slab sources of kernel 6.15 were not read, but those of 6.14 and 6.17 were and are identical"
	# by name, and the default without a tree
	expect_rc 1 "$K" --slab-config x86_64-slub-6.1 --format json \
		"$tmp/k73/drivers/foo/a.c" -- -I"$root/tests/include/kstub"
	expect_grep "$tmp/out" '"reason": "named by --slab-config'
	expect_rc 1 "$K" --format json "$tmp/k73/drivers/foo/a.c" -- \
		-I"$root/tests/include/kstub"
	expect_grep "$tmp/out" '"reason": "the default, the newest x86_64 SLUB preset'
	;;
*)
	echo "unknown test '$test_name'"
	exit 1
	;;
esac
if [ $fails != 0 ]; then
	echo "$test_name: $fails failure(s)"
	exit 1
fi
echo "$test_name: ok"
exit 0
