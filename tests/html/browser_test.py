#!/usr/bin/env python3
"""The HTML report in a real headless browser (Debian's chromium).

usage: browser_test.py KSIZECHECK SRCDIR OUTDIR

Renders the corpus (--format=html) next to its --format=json output, loads
index.html and finding pages in chromium (--dump-dom after the scripts
ran), and checks: no console errors; the counts on the page equal the
JSON's; the URL filters hide the rows they should; the numbers labelled
in each object picture equal the finding's slab numbers; the steps and
highlighted lines are the finding's; tidy and html5lib accept every page.
Writes screenshots of the index, a slack finding and an overflow finding
to OUTDIR/screenshots (CI artifacts). Exit 0 pass, 1 fail, 77 skip.
"""
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import html5lib
except ImportError:
    print("SKIP: python3-html5lib is not installed (scripts/install-browser.sh installs it)")
    sys.exit(77)

KC, SRC, OUT = sys.argv[1:4]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("SKIP: chromium is not installed (scripts/install-browser.sh installs Debian's)")
    sys.exit(77)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def chromium(url, *extra):
    """Runs chromium on url; returns (stdout, console error lines)."""
    with tempfile.TemporaryDirectory() as prof:
        p = subprocess.run([CHROMIUM] + FLAGS + ["--user-data-dir=" + prof] +
                           list(extra) + [url], capture_output=True,
                           text=True, timeout=120)
    console = [l for l in p.stderr.splitlines()
               if "CONSOLE" in l or "Uncaught" in l]
    return p.stdout, console


def load(url):
    """The DOM after the scripts ran, parsed; console errors fail."""
    out, console = chromium(url, "--virtual-time-budget=3000", "--dump-dom")
    for l in console:
        fail("console message on %s: %s" % (url, l))
    if "<html" not in out:
        fail("no DOM from chromium for " + url)
    return html5lib.parse(out, namespaceHTMLElements=False)


def text(e):
    return "".join(e.itertext()) if e is not None else ""


def rows(dom, table_id):
    t = dom.find(".//table[@id='%s']" % table_id)
    return t.findall("./tbody/tr") if t is not None else []


def url(path, query=""):
    return "file://" + os.path.abspath(path) + query


# ---- the run: JSON and HTML of the same corpus run ----
db = os.path.join(OUT, "corpus-db")
os.makedirs(db, exist_ok=True)
with open(os.path.join(db, "compile_commands.json"), "w") as f:
    subprocess.run(["bash", os.path.join(SRC, "scripts/corpus-compdb.sh")],
                   stdout=f, check=True)
report = os.path.join(OUT, "report")
shutil.rmtree(report, ignore_errors=True)
base = [KC, "-q", "-p", db, "--prefilter=off"]
jpath = os.path.join(OUT, "corpus.json")
subprocess.run(base + ["--format=json", "-o", jpath])
r = subprocess.run(base + ["--format=html", "-o", report])
if r.returncode not in (0, 1):
    print("FAIL: --format=html exited %d" % r.returncode)
    sys.exit(1)
doc = json.load(open(jpath))
findings = doc["findings"]
pages = sorted(glob.glob(os.path.join(report, "f", "*.html")))
if len(pages) != len(findings) or not findings:
    fail("%d finding pages for %d findings" % (len(pages), len(findings)))

# ---- the console check can fail: a page with an error is caught ----
bad = os.path.join(OUT, "console-selftest.html")
with open(bad, "w") as f:
    f.write("<!DOCTYPE html><title>t</title><script>undefinedFunction();</script>")
_, console = chromium(url(bad), "--virtual-time-budget=1000", "--dump-dom")
if not console:
    fail("the console check does not see a script error (self-test)")

t0 = time.time()
# ---- index: counts equal the JSON ----
dom = load(url(os.path.join(report, "index.html")))
root = dom if dom.tag == "html" else dom.find(".//html")
if root is None or root.get("data-js") != "ok":
    fail("report.js did not run to the end on index.html")
