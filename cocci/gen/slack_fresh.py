# slack_fresh.py - ksize_slack.cocci: the rules that keep the size and put
# the rounded size in a new local, alloc_size.
from common import idset
from slack_inplace import FORMTEXT, OTHER, PCCHECK

# Sizes the groups above cannot round in place (an expression such as
# struct_size(...), or a variable that is read again after the
# allocation): the rounded size goes into a new local, alloc_size, declared
# at the top of the function; the original size expression is evaluated
# once, where it was. One candidate per function, and none when the
# function already uses the name alloc_size.
FRESH_SHAPES = {
    "scalar": dict(
        pat=("P = a0@pa(E, ...);", "P = a1@pa(Q, E, ...);"),
        dpat=("T P = a0@pa(E, ...);", "T P = a1@pa(Q, E, ...);"),
        full=("a0@pa@qa(E, ES)", "a1@pa@qa(Q, E, ES)"),
        plain=("a0(alloc_size, ES)", "a1(Q, alloc_size, ES)"),
        minus=("  P = a0@pa@qa(\n- E\n+ alloc_size\n  , ...);",
               "  P = a1@pa@qa(Q,\n- E\n+ alloc_size\n  , ...);"),
        roundup="alloc_size = kmalloc_size_roundup(E);",
        decl="expression E, Q;"),
    "array": dict(
        pat=("P = a0@pa(E, es, ...);", "P = a1@pa(Q, E, es, ...);"),
        dpat=("T P = a0@pa(E, es, ...);", "T P = a1@pa(Q, E, es, ...);"),
        full=("a0@pa@qa(E, es, ES)", "a1@pa@qa(Q, E, es, ES)"),
        plain=("a0(alloc_size / es, es, ES)",
               "a1(Q, alloc_size / es, es, ES)"),
        minus=("  P = a0@pa@qa(\n- E\n+ alloc_size / es\n  , es, ...);",
               "  P = a1@pa@qa(Q,\n- E\n+ alloc_size / es\n  , es, ...);"),
        roundup="alloc_size = kmalloc_size_roundup(size_mul(E, es));",
        decl="expression E, Q, es;"),
}

FRESH = r"""
// ==== {g}: rounded size in a new local alloc_size ({formtext})
// {names}

@accum_{g}@
expression X, E;
position pk;
@@

X = \( <+... X ...+> \& <+... ksize@pk(E) ...+> \)

@clash_{g}@
identifier x = {{alloc_size}};
position p;
@@

x@p

@script:python@
p << clash_{g}.p;
@@

kc_clash.add((p[0].file, p[0].current_element))

@declnext_{g}@
position pd;
type T, T2;
identifier P, V, a;
expression E2;
@@

T P = a@pd(...);
(
T2 V;
|
T2 V = E2;
)

@find_{g}@
{ptrdecl}
expression X, E2;
{sdecl}
identifier a0 = {ids0};
identifier a1 = {ids1};
identifier sink = {sinks};
position pa != declnext_{g}.pd, pk != accum_{g}.pk{pc};
@@

(
  {pat0}
|
  {pat1}
)
  ... when != P = E2
{alias}(
  X = <+... ksize@pk({ptr}) ...+>;
|
  sink(..., <+... ksize@pk({ptr}) ...+>, ...);
)

@script:python@
pa << find_{g}.pa;
pk << find_{g}.pk;
@@

kc_reach.setdefault(kc_key(pk), set()).add(kc_key(pa))
fk = (pa[0].file, pa[0].current_element)
kc_fresh_count[fk] = kc_fresh_count.get(fk, 0) + 1
{pccheck}{other}
@script:python@
pe << other_{g}.pe;
pk << find_{g}.pk;
@@

if kc_key(pe) not in kc_reach.get(kc_key(pk), ()):
    kc_bad.add(kc_key(pk))

@script:python@
pa << find_{g}.pa;
pk << find_{g}.pk;
@@

if kc_key(pk) in kc_bad:
    kc_bad_pa.add(kc_key(pa))

@script:python mk_{g}@
pa << find_{g}.pa;
pk << find_{g}.pk;
fn;
@@

kc_settle()
fk = (pa[0].file, pa[0].current_element)
if kc_key(pk) in kc_bad or kc_key(pa) in kc_bad_pa or fk in kc_clash or \
   kc_fresh_count[fk] != 1 or kc_key(pk) in kc_fixable:
    coccinelle.fn = cocci.make_ident("kc_no_such_function_")
else:
    kc_fixable.add(kc_key(pk))
    kc_fresh_pk.add(kc_key(pk))
    kc_fresh_pa.add(kc_key(pa))
    coccinelle.fn = cocci.make_ident(pa[0].current_element)

@depends on context@
position find_{g}.pk;
position qk : script:python() {{ kc_key(qk) in kc_fresh_pk }};
expression E;
@@

* ksize@pk@qk(E)

@script:python depends on report || org@
pa << find_{g}.pa;
p << find_{g}.pk;
@@

if kc_key(p) in kc_fresh_pk and kc_key(pa) in kc_fresh_pa:
    msg = "ksize() reads back the slack of the allocation on line %s: " \
          "allocate kmalloc_size_roundup() of the size, kept in a new " \
          "local (fixable: -D patch)" % pa[0].line
    if kc_mode == "report":
        coccilib.report.print_report(p[0], msg)
    else:
        coccilib.org.print_todo(p[0], msg)

@patch_{g} depends on patch && !context && !org && !report@
{inhdecl}
identifier a0 = {ids0};
identifier a1 = {ids1};
identifier mk_{g}.fn;
position find_{g}.pa, find_{g}.pk;
position qa : script:python() {{ kc_key(qa) in kc_fresh_pa }};
position qk : script:python() {{ kc_key(qk) in kc_fresh_pk }};
@@

fn(...) {{
+ size_t alloc_size;
  ...
{patchbody}
  ...
- ksize@pk@qk({ptr})
+ alloc_size
  ...
}}

@blank_{g} depends on patch_{g}@
identifier mk_{g}.fn;
identifier asz = {{alloc_size}};
statement S;
@@

fn(...) {{
  size_t asz;
+
  S
  ...
}}
"""


