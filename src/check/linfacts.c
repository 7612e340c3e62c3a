/* linfacts.c - relations between variables, from branch conditions.
 *
 * A comparison of two linear expressions over variables and fields
 * (`j < end`, `(end - j) > packet_size`, `off + len > data_len`) records
 * the range of their difference as a fact: a relation over paths
 * (relations.c: the state entry keyed by the canonical form, paths
 * sorted, first coefficient positive) holding the interval of the
 * form. A store to a path removes every relation naming it
 * (st_kill_under), and a join keeps a relation only where both sides
 * have it, so a fact is always about the current values.
 *
 * When a linear expression of two or more paths is evaluated, its value
 * is narrowed by the fact on its own form, or derived from a fact on its
 * form plus one more path y: from off + len - data_len >= 1, the
 * assignment len = data_len - off gets data_len - off <= len - 1.
 */
#include "check/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIN_MAX 3

struct lin {
	int n;
	const char *key[LIN_MAX];
	long long coef[LIN_MAX];
	CXType type[LIN_MAX];
	CXCursor cur[LIN_MAX];  /* a use of each path (how it steps) */
	long long k;
	int n0;                 /* terms from the left side */
};

static int lin_add_term(struct lin *l, const char *key, CXCursor use,
			long long c)
{
	CXType ty = cx_type(use);
	int i;

	for (i = 0; i < l->n; i++)
		if (l->key[i] == key) {
			l->coef[i] += c;
			return 0;
		}
	if (l->n == LIN_MAX)
		return -1;
	l->key[l->n] = key;
	l->type[l->n] = ty;
	l->cur[l->n] = use;
	l->coef[l->n++] = c;
	return 0;
}

static int small(long long v)
{
	return v > -(1LL << 40) && v < (1LL << 40);
}

/* A cast that may change the value (to a narrower type) stops the form. */
static int narrowing(CXCursor c)
{
	struct cx_kids k;
	long long to, from;

	cx_children(c, &k);
	if (!k.n)
		return 1;
	to = clang_Type_getSizeOf(cx_type(c));
	from = clang_Type_getSizeOf(cx_type(k.k[k.n - 1]));
	return to <= 0 || from <= 0 || to < from;
}

static int lin_rec(struct eng_fn *f, struct state *s, CXCursor c,
		   long long mult, struct lin *l, int depth)
{
	struct cx_kids k;
	long long cv;
	const char *key;

	if (depth > 8 || !small(mult))
		return -1;
	if (!cx_is_integer(cx_type(c)))
		return -1;
	if (cx_eval_int(c, &cv)) {
		if (!small(cv))
			return -1;
		l->k += mult * cv;
		return 0;
	}
	switch (clang_getCursorKind(c)) {
	case CXCursor_ParenExpr:
		return lin_rec(f, s, cx_first_child(c), mult, l, depth + 1);
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
		cx_children(c, &k);
		if (k.n < 1 || narrowing(c))
			return -1;
		return lin_rec(f, s, k.k[k.n - 1], mult, l, depth + 1);
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr: {
		struct val v;

		key = eng_key(f, c);
		if (!key || path_has_step(key, PATH_STEP_ELEM))
			return -1;
		v = eng_read_key(f, s, key, cx_type(c));
		if (!v.np && iv_is_const(&v.iv, &cv) && small(cv)) {
			l->k += mult * cv;
			return 0;
		}
		return lin_add_term(l, key, c, mult);
	}
	case CXCursor_UnaryOperator:
		if (cx_unop(c) != CXUnaryOperator_Minus &&
		    cx_unop(c) != CXUnaryOperator_Plus)
			return -1;
		cx_children(c, &k);
		if (k.n != 1)
			return -1;
		return lin_rec(f, s, k.k[0],
			       cx_unop(c) == CXUnaryOperator_Minus ? -mult :
								     mult,
			       l, depth + 1);
	case CXCursor_BinaryOperator:
		cx_children(c, &k);
		if (k.n != 2)
			return -1;
		switch (cx_binop(c)) {
		case CXBinaryOperator_Add:
		case CXBinaryOperator_Sub:
			if (lin_rec(f, s, k.k[0], mult, l, depth + 1))
				return -1;
			return lin_rec(f, s, k.k[1],
				       cx_binop(c) == CXBinaryOperator_Sub ?
				       -mult : mult, l, depth + 1);
		case CXBinaryOperator_Mul:
			if (cx_eval_int(k.k[1], &cv) && small(cv))
				return lin_rec(f, s, k.k[0], mult * cv, l,
					       depth + 1);
			if (cx_eval_int(k.k[0], &cv) && small(cv))
				return lin_rec(f, s, k.k[1], mult * cv, l,
					       depth + 1);
			return -1;
		default:
			return -1;
		}
	default:
		return -1;
	}
}

