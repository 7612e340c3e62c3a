# slack.py - writes ksize_slack.cocci: the in-place and new-local rewrites,
# then the slack uses reported for a fix by hand.
from common import GEN, HEADER, idset, shapes
from slack_fresh import fresh_group
from slack_inplace import GROUPS, slack_group

MANUAL = r"""
// ==== slack uses the patch rules leave alone (report, org, context)

@manual_accum depends on !patch@
expression X, E;
position pk;
@@

X = \( <+... X ...+> \& <+... ksize@pk(E) ...+> \)

@manual_grown depends on !patch@
expression P, E, E2;
identifier kr = {{krealloc, krealloc_noprof}};
position pa;
@@

P = kr@pa(E, <+... ksize(E2) ...+>, ...)

@manual depends on !patch exists@
expression P, X, E2;
type T;
identifier alloc = {ids};
identifier sink = {sinks};
position pa != manual_grown.pa, pk != manual_accum.pk;
@@

(
  P = alloc@pa(...);
|
  P = (T)alloc@pa(...);
)
  ... when != P = E2
(
  X = <+... ksize@pk(P) ...+>;
|
  sink(..., <+... ksize@pk(P) ...+>, ...);
)

@manual_a depends on !patch exists@
expression P, P2, X, E2;
type T;
identifier alloc = {ids};
identifier sink = {sinks};
position pa != manual_grown.pa, pk != manual_accum.pk;
@@

(
  P = alloc@pa(...);
|
  P = (T)alloc@pa(...);
)
  ... when != P = E2
  P2 = P;
  ... when != P2 = E2
(
  X = <+... ksize@pk(P2) ...+>;
|
  sink(..., <+... ksize@pk(P2) ...+>, ...);
)

@manual_d depends on !patch exists@
identifier P;
expression X, E2;
type T;
identifier alloc = {ids};
identifier sink = {sinks};
position pa != manual_grown.pa, pk != manual_accum.pk;
@@

  T P = alloc@pa(...);
  ... when != P = E2
(
  X = <+... ksize@pk(P) ...+>;
|
  sink(..., <+... ksize@pk(P) ...+>, ...);
)

@depends on context@
position manual.pk;
expression E;
@@

* ksize@pk(E)

@script:python depends on report || org@
pa << manual.pa;
pk << manual.pk;
@@

if (pk[0].file, pk[0].line, pk[0].column) not in kc_fixable:
    msg = "ksize() reads back the slack of the allocation on line %s: " \
          "allocate kmalloc_size_roundup() of the size instead (by hand: " \
          "not a case the patch rules convert safely)" % pa[0].line
    if kc_mode == "report":
        coccilib.report.print_report(pk[0], msg)
    else:
        coccilib.org.print_todo(pk[0], msg)
@depends on context@
position manual_d.pk;
expression E;
@@

* ksize@pk(E)

@script:python depends on report || org@
pa << manual_d.pa;
pk << manual_d.pk;
@@

if (pk[0].file, pk[0].line, pk[0].column) not in kc_fixable:
    msg = "ksize() reads back the slack of the allocation on line %s: " \
          "allocate kmalloc_size_roundup() of the size instead (by hand: " \
          "not a case the patch rules convert safely)" % pa[0].line
    if kc_mode == "report":
        coccilib.report.print_report(pk[0], msg)
    else:
        coccilib.org.print_todo(pk[0], msg)
@depends on context@
position manual_a.pk;
expression E;
@@

* ksize@pk(E)

@script:python depends on report || org@
pa << manual_a.pa;
pk << manual_a.pk;
@@

if (pk[0].file, pk[0].line, pk[0].column) not in kc_fixable:
    msg = "ksize() reads back the slack of the allocation on line %s: " \
          "allocate kmalloc_size_roundup() of the size instead (by hand: " \
          "not a case the patch rules convert safely)" % pa[0].line
    if kc_mode == "report":
        coccilib.report.print_report(pk[0], msg)
    else:
        coccilib.org.print_todo(pk[0], msg)
"""


def gen_slack(recs, table):
    sh = shapes(recs)
    sinks = sorted(r["name"] for r in recs if r["family"] == "sink")
    desc = """/// Use kmalloc_size_roundup() instead of ksize() to use the slack.
///
/// An allocation whose size is taken back with ksize() to use the slack
/// of its kmalloc bucket writes past the requested size: KASAN, KFENCE,
/// UBSAN_BOUNDS and FORTIFY_SOURCE (__alloc_size) treat that as an
/// overflow, and on KFENCE ksize() returns the requested size. Round the
/// size up with kmalloc_size_roundup() before allocating and use it
/// instead of ksize(). A size in a local variable or struct field that
/// is not read again is rounded in place; an expression, a global or a
/// size read again keeps its value and the rounded size goes into a new
/// local, alloc_size. Slack uses that cannot be converted safely (another
/// assignment of the pointer reaches ksize(), ...) are reported for a fix
/// by hand; ksize() used for statistics (x += ksize(p)) is left alone."""
    out = [HEADER.format(gen=GEN, table=table, desc=desc, conf="High",
                         comments="patch rules convert only the "
                         "behaviour-preserving cases")]
    out.append(r"""
@initialize:python@
@@

kc_fixable = set()
kc_reach = {}
kc_bad = set()
kc_clash = set()
kc_fresh_count = {}
kc_bad_pa = set()
kc_ok_pa = set()
kc_fresh_pa = set()
kc_fresh_pk = set()
kc_mode = "report"


def kc_key(p):
    return (p[0].file, p[0].line, p[0].column)


def kc_settle():
    # a ksize() use reached by a rejected allocation is rejected, and so is
    # every allocation that reaches a rejected use
    changed = True
    while changed:
        changed = False
        for pk, pas in kc_reach.items():
            if pk in kc_bad or any(a in kc_bad_pa for a in pas):
                if pk not in kc_bad:
                    kc_bad.add(pk)
                    changed = True
                for a in pas:
                    if a not in kc_bad_pa:
                        kc_bad_pa.add(a)
                        changed = True

@script:python depends on org@
@@

kc_mode = "org"
""")
    # an allocation whose own size is computed from ksize() (the accepted
    # krealloc(p, ksize(p), gfp) idiom, or a size derived from it) is not a
    # slack use to convert: reject it before any group sees it
    out.append(r"""
@kc_ksz_arg@
identifier a = {ids};
position pa;
@@

a@pa(..., <+... ksize(...) ...+>, ...)

@script:python@
pa << kc_ksz_arg.pa;
@@

kc_bad_pa.add(kc_key(pa))
""".format(ids=idset(sh["s0"] + sh["r1"] + sh["a01"] + sh["ra12"])))
    for group in ("scalar", "array"):
        n0, n1 = (sh[x] for x in GROUPS[group]["shapes"])
        if n0 or n1:
            out.append(slack_group(group, n0 or ["kc_none"],
                                   n1 or ["kc_none"], sinks))
    for group in ("scalar", "array"):
        n0, n1 = (sh[x] for x in GROUPS[group]["shapes"])
        if n0 or n1:
            for form in ("f", "fd", "fa"):
                out.append(fresh_group(group, form, n0 or ["kc_none"],
                                       n1 or ["kc_none"], sinks))
    allnames = sh["s0"] + sh["r1"] + sh["a01"] + sh["ra12"]
    out.append(MANUAL.format(ids=idset(allnames), sinks=idset(sinks)))
    return "".join(out)