def fresh_group(group, form, names0, names1, sinks):
    fs = FRESH_SHAPES[group]
    g = "%s_fresh_%s" % (form, group)
    es = group == "array"
    ptr = "P2" if form == "fa" else "P"
    inh = ["find_%s.E" % g]
    if es:
        inh.append("find_%s.es" % g)
    if form == "fd":
        ptrdecl = "identifier P;\ntype T;"
        inhdecl = ("expression %s, Q;\nexpression list ES;\n"
                   "identifier find_%s.P;\ntype find_%s.T;"
                   % (", ".join(inh), g, g))
        pats = fs["dpat"]
        body = ("(\n- T P = {f0};\n+ T P;\n+\n+ {r}\n+ P = {p0};\n|\n"
                "- T P = {f1};\n+ T P;\n+\n+ {r}\n+ P = {p1};\n)").format(
                    f0=fs["full"][0], f1=fs["full"][1], p0=fs["plain"][0],
                    p1=fs["plain"][1], r=fs["roundup"])
    else:
        ptrdecl = "expression P, P2;" if form == "fa" else "expression P;"
        inh.append("find_%s.P" % g)
        if form == "fa":
            inh.append("find_%s.P2" % g)
        inhdecl = "expression %s, Q;" % ", ".join(inh)
        pats = fs["pat"]
        body = "(\n+ {r}\n{m0}\n|\n+ {r}\n{m1}\n)".format(
            r=fs["roundup"], m0=fs["minus"][0], m1=fs["minus"][1])
    return FRESH.format(
        g=g, formtext=FORMTEXT[form], names=", ".join(names0 + names1),
        ptrdecl=ptrdecl, sdecl=fs["decl"],
        ids0=idset(names0), ids1=idset(names1), sinks=idset(sinks),
        pc=", pc" if form == "fa" else "", pat0=pats[0],
        pat1=pats[1], ptr=ptr,
        alias=("  P2 = P@pc;\n  ... when != P2 = E2\n" if form == "fa"
               else ""),
        pccheck=PCCHECK.format(g=g) if form == "fa" else "",
        other=OTHER[form].format(g=g), inhdecl=inhdecl, patchbody=body)


