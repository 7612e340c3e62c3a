# slack_inplace.py - ksize_slack.cocci: the rules that round a size in
# place (a local or a struct field that is not read again).
from common import idset  # noqa: F401

# Two groups of allocators: "scalar" (the size is one argument: kmalloc
# ($0) and krealloc ($1, realloc=$0)) and "array" (count and element size:
# kmalloc_array ($0*$1), krealloc_array ($1*$2)). Within a group the
# shapes share the rewrite, so an object allocated by kmalloc on one path
# and krealloc on the other (both with the same size) is converted as one.
LVARG = r"\( \(L\|E->F\|E.F\) \& sz \)"
GROUPS = {
    "scalar": dict(
        shapes=("s0", "r1"),
        lv=("a0@pa(%s, ...)" % LVARG, "a1@pa(Q, %s, ...)" % LVARG),
        full=("a0@pa@qa(sz, ES)", "a1@pa@qa(Q, sz, ES)"),
        plain=("a0(sz, ES)", "a1(Q, sz, ES)"),
        es=False),
    "array": dict(
        shapes=("a01", "ra12"),
        lv=("a0@pa(%s, es, ...)" % LVARG, "a1@pa(Q, %s, es, ...)" % LVARG),
        full=("a0@pa@qa(sz, es, ES)", "a1@pa@qa(Q, sz, es, ES)"),
        plain=("a0(sz, es, ES)", "a1(Q, sz, es, ES)"),
        es=True),
}

# Rules of one group and form. Coccinelle cannot inherit positions over a
# rule that modifies code, so each (group, form) recomputes its positions
# after the previous one's patch rules; the patch rules that follow a
# modification inherit only expressions.
LV = r"""
// ==== {g}: {formtext}
// {names}

@lv_{g}@
local idexpression L;
expression E, Q, sz{esdecl};
identifier F;
identifier a0 = {ids0};
identifier a1 = {ids1};
position pa;
@@

(
{lv0}
|
{lv1}
)

@accum_{g}@
expression X, E;
position pk;
@@

X = \( <+... X ...+> \& <+... ksize@pk(E) ...+> \)

@mixed_{g}@
expression lv_{g}.sz, E, X;
identifier f;
position pk;
@@

(
X = \( <+... sz ...+> \& <+... ksize@pk(E) ...+> \)
|
f(..., <+... sz ...+>, ..., <+... ksize@pk(E) ...+>, ...)
|
f(..., <+... ksize@pk(E) ...+>, ..., <+... sz ...+>, ...)
|
f(..., \( <+... sz ...+> \& <+... ksize@pk(E) ...+> \), ...)
)
"""

USES = """(
  sz = {use};
|
  X = <+... {use} ...+>;
  ... when != sz
|
  sink(..., <+... {use} ...+>, ...);
  ... when != sz
)"""

FIND_DECLS = """expression lv_{g}.sz{inh_es}, X, E2;
identifier a0 = {ids0};
identifier a1 = {ids1};
identifier sink = {sinks};
position lv_{g}.pa, pk != {{mixed_{g}.pk, accum_{g}.pk}}{pc};"""

FIND = {
    "f": """
@find_{g}@
expression P;
{decls}
@@

(
  P = a0@pa(...);
|
  P = a1@pa(...);
)
  ... when != sz
      when != P = E2{when_es}
{uses}
""",
    "fd": """
@declnext_{g}@
identifier a0 = {ids0};
identifier a1 = {ids1};
position lv_{g}.pa, pd;
type T, T2;
identifier P, V;
expression E2;
@@

(
T P = a0@pa@pd(...);
|
T P = a1@pa@pd(...);
)
(
T2 V;
|
T2 V = E2;
)

@find_{g}@
type T;
identifier P;
position pd != declnext_{g}.pd;
{decls}
@@

(
  T P = a0@pa@pd(...);
|
  T P = a1@pa@pd(...);
)
  ... when != sz
      when != P = E2{when_es}
{uses}
""",
    "fa": """
@find_{g}@
expression P, P2;
{decls}
@@

(
  P = a0@pa(...);
|
  P = a1@pa(...);
)
  ... when != sz
      when != P = E2{when_es}
  P2 = P@pc;
  ... when != sz
      when != P2 = E2{when_es}
{uses}
""",
}

