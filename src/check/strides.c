/* strides.c - how variables step: `i++`, `i += 4`, `i = 0` in a
 * function or a `for` (a loop index that runs by ones reaches the bound
 * it is compared with; one that runs by 4 from 0 takes only multiples of
 * 4). One walk of a scope records every variable it assigns; the records
 * are kept for the TU, keyed by (variable, scope), so a function is
 * walked once however many variables and visits ask (it used to be one
 * walk per variable and visit: a tenth of the analysis time). */
#include "check/engine.h"

#include <stdlib.h>
#include <string.h>

#define MEMO_NONE ((size_t)-1)

struct var_scan {
	CXCursor var;
	struct stride_rec r;
};

struct scope_scan {
	struct var_scan *v;
	size_t n, cap;
	int oom;
};

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

int eng_const_val(CXCursor c, long long *v)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	int ok = 0;

	if (!r)
		return 0;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		*v = clang_EvalResult_getAsLongLong(r);
		ok = 1;
	}
	clang_EvalResult_dispose(r);
	return ok;
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

static struct stride_rec *scan_rec(struct scope_scan *sc, CXCursor var)
{
	size_t i;

	for (i = 0; i < sc->n; i++)
		if (clang_equalCursors(sc->v[i].var, var))
			return &sc->v[i].r;
	if (sc->n == sc->cap) {
		size_t nc = sc->cap ? sc->cap * 2 : 16;
		struct var_scan *nv = realloc(sc->v, nc * sizeof(*nv));

		if (!nv) {
			sc->oom = 1;
			return NULL;
		}
		sc->v = nv;
		sc->cap = nc;
	}
	memset(&sc->v[sc->n], 0, sizeof(sc->v[0]));
	sc->v[sc->n].var = var;
	return &sc->v[sc->n++].r;
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

static enum CXChildVisitResult scope_cb(CXCursor c, CXCursor parent,
					CXClientData d)
{
	struct scope_scan *sc = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	struct stride_rec *r;
	struct cx_kids kids;
	CXCursor var;
	long long v;

	(void)parent;
	if (k == CXCursor_CompoundAssignOperator ||
	    (k == CXCursor_BinaryOperator &&
	     cx_binop(c) == CXBinaryOperator_Assign)) {
		cx_children(c, &kids);
		if (kids.n != 2)
			return CXChildVisit_Recurse;
		var = var_of(kids.k[0]);
		if (clang_Cursor_isNull(var) || !(r = scan_rec(sc, var)))
			return sc->oom ? CXChildVisit_Break :
					 CXChildVisit_Recurse;
		if (k == CXCursor_CompoundAssignOperator) {
			enum CXBinaryOperatorKind op = cx_binop(c);

			if ((op != CXBinaryOperator_AddAssign &&
			     op != CXBinaryOperator_SubAssign) ||
			    !eng_const_val(kids.k[1], &v) || !v)
				r->bad = 1;
			else
				r->step = gcd_ll(r->step, v);
		} else if (mentions(kids.k[1], var)) {
			r->bad = 1;
		} else if (eng_const_val(kids.k[1], &v)) {
			r->konst = gcd_ll(r->konst, v);
		} else {
			r->nonconst = 1;
		}
	} else if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = cx_unop(c);

		cx_children(c, &kids);
		if (kids.n != 1)
			return CXChildVisit_Recurse;
		var = var_of(kids.k[0]);
		if (clang_Cursor_isNull(var))
			return CXChildVisit_Recurse;
		if (op == CXUnaryOperator_AddrOf) {
			if ((r = scan_rec(sc, var)))
				r->bad = 1;
		} else if (op == CXUnaryOperator_PostInc ||
			   op == CXUnaryOperator_PreInc ||
			   op == CXUnaryOperator_PostDec ||
			   op == CXUnaryOperator_PreDec) {
			if ((r = scan_rec(sc, var)))
				r->step = gcd_ll(r->step, 1);
		}
	}
	return sc->oom ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static unsigned pair_hash(CXCursor var, CXCursor scope)
{
	return clang_hashCursor(var) * 0x9e3779b1u ^ clang_hashCursor(scope);
}

/* Position of (var, scope) in the TU's memo, or MEMO_NONE. */
static size_t memo_find(const struct eng_tu *t, CXCursor var,
			CXCursor scope)
{
	size_t i = hidx_find(&t->stride_ix, pair_hash(var, scope));

	if (i == HIDX_NONE || !clang_equalCursors(t->sm[i].var, var) ||
	    !clang_equalCursors(t->sm[i].scope, scope))
		return MEMO_NONE;
	return i;
}

/* Remembers a record; nothing when the key is taken by another pair (a
 * hash collision: that pair's scope is then walked again) or on OOM. */
static void memo_put(struct eng_tu *t, CXCursor var, CXCursor scope,
		     const struct stride_rec *r)
{
	unsigned h = pair_hash(var, scope);

	if (hidx_find(&t->stride_ix, h) != HIDX_NONE)
		return;
	if (t->nsm == t->capsm) {
		size_t nc = t->capsm ? t->capsm * 2 : 64;
		struct stride_memo *nv = realloc(t->sm, nc * sizeof(*nv));

		if (!nv)
			return;
		t->sm = nv;
		t->capsm = nc;
	}
	if (hidx_add(&t->stride_ix, h, t->nsm))
		return;
	t->sm[t->nsm].var = var;
	t->sm[t->nsm].scope = scope;
	t->sm[t->nsm++].r = *r;
}

/* What scope does to var (all zero: never assigned there). A walked
 * scope is marked by the pair (scope, scope). */
static void scope_rec(struct eng_fn *f, CXCursor var, CXCursor scope,
		      struct stride_rec *out)
{
	struct eng_tu *t = f->t;
	struct scope_scan sc;
	size_t i;

	memset(out, 0, sizeof(*out));
	if ((i = memo_find(t, var, scope)) != MEMO_NONE) {
		*out = t->sm[i].r;
		return;
	}
	if (memo_find(t, scope, scope) != MEMO_NONE)
		return;
	memset(&sc, 0, sizeof(sc));
	clang_visitChildren(scope, scope_cb, &sc);
	if (sc.oom) {
		/* no memory for the records: the variable is not known to
		 * step as it should */
		out->bad = 1;
		free(sc.v);
		return;
	}
	for (i = 0; i < sc.n; i++) {
		memo_put(t, sc.v[i].var, scope, &sc.v[i].r);
		if (clang_equalCursors(sc.v[i].var, var))
			*out = sc.v[i].r;
	}
	/* the mark only once every record is in: a record that a hash
	 * collision kept out must not read as "never assigned" */
	for (i = 0; i < sc.n; i++)
		if (memo_find(t, sc.v[i].var, scope) == MEMO_NONE)
			break;
	if (i == sc.n) {
		struct stride_rec none;

		memset(&none, 0, sizeof(none));
		memo_put(t, scope, scope, &none);
	}
	free(sc.v);
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
			if (eng_const_val(kids.k[kids.n - 1], &v))
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
	    !eng_const_val(k.k[1], &v))
		return 0;
	scope_rec(f, var, f->cur_for, &r);
	if (r.bad || r.nonconst || r.step <= 1 || r.step >= 256)
		return 0;
	*step = r.step;
	*based = r.konst % r.step == 0;
	return 1;
}
