#!/usr/bin/env python3
# templates.py - writes cocci/ksize_slack.cocci and cocci/ksize_nonkmalloc.cocci
# from the allocator table (rules/allocators.tbl, sinks from sinks.tbl).
# Run through scripts/gen-cocci.sh, not directly. The rule templates are in
# slack_inplace.py, slack_fresh.py, slack.py and nonkmalloc.py; the table
# reader in common.py.
#
# argv: ROOT OUTDIR CHECK(0|1) [TABLE]
import os
import re
import sys

from common import GEN, load_table, shapes
from nonkmalloc import gen_nonkmalloc
from slack import gen_slack

KS_RULE = """
// every rule depends on this one, so that spatch skips files without
// ksize() before parsing them

@ks@
expression E;
@@

ksize(E)
"""


def add_ks_dependency(text):
    """Makes every rule and script (not initialize) depend on rule ks."""
    out = []
    for line in text.split("\n"):
        m = re.match(r"^@([^@]*)@$", line)
        if m and m.group(1) and not m.group(1).startswith("initialize") and \
           m.group(1) != "ks":
            body = m.group(1)
            tail = ""
            for q in (" exists", " forall"):
                if body.endswith(q):
                    body, tail = body[:-len(q)], q
            if " depends on " in body:
                head, cond = body.split(" depends on ", 1)
                body = "%s depends on ks && (%s)" % (head, cond)
            elif body.startswith("depends on "):
                body = "depends on ks && (%s)" % body[len("depends on "):]
            else:
                body = (body + " depends on ks").lstrip()
            line = "@%s%s@" % (body, tail)
        out.append(line)
    return "\n".join(out)


def with_ks(text):
    """Inserts rule ks after the virtual declarations."""
    i = text.index("virtual report\n") + len("virtual report\n")
    return text[:i] + KS_RULE + add_ks_dependency(text[i:])


def main():
    root, outdir, check = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    table = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else ""
    recs = []
    name = ""
    cands = [table] if table else [os.path.join(root, "rules",
                                                "allocators.tbl")]
    for c in cands:
        if os.path.exists(c):
            recs = load_table(c)
            name = os.path.relpath(c, root)
            if recs:
                sinks = os.path.join(os.path.dirname(c), "sinks.tbl")
                if os.path.exists(sinks):
                    recs += load_table(sinks)
    if not shapes(recs)["s0"]:
        fb = os.path.join(root, "cocci", "gen", "allocators.list")
        recs = load_table(fb)
        name = "cocci/gen/allocators.list"
    files = {
        "ksize_slack.cocci": with_ks(gen_slack(recs, name)),
        "ksize_nonkmalloc.cocci": with_ks(gen_nonkmalloc(recs, name)),
    }
    stale = []
    for fn, text in sorted(files.items()):
        path = os.path.join(outdir, fn)
        old = open(path).read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale.append(fn)
            continue
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.rename(tmp, path)
        print("gen-cocci: wrote %s (from %s)" % (path, name))
    if stale:
        print("gen-cocci: out of date: %s; run %s" % (" ".join(stale), GEN),
              file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