# The allocations that reach a ksize() use must all be in the match set
# (same size, same group): an object from elsewhere on another path
# would get sz instead of its own ksize().
CHECK = r"""
@script:python@
pa << lv_{g}.pa;
pk << find_{g}.pk;
@@

kc_reach.setdefault(kc_key(pk), set()).add(kc_key(pa))

{pccheck}{other}
@script:python@
pe << other_{g}.pe;
pk << find_{g}.pk;
@@

if kc_key(pe) not in kc_reach.get(kc_key(pk), ()):
    kc_bad.add(kc_key(pk))

@script:python@
pa << lv_{g}.pa;
pk << find_{g}.pk;
@@

if kc_key(pk) in kc_bad:
    kc_bad_pa.add(kc_key(pa))

@script:python@
pa << lv_{g}.pa;
pk << find_{g}.pk;
@@

kc_settle()
if kc_key(pk) not in kc_bad and kc_key(pa) not in kc_bad_pa:
    kc_fixable.add(kc_key(pk))
    kc_ok_pa.add(kc_key(pa))

@depends on context@
position find_{g}.pk;
position qk : script:python() {{ kc_key(qk) in kc_fixable }};
expression E;
@@

* ksize@pk@qk(E)

@script:python depends on report || org@
pa << lv_{g}.pa;
p << find_{g}.pk;
sz << lv_{g}.sz;
@@

if kc_key(p) not in kc_fixable or kc_key(pa) not in kc_ok_pa:
    pass
elif True:
    msg = "ksize() reads back the slack of the allocation on line %s: " \
          "round %s up with kmalloc_size_roundup() before allocating " \
          "(fixable: -D patch)" % (pa[0].line, sz.replace(" -> ", "->"))
    if kc_mode == "report":
        coccilib.report.print_report(p[0], msg)
    else:
        coccilib.org.print_todo(p[0], msg)
"""

PCCHECK = r"""@script:python@
pc << find_{g}.pc;
pk << find_{g}.pk;
@@

kc_reach.setdefault(kc_key(pk), set()).add(kc_key(pc))

"""

OTHER_F = r"""@other_{g} exists@
%s
position find_{g}.pk, pe;
@@

  P = E@pe
  ...
  ksize@pk(P)
"""
OTHER = {
    "f": OTHER_F % "expression find_{g}.P, E;",
    "fd": OTHER_F % "identifier find_{g}.P;\nexpression E;",
    "fa": r"""@other_{g} exists@
expression find_{g}.P, find_{g}.P2, E;
position find_{g}.pk, pe;
@@

  P = E@pe
  ...
  ksize@pk(P2)

@other2_{g} exists@
expression find_{g}.P2, E;
position find_{g}.pk, pe;
@@

  P2 = E@pe
  ...
  ksize@pk(P2)

@script:python@
pe << other2_{g}.pe;
pk << find_{g}.pk;
@@

if kc_key(pe) not in kc_reach.get(kc_key(pk), ()):
    kc_bad.add(kc_key(pk))
""",
}

PDEP = "depends on patch && !context && !org && !report"

# insertion of the roundup before each allocation of the match set
INSERT = {
    "f": """
@ins_{g} {dep}@
expression lv_{g}.sz{inh_es}, find_{g}.P;
identifier a0 = {ids0};
identifier a1 = {ids1};
position lv_{g}.pa;
position qa : script:python() {{ kc_key(qa) in kc_ok_pa }};
@@

(
+ {roundup}
  P = a0@pa@qa(...);
|
+ {roundup}
  P = a1@pa@qa(...);
)
""",
    "fd": """
@ins_{g} {dep}@
expression lv_{g}.sz{inh_es}, Q;
expression list ES;
identifier find_{g}.P;
type find_{g}.T;
identifier a0 = {ids0};
identifier a1 = {ids1};
position lv_{g}.pa;
position qa : script:python() {{ kc_key(qa) in kc_ok_pa }};
@@

(
- T P = {full0};
+ T P;
+
+ {roundup}
+ P = {plain0};
|
- T P = {full1};
+ T P;
+
+ {roundup}
+ P = {plain1};
)
""",
}
INSERT["fa"] = INSERT["f"]