static int key_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Drops zero terms, sorts by path; makes the first coefficient positive
 * (returns -1 if the form was negated, else 1). */
static int lin_canon(struct lin *l)
{
	struct lin o = { 0 };
	const char *keys[LIN_MAX];
	int i, j, sign = 1;

	for (i = 0; i < l->n; i++)
		keys[i] = l->key[i];
	qsort(keys, (size_t)l->n, sizeof(keys[0]), key_cmp);
	for (i = 0; i < l->n; i++)
		for (j = 0; j < l->n; j++)
			if (l->key[j] == keys[i] && l->coef[j]) {
				o.key[o.n] = l->key[j];
				o.type[o.n] = l->type[j];
				o.cur[o.n] = l->cur[j];
				o.coef[o.n++] = l->coef[j];
			}
	o.k = l->k;
	if (o.n && o.coef[0] < 0) {
		sign = -1;
		for (i = 0; i < o.n; i++)
			o.coef[i] = -o.coef[i];
		o.k = -o.k;
	}
	*l = o;
	return sign;
}

static const char *lin_key(struct eng_fn *f, const struct lin *l)
{
	return eng_rel_path_key(f, l->n, l->key, l->coef);
}

static long long sat_neg(long long v)
{
	if (v <= IV_NINF)
		return IV_PINF;
	if (v >= IV_PINF)
		return IV_NINF;
	return -v;
}

/* c * x in [lo, hi] (c > 0): narrows x, as refine_int does for a plain
 * operand (`(end - j) > 49` with j known, `2 * n + hdr < len`) */
static void narrow_one(struct eng_fn *f, struct state *s,
		       const struct lin *l, long long lo, long long hi)
{
	long long c = l->coef[0];
	struct val v;

	if (path_has_step(l->key[0], PATH_STEP_DEREF))
		return;
	v = eng_read_key(f, s, l->key[0], l->type[0]);
	if (v.np || v.ptop || v.iv.nt)
		return;
	if (lo > IV_NINF) {
		lo = -iv_floor_div(-lo, c);
		if (lo > v.iv.lo)
			v.iv.lo = lo;
	}
	if (hi < IV_PINF) {
		hi = iv_floor_div(hi, c);
		if (hi < v.iv.hi) {
			v.iv.hi = hi;
			v.iv.reach = 0;
		}
	}
	if (v.iv.lo > v.iv.hi) {
		s->dead = 1;
		return;
	}
	st_set(s, l->key[0], &v);
}

/* An unsigned side with a difference in it may have wrapped (a - b with
 * a < b is huge): its value is not the form's. Terms from..l->n are the
 * side's (b's coefficients were negated when they were read). */
static int may_wrap(const struct lin *l, CXCursor side, int from)
{
	CXType t = cx_canon_type(side);
	int i, neg = 0, pos = 0;

	if (t.kind < CXType_UChar || t.kind > CXType_UInt128)
		return 0;
	for (i = from; i < l->n; i++) {
		if (l->coef[i] < 0)
			neg = 1;
		else if (l->coef[i] > 0)
			pos = 1;
	}
	return neg && pos;
}

void eng_lin_assume(struct eng_fn *f, struct state *s, CXCursor a,
		    CXCursor b, enum CXBinaryOperatorKind op)
{
	struct lin l = { 0 };
	struct val *old, nv;
	const char *key;
	long long lo, hi, k;
	int sign;

	if (lin_rec(f, s, a, 1, &l, 0) || may_wrap(&l, a, 0))
		return;
	l.n0 = l.n;
	if (lin_rec(f, s, b, -1, &l, 0) || may_wrap(&l, b, l.n0))
		return;
	sign = lin_canon(&l);
	if (!l.n)
		return;
	/* sign * (F + k) OP 0 */
	k = l.k;
	switch (op) {
	case CXBinaryOperator_LT: lo = IV_NINF; hi = -1; break;
	case CXBinaryOperator_LE: lo = IV_NINF; hi = 0; break;
	case CXBinaryOperator_GT: lo = 1; hi = IV_PINF; break;
	case CXBinaryOperator_GE: lo = 0; hi = IV_PINF; break;
	case CXBinaryOperator_EQ: lo = 0; hi = 0; break;
	default: return;
	}
	if (sign < 0) {
		long long t = lo;

		lo = sat_neg(hi);
		hi = sat_neg(t);
	}
	/* F in [lo - k, hi - k] */
	if (lo > IV_NINF)
		lo -= k;
	if (hi < IV_PINF)
		hi -= k;
	if (l.n == 1) {
		narrow_one(f, s, &l, lo, hi);
		return;
	}
	key = lin_key(f, &l);
	if (!key)
		return;
	old = st_find(s, key);
	if (old && !old->np) {
		if (old->iv.lo > lo)
			lo = old->iv.lo;
		if (old->iv.hi < hi)
			hi = old->iv.hi;
		if (lo > hi) {
			s->dead = 1;
			return;
		}
	}
	nv = val_int(iv_range(lo, hi));
	st_set(s, key, &nv);
}