acc = doc["accounting"]
for key in ("tu_total", "tu_parsed", "tu_parsed_with_errors", "tu_failed",
            "findings", "tu_prefiltered"):
    cell = dom.find(".//td[@id='acc-%s']" % key)
    want = acc.get(key, 0)
    if cell is None or cell.get("data-count") != str(want) or text(cell) != str(want):
        fail("accounting %s: page says %r, JSON %d" % (key, text(cell), want))
for table, keyf in (("by-rule", lambda f: f["rule"]),
                    ("by-file", lambda f: f["file"]),
                    ("by-dir", lambda f: os.path.dirname(f["file"]))):
    want = collections.Counter(keyf(f) for f in findings)
    got = {tr.get("data-key"): int(tr.findall("td")[1].get("data-count"))
           for tr in rows(dom, table)}
    if got != dict(want):
        fail("%s counts differ from the JSON: %s vs %s" % (table, got, dict(want)))
trs = rows(dom, "findings")
if [(tr.get("data-rule"), tr.get("data-file"), int(tr.get("data-line")))
        for tr in trs] != [(f["rule"], f["file"], f["line"]) for f in findings]:
    fail("the findings table is not the JSON's findings in order")
if any(tr.get("hidden") is not None for tr in trs):
    fail("rows hidden with no filter")
if text(dom.find(".//span[@id='shown']")) != str(len(findings)):
    fail("shown count is not %d" % len(findings))
form = dom.find(".//form[@id='filters']")
if form is None or form.get("hidden") is not None:
    fail("the filter form is not shown with JavaScript on")

# ---- filters hide the rows they should ----
def check_filter(query, pred, what):
    d = load(url(os.path.join(report, "index.html"), query))
    trs = rows(d, "findings")
    shown = [i for i, tr in enumerate(trs) if tr.get("hidden") is None]
    want = [i for i, f in enumerate(findings) if pred(f)]
    if shown != want or not want or len(want) == len(findings):
        fail("filter %s shows rows %s, expected %s" % (query, shown, want))
    if text(d.find(".//span[@id='shown']")) != str(len(want)):
        fail("filter %s: shown count is not %d" % (query, len(want)))
    print("ok: filter %s shows %d of %d (%s)" % (query, len(want), len(findings), what))


check_filter("?rule=overflow-write", lambda f: f["rule"] == "overflow-write", "rule")
check_filter("?sev=error", lambda f: f["severity"] == "error", "severity")
check_filter("?path=hid_", lambda f: "hid_" in f["file"].lower(), "path")
check_filter("?q=copy_from_user",
             lambda f: "copy_from_user" in (f["message"] + f.get("function", "") +
                                           f["rule"] + f["file"]).lower()
             or "copy_from_user" in f["message"], "search")

# ---- sorting (the same code as a click on a column heading) ----
d = load(url(os.path.join(report, "index.html"), "?sort=-rule"))
got = [(tr.get("data-rule"), int(tr.get("data-idx"))) for tr in rows(d, "findings")]
want = sorted(((f["rule"], i + 1) for i, f in enumerate(findings)),
              key=lambda x: (x[0], -x[1]), reverse=True)
if got != want:
    fail("?sort=-rule: rows not in descending rule order (then index)")
th = d.find(".//th[@data-key='rule']")
if th is None or th.get("aria-sort") != "descending":
    fail("?sort=-rule: the rule heading does not say aria-sort=descending")
print("ok: sorting by rule, descending")

# ---- JavaScript off: every finding readable, the filter form hidden ----
# (chromium's --dump-dom and --screenshot need scripts: the served HTML
# is checked)
d = html5lib.parse(open(os.path.join(report, "index.html"), "rb").read(),
                   namespaceHTMLElements=False)
trs = rows(d, "findings")
form = d.find(".//form[@id='filters']")
if len(trs) != len(findings) or any(tr.get("hidden") is not None for tr in trs) \
        or form is None or form.get("hidden") is None:
    fail("without JavaScript the index does not show all %d findings" % len(findings))
else:
    print("ok: without JavaScript all %d findings are listed, the filter form is hidden"
          % len(findings))

