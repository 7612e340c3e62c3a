#!/bin/sh
# run-tests.sh - the HTML report tests (label "html"), one per invocation:
#   sh run-tests.sh TEST KSIZECHECK SRCDIR OUTDIR
# Exit 0 pass, 1 fail, 77 skipped (reason printed). OUTDIR keeps what CI
# should keep (the browser test's report and screenshots).
set -u
test_name=$1
K=$2
SRC=$3
OUT=$4
KC_TMP_PREFIX=kc-html
. "$(dirname "$0")/../lib/expect.sh"

# A python3 with html5lib (Debian's python3-html5lib), or nothing.
python_html5lib() {
	for py in python3 /usr/bin/python3; do
		if command -v "$py" >/dev/null 2>&1 &&
		   "$py" -c 'import html5lib' 2>/dev/null; then
			echo "$py"
			return
		fi
	done
}

case $test_name in
browser)
	py=$(python_html5lib)
	if [ -z "$py" ]; then
		echo "SKIP: no python3 with html5lib (scripts/install-browser.sh installs python3-html5lib)"
		exit 77
	fi
	mkdir -p "$OUT"
	exec "$py" "$SRC/tests/html/browser_test.py" "$K" "$SRC" "$OUT"
	;;
escape)
	# a path, source text, function, message and notes full of markup
	d="$tmp/src/<dir&\"'>"
	mkdir -p "$d"
	printf 'int f(void)\n{\n\tchar *p = "<b>&amp;</b>";\n\tif (a < b && c > d)\n\t\treturn 1;\n\treturn 0;\n}\n' >"$d/x<&'\">.c"
	cat >"$tmp/evil.json" <<JSON
{"version": 1, "tool": {"name": "ksizecheck", "version": "0.1.0"},
 "command_line": "ksizecheck <script>alert(1)</script>",
 "findings": [
  {"rule": "slack-write", "severity": "warning",
   "file": "src/<dir&\"'>/x<&'\">.c", "line": 4, "col": 2,
   "function": "f<'\">",
   "message": "<script>alert(\"x&y\")</script> & 'q' <img src=x onerror=alert(2)>",
   "notes": [{"kind": "allocation\"><script>alert(3)</script>",
	      "file": "src/<dir&\"'>/x<&'\">.c", "line": 3, "col": 8,
	      "message": "allocated <i>here</i> & \"there\""}],
   "slab": {"allocator": "k<m>alloc", "requested": "n < m && \"x\"",
	    "req_lo": 10, "req_hi": 10, "bucket_lo": 16, "bucket_hi": 16,
	    "access_off_lo": 0, "access_off_hi": 0, "access_len_lo": 20,
	    "access_len_hi": 20, "config": "<b>cfg</b>"}}],
 "suppressed": [], "notifications": [
  {"file": "<n>.c", "level": "error", "message": "parse failed: <x>"}],
 "accounting": {"tu_total": 1, "tu_parsed": 1}}
JSON
	expect_rc 0 "$K" report --source-root "$tmp" -o "$tmp/r" "$tmp/evil.json"
	for p in "$tmp/r/index.html" "$tmp/r/f/1.html"; do
		expect_no_grep "$p" '<script>alert' "$(basename "$p")"
		expect_no_grep "$p" '<img' "$(basename "$p")"
		expect_no_grep "$p" '<i>here' "$(basename "$p")"
		expect_grep "$p" '&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; &amp; &#39;q&#39;' "$(basename "$p")"
	done
	expect_grep "$tmp/r/index.html" 'data-file="src/&lt;dir&amp;&quot;&#39;&gt;/x&lt;&amp;&#39;&quot;&gt;.c"' "index.html data-file"
	expect_grep "$tmp/r/index.html" 'parse failed: &lt;x&gt;' "index.html notification"
	# the source was found below --source-root, and its text escaped
	expect_grep "$tmp/r/f/1.html" 'char \*p = &quot;&lt;b&gt;&amp;amp;&lt;/b&gt;&quot;;' "f/1.html source"
	expect_grep "$tmp/r/f/1.html" 'if (a &lt; b &amp;&amp; c &gt; d)' "f/1.html source"
	expect_grep "$tmp/r/f/1.html" 'requested: 10 bytes = n &lt; m &amp;&amp; &quot;x&quot;' "f/1.html picture"
	py=$(python_html5lib)
	if [ -n "$py" ]; then
		"$py" - "$tmp/r/index.html" "$tmp/r/f/1.html" <<'PY' || fail "html5lib rejects a page"
import sys, html5lib
for p in sys.argv[1:]:
    html5lib.HTMLParser(strict=True).parse(open(p, "rb").read())
PY
	else
		echo "note: no html5lib; pages not validated"
	fi
	;;
