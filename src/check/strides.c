/* strides.c - how variables step: `i++`, `i += 4`, `i = 0` in a
 * function or a `for` (a loop index that runs by ones reaches the bound
 * it is compared with; one that runs by 4 from 0 takes only multiples of
 * 4). One walk of a scope records every variable it assigns; the records
 * are kept for the TU, one set per scope, so a function is walked once
 * however many variables and visits ask (it used to be one walk per
 * variable and visit: a tenth of the analysis time). */
#include "check/engine.h"

#include <stdlib.h>
#include <string.h>


static long long gcd_ll(long long a, long long b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b) {
		long long t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* The variable c names (a DeclRefExpr to a local, parameter or global
 * variable), or a null cursor. */
static CXCursor var_of(CXCursor c)
{
	CXCursor d;

	c = cx_strip(c);
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	d = cx_ref(c);
	if (clang_getCursorKind(d) != CXCursor_VarDecl &&
	    clang_getCursorKind(d) != CXCursor_ParmDecl)
		return clang_getNullCursor();
	return d;
}

/* The record of var in sc, or NULL. */
static struct stride_rec *scope_find(const struct stride_scope *sc,
				     CXCursor var)
{
	unsigned h = clang_hashCursor(var);
	size_t i;

	for (i = 0; i < sc->vars.n; i++)
		if (sc->vars.v[i].h == h &&
		    clang_equalCursors(sc->vars.v[i].var, var))
			return &sc->vars.v[i].r;
	return NULL;
}

/* The record of var in sc, added empty on first sight; NULL (and
 * sc->oom) when out of memory. */
static struct stride_rec *scope_get(struct stride_scope *sc, CXCursor var)
{
	struct stride_rec *r = scope_find(sc, var);
	struct stride_var nv;

	if (r)
		return r;
	memset(&nv, 0, sizeof(nv));
	nv.var = var;
	nv.h = clang_hashCursor(var);
	if (KC_VEC_PUSH(&sc->vars, nv)) {
		sc->oom = 1;
		return NULL;
	}
	return &sc->vars.v[sc->vars.n - 1].r;
}

struct mention {
	CXCursor var;
	int found;
};

static enum CXChildVisitResult mention_cb(CXCursor c, CXCursor parent,
					  CXClientData d)
{
	struct mention *m = d;
	CXCursor v = var_of(c);

	(void)parent;
	if (!clang_Cursor_isNull(v) && clang_equalCursors(v, m->var)) {
		m->found = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/* 1 if e is var or has var inside */
static int mentions(CXCursor e, CXCursor var)
{
	struct mention m = { var, 0 };
	CXCursor v = var_of(e);

	if (!clang_Cursor_isNull(v) && clang_equalCursors(v, var))
		return 1;
	clang_visitChildren(e, mention_cb, &m);
	return m.found;
}

/* A store c into a variable: the variable, and the other side (a null
 * cursor for ++/--), else a null variable. */
static CXCursor assigned(CXCursor c, enum CXCursorKind k, CXCursor *rhs)
{
	struct cx_kids kids;
	enum CXUnaryOperatorKind op;

	*rhs = clang_getNullCursor();
	if (k == CXCursor_CompoundAssignOperator ||
	    (k == CXCursor_BinaryOperator &&
	     cx_binop(c) == CXBinaryOperator_Assign)) {
		cx_children(c, &kids);
		if (kids.n != 2)
			return clang_getNullCursor();
		*rhs = kids.k[1];
		return var_of(kids.k[0]);
	}
	if (k != CXCursor_UnaryOperator)
		return clang_getNullCursor();
	op = cx_unop(c);
	if (op != CXUnaryOperator_AddrOf && op != CXUnaryOperator_PostInc &&
	    op != CXUnaryOperator_PreInc && op != CXUnaryOperator_PostDec &&
	    op != CXUnaryOperator_PreDec)
		return clang_getNullCursor();
	cx_children(c, &kids);
	return kids.n == 1 ? var_of(kids.k[0]) : clang_getNullCursor();
}

static enum CXChildVisitResult scope_cb(CXCursor c, CXCursor parent,
					CXClientData d)
{
	struct stride_scope *sc = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	struct stride_rec *r;
	CXCursor var, rhs;
	long long v;

	(void)parent;
	var = assigned(c, k, &rhs);
	if (clang_Cursor_isNull(var) || !(r = scope_get(sc, var)))
		return sc->oom ? CXChildVisit_Break : CXChildVisit_Recurse;
	if (k == CXCursor_UnaryOperator) {
		if (cx_unop(c) == CXUnaryOperator_AddrOf)
			r->bad = 1;
		else
			r->step = gcd_ll(r->step, 1);
	} else if (k == CXCursor_CompoundAssignOperator) {
		enum CXBinaryOperatorKind op = cx_binop(c);

		if ((op != CXBinaryOperator_AddAssign &&
		     op != CXBinaryOperator_SubAssign) ||
		    !cx_eval_int(rhs, &v) || !v)
			r->bad = 1;
		else
			r->step = gcd_ll(r->step, v);
	} else if (mentions(rhs, var)) {
		r->bad = 1;
	} else if (cx_eval_int(rhs, &v)) {
		r->konst = gcd_ll(r->konst, v);
	} else {
		r->nonconst = 1;
	}
	return CXChildVisit_Recurse;
}

/* What scope does to var (all zero: never assigned there), from the
 * TU's record of the scope, made by one walk on first sight. */
static void scope_rec(struct eng_fn *f, CXCursor var, CXCursor scope,
		      struct stride_rec *out)
{
	struct eng_tu *t = f->t;
	unsigned h = clang_hashCursor(scope);
	size_t i = hidx_find(&t->stride_ix, h);
	struct stride_scope tmp, *sc = &tmp;
	const struct stride_rec *r;

	memset(&tmp, 0, sizeof(tmp));
	if (i != HIDX_NONE &&
	    clang_equalCursors(t->scopes.v[i].scope, scope)) {
		sc = &t->scopes.v[i];
	} else {
		tmp.scope = scope;
		clang_visitChildren(scope, scope_cb, &tmp);
		/* kept unless the hash is another scope's (then this one
		 * is walked each time) or memory ran out */
		if (i == HIDX_NONE && !tmp.oom &&
		    !KC_VEC_RESERVE(&t->scopes) &&
		    !hidx_add(&t->stride_ix, h, t->scopes.n)) {
			t->scopes.v[t->scopes.n] = tmp;
			sc = &t->scopes.v[t->scopes.n++];
		}
	}
	memset(out, 0, sizeof(*out));
	if (sc->oom)
		/* no memory for the records: the variable is not known to
		 * step as it should */
		out->bad = 1;
	else if ((r = scope_find(sc, var)))
		*out = *r;
	if (sc == &tmp)
		KC_VEC_FREE(&tmp.vars);
}

void eng_strides_release(struct eng_tu *t)
{
	size_t i;

	for (i = 0; i < t->scopes.n; i++)
		KC_VEC_FREE(&t->scopes.v[i].vars);
	KC_VEC_FREE(&t->scopes);
	hidx_release(&t->stride_ix);
}

int eng_var_steps(struct eng_fn *f, CXCursor e, long long *step, int *based)
{
	struct stride_rec r;
	struct cx_kids kids;
	CXCursor var;
	int nonconst = 0;
	long long konst = 0, v;

	*step = 1;
	*based = 0;
	var = var_of(e);
	if (clang_Cursor_isNull(var))
		return 1;
	if (clang_getCursorKind(var) == CXCursor_ParmDecl) {
		nonconst = 1;
	} else {
		cx_children(var, &kids);
		if (kids.n && clang_isExpression(clang_getCursorKind(
				      kids.k[kids.n - 1]))) {
			if (cx_eval_int(kids.k[kids.n - 1], &v))
				konst = v;
			else
				nonconst = 1;
		}
	}
	scope_rec(f, var, f->fn, &r);
	nonconst |= r.nonconst;
	konst = gcd_ll(konst, r.konst);
	*step = r.step > 0 && r.step < 256 ? r.step : r.step ? 0 : 1;
	*based = !nonconst && *step && konst % *step == 0;
	return !r.bad;
}

int eng_loop_steps(struct eng_fn *f, CXCursor e, long long *step,
		   int *based)
{
	struct stride_rec r;
	struct cx_kids k;
	long long v;
	CXCursor init = f->cur_init, var;

	var = var_of(e);
	if (clang_Cursor_isNull(f->cur_for) || clang_Cursor_isNull(init) ||
	    clang_Cursor_isNull(var))
		return 0;
	init = cx_strip(init);
	if (clang_getCursorKind(init) != CXCursor_BinaryOperator ||
	    cx_binop(init) != CXBinaryOperator_Assign)
		return 0;
	cx_children(init, &k);
	if (k.n != 2 || !clang_equalCursors(var_of(k.k[0]), var) ||
	    !cx_eval_int(k.k[1], &v))
		return 0;
	scope_rec(f, var, f->cur_for, &r);
	if (r.bad || r.nonconst || r.step <= 1 || r.step >= 256)
		return 0;
	*step = r.step;
	*based = r.konst % r.step == 0;
	return 1;
}

/* 1 if var is a local variable (not static) or a parameter. */
static int local_var(CXCursor var)
{
	if (clang_Cursor_isNull(var))
		return 0;
	if (clang_getCursorKind(var) == CXCursor_ParmDecl)
		return 1;
	return clang_getCursorKind(var) == CXCursor_VarDecl &&
	       clang_Cursor_getStorageClass(var) != CX_SC_Static &&
	       clang_Cursor_getStorageClass(var) != CX_SC_Extern &&
	       clang_getCursorKind(clang_getCursorSemanticParent(var)) !=
	       CXCursor_TranslationUnit;
}

/* 1 if scope never assigns var (nor takes its address). */
static int untouched(struct eng_fn *f, CXCursor var, CXCursor scope)
{
	struct stride_rec r;

	scope_rec(f, var, scope, &r);
	return !r.bad && !r.step && !r.nonconst && !r.konst;
}

/* 1 if inc is i++, ++i or i += 1. */
static int unit_inc(CXCursor inc, CXCursor var)
{
	struct cx_kids k;
	enum CXCursorKind kind;
	long long v;

	inc = cx_strip(inc);
	kind = clang_getCursorKind(inc);
	cx_children(inc, &k);
	if (kind == CXCursor_UnaryOperator)
		return (cx_unop(inc) == CXUnaryOperator_PostInc ||
			cx_unop(inc) == CXUnaryOperator_PreInc) &&
		       k.n == 1 && clang_equalCursors(var_of(k.k[0]), var);
	return kind == CXCursor_CompoundAssignOperator &&
	       cx_binop(inc) == CXBinaryOperator_AddAssign && k.n == 2 &&
	       clang_equalCursors(var_of(k.k[0]), var) &&
	       cx_eval_int(k.k[1], &v) && v == 1;
}

int eng_loop_exit_index(struct eng_fn *f, CXCursor loop, CXCursor cond,
			CXCursor inc, CXCursor body, CXCursor *iv,
			CXCursor *nv)
{
	struct stride_rec r;
	struct cx_kids k;
	CXCursor i, n;
	int lt;

	if (clang_Cursor_isNull(loop) || clang_Cursor_isNull(cond) ||
	    clang_Cursor_isNull(inc) || clang_Cursor_isNull(body))
		return 0;
	cond = cx_strip(cond);
	if (clang_getCursorKind(cond) != CXCursor_BinaryOperator)
		return 0;
	lt = cx_binop(cond) == CXBinaryOperator_LT;
	if (!lt && cx_binop(cond) != CXBinaryOperator_GT)
		return 0;
	cx_children(cond, &k);
	if (k.n != 2)
		return 0;
	*iv = k.k[lt ? 0 : 1];
	*nv = k.k[lt ? 1 : 0];
	i = var_of(*iv);
	n = var_of(*nv);
	if (!local_var(i) || !local_var(n) || clang_equalCursors(i, n) ||
	    !unit_inc(inc, i) || !untouched(f, i, body) ||
	    !untouched(f, n, loop))
		return 0;
	/* no pointer to either may change them behind the loop's back */
	scope_rec(f, i, f->fn, &r);
	if (r.bad)
		return 0;
	scope_rec(f, n, f->fn, &r);
	return !r.bad;
}
