# nonkmalloc.py - writes ksize_nonkmalloc.cocci (report, context and org
# only: ksize() on memory that is not, or not always, a kmalloc object).
from common import FAMILY_TEXT, GEN, HEADER, MAYBE, NEVER, idset

NK_RULES = """
// ---- {fam}: {names}

@nk_{fam} depends on context || org || report@
expression P, E;
identifier alloc = {ids};
position pa : script:python() {{ not kc_is_small(pa) }};
position pk;
type T;
@@

(
  P = alloc@pa(...);
|
  P = (T)alloc@pa(...);
)
  ... when != P = E
      when exists
  ksize@pk(P)

@nk_{fam}_d depends on context || org || report@
identifier P;
expression E;
identifier alloc = {ids};
position pa : script:python() {{ not kc_is_small(pa) }};
position pk;
type T, T2;
@@

(
  T P = alloc@pa(...);
|
  T P = (T2)alloc@pa(...);
)
  ... when != P = E
      when exists
  ksize@pk(P)
"""

NK_SCRIPTS = """
@depends on context@
position {rule}.pk;
expression E;
@@

* ksize@pk(E)
@script:python depends on report@
pa << {rule}.pa;
pk << {rule}.pk;
alloc << {rule}.alloc;
@@

msg = "{what}: %s() on line %s returns {text}" % (alloc, pa[0].line)
coccilib.report.print_report(pk[0], msg)

@script:python depends on org@
pa << {rule}.pa;
pk << {rule}.pk;
alloc << {rule}.alloc;
@@

msg = "{what}: %s() on line %s returns {text}" % (alloc, pa[0].line)
coccilib.org.print_todo(pk[0], msg)
"""


NK_SMALL = r"""
// kvmalloc of a constant size of at most {page} bytes never takes the
// vmalloc fallback (it needs size > PAGE_SIZE): not a finding

@nk_small_{fam}@
identifier alloc0 = {ids0};
identifier alloc01 = {ids01};
constant C, C2;
position pa;
@@

(
  alloc0@pa(C, ...)
|
  alloc01@pa(C, C2, ...)
)

@script:python@
pa << nk_small_{fam}.pa;
c << nk_small_{fam}.C;
c2 << nk_small_{fam}.C2 = "1";
@@

def kc_int(s):
    try:
        return int(s.rstrip("uUlL"), 0)
    except ValueError:
        return None

n, m = kc_int(c), kc_int(c2)
if n is not None and m is not None and n * m <= {page}:
    kc_small.add((pa[0].file, pa[0].line, pa[0].column))
"""


def nk_small(recs, fam):
    n0 = sorted(r["name"] for r in recs
                if r["family"] == fam and r["size"] == "$0")
    n01 = sorted(r["name"] for r in recs
                 if r["family"] == fam and r["size"] == "$0*$1")
    return NK_SMALL.format(fam=fam, ids0=idset(n0 or ["kc_none"]),
                           ids01=idset(n01 or ["kc_none"]), page=4096)


def gen_nonkmalloc(recs, table):
    desc = """/// ksize() on memory that is not (or not always) a kmalloc object.
///
/// ksize() is valid only on the start of a kmalloc object. On vmalloc
/// memory it is undefined (virt_to_folio() of a non-linear address), on
/// a kmem_cache object it returns the cache's slot size, on a devm_*
/// pointer it overstates by the devres header, on page allocator memory
/// it WARNs and returns 0 or the folio size. kvmalloc memory is vmalloc
/// when the fallback is taken, kstrdup_const() may return .rodata. There
/// is no mechanical fix: track the requested size instead."""
    out = [HEADER.format(gen=GEN, table=table, desc=desc, conf="High",
                         comments="no patch mode: report, org and "
                         "context only")]
    out.append("\n@initialize:python@\n@@\n\nkc_small = set()\n\n\n"
               "def kc_is_small(p):\n"
               "    return (p[0].file, p[0].line, p[0].column) in kc_small\n")
    for fam in NEVER + MAYBE:
        names = sorted(r["name"] for r in recs if r["family"] == fam)
        if not names:
            continue
        what = ("ksize() on memory that is never a kmalloc object"
                if fam in NEVER else
                "ksize() on memory that may not be a kmalloc object")
        if fam == "kvmalloc":
            out.append(nk_small(recs, fam))
        out.append(NK_RULES.format(fam=fam, names=", ".join(names),
                                   ids=idset(names)))
        for sfx in ("", "_d"):
            out.append(NK_SCRIPTS.format(rule="nk_%s%s" % (fam, sfx),
                                         what=what, text=FAMILY_TEXT[fam]))
    return "".join(out)