# replacement of the ksize() uses after the (now rounded) allocation;
# inherits expressions only
REPLACE = {
    "f": """
@del_{g} depends on ins_{g}@
expression lv_{g}.sz{inh_es}, find_{g}.P;
identifier a0 = {ids0};
identifier a1 = {ids1};
@@

  {roundup}
  P = \\(a0\\|a1\\)(...);
  <...
- sz = {use_p};
  ...>

@rep_{g} depends on ins_{g}@
expression lv_{g}.sz{inh_es}, find_{g}.P;
identifier a0 = {ids0};
identifier a1 = {ids1};
@@

  {roundup}
  P = \\(a0\\|a1\\)(...);
  <...
- {use_p}
+ sz
  ...>
""",
    "fa": """
@del_{g} depends on ins_{g}@
expression lv_{g}.sz{inh_es}, find_{g}.P, find_{g}.P2;
identifier a0 = {ids0};
identifier a1 = {ids1};
@@

  {roundup}
  P = \\(a0\\|a1\\)(...);
  ...
  P2 = P;
  <...
- sz = {use_p2};
  ...>

@rep_{g} depends on ins_{g}@
expression lv_{g}.sz{inh_es}, find_{g}.P, find_{g}.P2;
identifier a0 = {ids0};
identifier a1 = {ids1};
@@

  {roundup}
  P = \\(a0\\|a1\\)(...);
  ...
  P2 = P;
  <...
- {use_p2}
+ sz
  ...>
""",
}
REPLACE["fd"] = REPLACE["f"].replace("find_{g}.P;", "P;").replace(
    "expression lv_{g}.sz{inh_es}, P;",
    "expression lv_{g}.sz{inh_es};\nidentifier find_{g}.P;")

FORMTEXT = {"f": "pointer assigned",
            "fd": "pointer declared with the allocation",
            "fa": "pointer assigned, then copied"}


def slack_group(group, names0, names1, sinks):
    gd = GROUPS[group]
    es = gd["es"]
    out = []
    for form in ("f", "fd", "fa"):
        g = "%s_%s" % (form, group)
        kw = dict(g=g, ids0=idset(names0), ids1=idset(names1),
                  sinks=idset(sinks), dep=PDEP)
        kw["inh_es"] = ", lv_%s.es" % g if es else ""
        use = "ksize@%s(%s) / es" if es else "ksize@%s(%s)"
        kw["roundup"] = ("sz = kmalloc_size_roundup(size_mul(sz, es)) / es;"
                         if es else "sz = kmalloc_size_roundup(sz);")
        when_es = "\n      when != es = E2" if es else ""
        ptr = "P2" if form == "fa" else "P"
        out.append(LV.format(formtext=FORMTEXT[form],
                             names=", ".join(names0 + names1),
                             esdecl=", es" if es else "",
                             lv0=gd["lv"][0], lv1=gd["lv"][1], **kw))
        decls = FIND_DECLS.format(pc=", pc" if form == "fa" else "", **kw)
        out.append(FIND[form].format(decls=decls, when_es=when_es,
                                     uses=USES.format(use=use % ("pk", ptr)),
                                     **kw))
        out.append(CHECK.format(pccheck=PCCHECK.format(**kw) if form == "fa"
                                else "", other=OTHER[form].format(**kw),
                                **kw))
        out.append(INSERT[form].format(full0=gd["full"][0],
                                       full1=gd["full"][1],
                                       plain0=gd["plain"][0],
                                       plain1=gd["plain"][1], **kw))
        out.append(REPLACE[form].format(
            use_p=(use % ("", "P")).replace("@", ""),
            use_p2=(use % ("", "P2")).replace("@", ""), **kw))
    return "".join(out)


