#!/usr/bin/env python3
"""eval-precision.py - precision of a whole-tree run against hand verdicts.

    scripts/eval-precision.py RUN.json VERDICTS.tsv

RUN.json is `ksizecheck --format json` output. VERDICTS.tsv has one row per
hand-checked finding: file, line, rule, verdict (true, false or debatable)
and the reason, tab-separated; '#' starts a comment. A row with line '*'
covers every finding of that file and rule (self-test files).

Prints the findings per verdict, precision counting debatable findings as
false (strict) and as true, and every finding without a verdict. Exit 0
when every finding has one, 1 otherwise.
"""
import json
import sys


def load_verdicts(path):
    rows = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 5 or f[3] not in ("true", "false", "debatable"):
            sys.exit(f"{path}:{n}: expected file, line, rule, "
                     "true|false|debatable, reason (tab-separated)")
        rows[(f[0], f[1], f[2])] = (f[3], f[4])
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    run = json.load(open(sys.argv[1], encoding="utf-8"))
    verdicts = load_verdicts(sys.argv[2])
    count = {"true": 0, "false": 0, "debatable": 0}
    missing = []
    for x in run["findings"]:
        key = (x["file"], str(x["line"]), x["rule"])
        v = verdicts.get(key) or verdicts.get((x["file"], "*", x["rule"]))
        if not v:
            missing.append(f'{x["file"]}:{x["line"]}: {x["rule"]}: '
                           f'{x["message"][:100]}')
            continue
        count[v[0]] += 1
    total = sum(count.values()) + len(missing)
    print(f"findings {total}: true {count['true']}, false "
          f"{count['false']}, debatable {count['debatable']}, "
          f"unverified {len(missing)}")
    judged = total - len(missing)
    if judged:
        print(f"precision (debatable as false) "
              f"{count['true']}/{judged} = "
              f"{100.0 * count['true'] / judged:.1f} %")
        print(f"precision (debatable as true) "
              f"{count['true'] + count['debatable']}/{judged} = "
              f"{100.0 * (count['true'] + count['debatable']) / judged:.1f} %")
    for m in missing:
        print("unverified:", m)
    return 0 if not missing else 1


if __name__ == "__main__":
    sys.exit(main())