# ---- finding pages: steps, highlighted lines, the picture's numbers ----
def svg_numbers(page, f):
    s = f.get("slab")
    labels = {t.get("data-k"): (int(t.get("data-v")), text(t))
              for t in page.iter() if isinstance(t.tag, str)
              and t.tag.endswith("text") and t.get("data-k")}
    if not s:
        if labels:
            fail("%s: a picture without slab numbers" % f["file"])
        return None
    if "schematic" in labels:
        return "schematic"
    req, bucket = s["req_hi"], s["bucket_hi"]
    end = s["access_off_hi"] + s["access_len_hi"]
    want = {"requested": req, "bucket": bucket, "slack": bucket - min(req, bucket),
            "access-end": end}
    if end > bucket:
        want["overflow"] = end - max(s["access_off_lo"], bucket)
    elif end > req:
        want["in-slack"] = min(end, bucket) - max(s["access_off_lo"], req)
    for k, v in want.items():
        if k not in labels or labels[k][0] != v or not re.search(r"\b%d\b" % v, labels[k][1]):
            fail("%s:%d: SVG label %s is %r, the finding says %d"
                 % (f["file"], f["line"], k, labels.get(k), v))
    if ("overflow" in labels) != (end > bucket) or \
            ("overflow" in labels and "OVERFLOW" not in labels["overflow"][1]):
        fail("%s:%d: overflow label wrong" % (f["file"], f["line"]))
    return "overflow" if end > bucket else "slack"


kinds = {}
for i, (f, path) in enumerate(zip(findings, [os.path.join(report, "f", "%d.html" % (k + 1))
                                            for k in range(len(findings))])):
    page = html5lib.parse(open(path, "rb").read(), namespaceHTMLElements=False)
    steps = page.findall(".//ol[@class='steps']/li")
    if len(steps) != len(f["notes"]) + 1:
        fail("%s: %d steps for %d notes" % (path, len(steps), len(f["notes"])))
    hl = {tr.get("id") for tr in page.iter("tr") if "hl" in (tr.get("class") or "").split()}
    if "s0-L%d" % f["line"] not in hl:
        fail("%s: line %d is not highlighted" % (path, f["line"]))
    if text(page.find(".//p[@id='message']")) != f["message"]:
        fail("%s: message differs from the JSON" % path)
    k = svg_numbers(page, f)
    if k:
        kinds.setdefault(k, i + 1)
print("ok: %d finding pages checked (pictures: %s)" % (len(findings), kinds))

# ---- a few finding pages in the browser, and the screenshots ----
shots = os.path.join(OUT, "screenshots")
os.makedirs(shots, exist_ok=True)
for k in ("slack", "overflow"):
    if k not in kinds:
        fail("no %s finding drawn to scale in the corpus" % k)
        continue
    page = os.path.join(report, "f", "%d.html" % kinds[k])
    load(url(page))
    chromium(url(page), "--window-size=1100,1500",
             "--screenshot=" + os.path.join(shots, "finding-%s.png" % k))
chromium(url(os.path.join(report, "index.html")), "--window-size=1280,1400",
         "--screenshot=" + os.path.join(shots, "index.png"))
for png in ("index.png", "finding-slack.png", "finding-overflow.png"):
    p = os.path.join(shots, png)
    if not os.path.exists(p) or os.path.getsize(p) < 10000:
        fail("screenshot %s missing or empty" % p)
print("ok: browser checks took %.1f s; screenshots in %s" % (time.time() - t0, shots))

# ---- validators: tidy (errors and warnings) and html5lib (strict) ----
all_pages = [os.path.join(report, "index.html")] + pages
tidy = shutil.which("tidy")
for p in all_pages:
    try:
        html5lib.HTMLParser(strict=True).parse(open(p, "rb").read())
    except Exception as e:  # html5lib raises ParseError
        fail("html5lib: %s: %s" % (p, e))
    if tidy:
        r = subprocess.run([tidy, "-q", "-e", p], capture_output=True, text=True)
        if r.returncode != 0:
            fail("tidy: %s: %s" % (p, r.stderr.strip()[:300]))
print("ok: %d pages validated (html5lib strict%s)" % (len(all_pages), ", tidy" if tidy else ""))

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("PASS")