report)
	cd "$SRC" || exit 1
	mkdir -p "$tmp/db"
	bash scripts/corpus-compdb.sh corpus/board_info_strings.c \
		corpus/hid_desc_checksum.c corpus/clk_name_const.c \
		corpus/seq_strbuf.c >"$tmp/db/compile_commands.json"
	expect_rc 1 "$K" -q -p "$tmp/db" --format=json -o "$tmp/run.json"
	expect_rc 1 "$K" -q -p "$tmp/db" --format=sarif -o "$tmp/run.sarif"
	expect_rc 1 "$K" -q -p "$tmp/db" --format=html -o "$tmp/run-html"
	expect_rc 0 "$K" report -o "$tmp/from-json" "$tmp/run.json"
	expect_rc 0 "$K" report -o "$tmp/from-sarif" "$tmp/run.sarif"
	n=$(grep -c '"rule":' "$tmp/run.json")
	for r in run-html from-json from-sarif; do
		got=$(grep -c '^<tr data-idx=' "$tmp/$r/index.html")
		[ "$got" = "$n" ] || fail "$r: $got rows for $n findings"
		[ -f "$tmp/$r/f/$n.html" ] || fail "$r: no page f/$n.html"
		[ -f "$tmp/$r/style.css" ] && [ -f "$tmp/$r/report.js" ] ||
			fail "$r: assets missing"
		# nothing is fetched from the network at view time
		expect_no_grep "$tmp/$r/index.html" 'src="http' "$r/index.html"
		expect_no_grep "$tmp/$r/f/1.html" 'src="http' "$r/f/1.html"
	done
	# the same run gives the same pages, whichever way it was saved
	cmp -s "$tmp/from-json/f/1.html" "$tmp/run-html/f/1.html" ||
		fail "report of the JSON differs from --format=html"
	# (SARIF paths are relative to the directory of the run)
	sed "s|$SRC/||g" "$tmp/from-json/f/$n.html" >"$tmp/json-page"
	cmp -s "$tmp/from-sarif/f/$n.html" "$tmp/json-page" ||
		fail "report of the SARIF differs from the report of the JSON"
	# --fix=diff: the patches go into the pages, not to stdout
	if command -v spatch >/dev/null 2>&1; then
		expect_rc 1 "$K" -q -p "$tmp/db" --format=html --fix=diff -o "$tmp/fix"
		[ -s "$tmp/out" ] && fail "--format=html --fix=diff printed the diff"
		grep -l '<pre class="diff">' "$tmp/fix/f/"*.html >/dev/null ||
			fail "no finding page shows the --fix=diff patch"
		expect_grep "$tmp/fix/index.html" 'findings shown' "fix/index.html"
	else
		echo "note: no spatch; --format=html --fix=diff not tested"
	fi
	# the prefilter's accounting reaches the JSON and the page
	printf 'int add(int a, int b)\n{\n\treturn a + b;\n}\n' >"$tmp/plain.c"
	bash scripts/corpus-compdb.sh "$tmp/plain.c" corpus/seq_strbuf.c >"$tmp/db/compile_commands.json"
	expect_rc 1 "$K" -q -p "$tmp/db" --prefilter=on --format=json -o "$tmp/pf.json"
	expect_grep "$tmp/pf.json" '"tu_prefiltered": 1' "pf.json"
	expect_rc 0 "$K" report -o "$tmp/pf" "$tmp/pf.json"
	expect_grep "$tmp/pf/index.html" 'id="acc-tu_prefiltered" data-count="1">1<' "pf/index.html"
	# relative paths: read below --source-root, or said to be absent
	sed "s|\"$SRC/|\"|g" "$tmp/run.json" >"$tmp/rel.json"
	expect_rc 0 "$K" report -o "$tmp/rel-root" --source-root "$SRC" "$tmp/rel.json"
	expect_grep "$tmp/rel-root/f/1.html" 'class="hl hl-' "report --source-root"
	(cd "$tmp" && "$K" report -o rel-none rel.json) || fail "report without the sources failed"
	expect_grep "$tmp/rel-none/f/1.html" 'Source not available' "report without sources"
	# errors: exit 2, what and where
	expect_rc 2 "$K" report -o "$tmp/x" "$tmp/missing.json"
	expect_grep "$tmp/err" "cannot read '$tmp/missing.json'"
	printf '{"version": 1,\n "findings": [\n' >"$tmp/trunc.json"
	expect_rc 2 "$K" report -o "$tmp/x" "$tmp/trunc.json"
	expect_grep "$tmp/err" "trunc.json:3"
	printf '{"version": 1,\n "findings": [\n  {"rule": "slack-write", "line": "x"}]}\n' >"$tmp/badf.json"
	expect_rc 2 "$K" report -o "$tmp/x" "$tmp/badf.json"
	expect_grep "$tmp/err" "badf.json:3: finding 1:"
	echo '{"runs": []}' >"$tmp/other.sarif"
	expect_rc 2 "$K" report -o "$tmp/x" "$tmp/other.sarif"
	expect_grep "$tmp/err" "not a SARIF log written by ksizecheck"
	expect_rc 2 "$K" report "$tmp/run.json"
	expect_grep "$tmp/err" "needs -o DIR"
	expect_rc 2 "$K" report -o "$tmp/x"
	expect_grep "$tmp/err" "no results file"
	expect_rc 2 "$K" -p "$tmp/db" --format=html
	expect_grep "$tmp/err" "needs -o DIR"
	: >"$tmp/afile"
	expect_rc 2 "$K" report -o "$tmp/afile" "$tmp/run.json"
	expect_grep "$tmp/err" "cannot create directory"
	;;
*)
	echo "unknown test '$test_name'"
	exit 2
	;;
esac
[ "$fails" = 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "PASS"