/* Parses one relation key back into its form; 0 or -1. */
static int lin_parse(struct eng_fn *f, const char *key, struct lin *l)
{
	int n;

	memset(l, 0, sizeof(*l));
	n = eng_rel_path_terms(f, key, LIN_MAX, l->key, l->coef);
	if (n < 0)
		return -1;
	l->n = n;
	return 0;
}

static long long coef_of(const struct lin *l, const char *key)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->key[i] == key)
			return l->coef[i];
	return 0;
}

/* sigma * F = G - cy * y for one path y: F within sigma * (G - cy * y) */
static int derive(struct eng_fn *f, struct state *s, const struct lin *F,
		  const struct lin *G, const struct ival *g, struct ival *out)
{
	int sigma, i;

	for (sigma = 1; sigma >= -1; sigma -= 2) {
		const char *y = NULL;
		long long cy = 0;
		const struct val *yp;
		struct val yv;
		struct ival r;

		for (i = 0; i < F->n; i++)
			if (coef_of(G, F->key[i]) != sigma * F->coef[i])
				break;
		if (i < F->n)
			continue;
		for (i = 0; i < G->n; i++) {
			if (coef_of(F, G->key[i]))
				continue;
			if (y)
				break;
			y = G->key[i];
			cy = G->coef[i];
		}
		if (i < G->n || !y)
			continue;
		yp = st_find(s, y);
		if (!yp)
			yp = st_find(&f->memo, y);
		if (!yp || yp->np || yp->ptop || yp->iv.nt)
			return 0;
		yv = *yp;
		r = iv_sub(*g, iv_mul(iv_const(cy), iv_range(yv.iv.lo,
							  yv.iv.hi)));
		*out = sigma < 0 ? iv_neg(r) : r;
		return 1;
	}
	return 0;
}

static struct ival meet(struct ival a, struct ival b)
{
	return iv_range(a.lo > b.lo ? a.lo : b.lo, a.hi < b.hi ? a.hi : b.hi);
}

/* 1 when every path of l has coefficient 1 and steps by ones (or not at
 * all): then a bound a guard put on the sum (`if (a + b > size)
 * return;`) is attained on the path that passed it, as a unit-stride
 * index attains its loop bound. A bound derived through another path,
 * or on a form that steps by more (off += 4), is not. */
static int unit_form(struct eng_fn *f, const struct lin *l)
{
	long long step;
	int based, i;

	for (i = 0; i < l->n; i++)
		if (l->coef[i] != 1 ||
		    !eng_var_steps(f, l->cur[i], &step, &based) ||
		    step != 1)
			return 0;
	return l->n > 0;
}

void eng_lin_narrow(struct eng_fn *f, struct state *s, CXCursor c,
		    struct val *v)
{
	struct lin l = { 0 };
	struct ival b, fr;
	const struct val *fv;
	const char *key;
	unsigned i;
	int sign, found = 0;

	if (v->np || v->ptop || s->dead || !eng_rel_any_path_form(s))
		return;
	if (lin_rec(f, s, c, 1, &l, 0))
		return;
	sign = lin_canon(&l);
	if (!l.n)
		return;
	key = lin_key(f, &l);
	fv = key ? st_find(s, key) : NULL;
	fr = iv_range(IV_NINF, IV_PINF);
	if (fv && !fv->np) {
		fr = meet(fr, fv->iv);
		found = 1;
	}
	for (i = 0; i < s->n; i++) {
		const char *k = s->e[i].key;
		struct lin g;
		struct ival d;

		if (!eng_rel_is_path_form(k) || k == key || s->e[i].v.np ||
		    lin_parse(f, k, &g) ||
		    !derive(f, s, &l, &g, &s->e[i].v.iv, &d))
			continue;
		fr = meet(fr, d);
		found = 1;
	}
	if (!found)
		return;
	/* value = sign * (F + k) */
	b = iv_add(iv_range(fr.lo, fr.hi), iv_const(l.k));
	if (sign < 0)
		b = iv_neg(b);
	if (b.lo > v->iv.lo)
		v->iv.lo = b.lo;
	if (b.hi < v->iv.hi) {
		v->iv.hi = b.hi;
		v->iv.reach = sign > 0 && fv && !fv->np &&
			      fr.hi == fv->iv.hi && unit_form(f, &l);
	}
	if (v->iv.lo > v->iv.hi)
		v->iv.lo = v->iv.hi;
}
