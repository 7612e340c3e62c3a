/* refine.c - narrowing values from a comparison: pointers against NULL or
 * other pointers, integers against bounds (with the variable's stride,
 * so that i < n with i stepping by 4 gives i <= n - 4). */
#include "check/interp/interp.h"

#include <string.h>

enum CXBinaryOperatorKind eng_op_negate(enum CXBinaryOperatorKind op)
{
	switch (op) {
	case CXBinaryOperator_LT: return CXBinaryOperator_GE;
	case CXBinaryOperator_GE: return CXBinaryOperator_LT;
	case CXBinaryOperator_GT: return CXBinaryOperator_LE;
	case CXBinaryOperator_LE: return CXBinaryOperator_GT;
	case CXBinaryOperator_EQ: return CXBinaryOperator_NE;
	default: return CXBinaryOperator_EQ;
	}
}

enum CXBinaryOperatorKind eng_op_flip(enum CXBinaryOperatorKind op)
{
	switch (op) {
	case CXBinaryOperator_LT: return CXBinaryOperator_GT;
	case CXBinaryOperator_GT: return CXBinaryOperator_LT;
	case CXBinaryOperator_LE: return CXBinaryOperator_GE;
	case CXBinaryOperator_GE: return CXBinaryOperator_LE;
	default: return op;
	}
}

/* Keeps only the elements that pass keep(); returns the number left. */
unsigned eng_filter_pels(struct val *v, int keep_null, int keep_err,
			    int keep_obj)
{
	unsigned i, j = 0;

	for (i = 0; i < v->np; i++) {
		int k = v->p[i].kind;

		if ((k == PK_NULL && keep_null) || (k == PK_ERR && keep_err) ||
		    ((k == PK_OBJ || k == PK_FREED) && keep_obj))
			v->p[j++] = v->p[i];
	}
	v->np = j;
	return j;
}

void eng_refine_ptr(struct eng_fn *f, struct state *s, CXCursor e,
		       int nonnull)
{
	const char *key = eng_key(f, e);
	struct val v;

	if (!key)
		return;
	v = eng_read_key(f, s, key, cx_type(e));
	if (!v.np && !v.ptop)
		return;
	if (nonnull) {
		if (!eng_filter_pels(&v, 0, 1, 1) && !v.ptop) {
			s->dead = 1;
			return;
		}
	} else {
		int had_null = 0;
		unsigned i;

		for (i = 0; i < v.np; i++)
			if (v.p[i].kind == PK_NULL)
				had_null = 1;
		if (!had_null && !v.ptop && v.np) {
			/* only allocations and unknown objects: they may
			 * still be NULL (failure); treat as NULL */
			int unknown = 0;

			for (i = 0; i < v.np; i++)
				if (v.p[i].kind == PK_OBJ &&
				    ir_obj(&f->t->objs, v.p[i].obj)->origin ==
				    PO_UNKNOWN)
					unknown = 1;
			if (!unknown) {
				s->dead = 1;
				return;
			}
		}
		v = val_null();
	}
	st_set(s, key, &v);
}

/* 1 unless local variable e of f changes by other steps than +1/-1 (see
 * eng_var_steps). */
static int unit_stride(struct eng_fn *f, CXCursor e)
{
	long long step;
	int based;

	return eng_var_steps(f, e, &step, &based) && step == 1;
}

/* A loop index that steps by s from a multiple of s, run to i < ksize()
 * (a multiple of 8 in every bucket): its last value is ksize() - s, and
 * that value is attained. */
static void stride_to_ksize(struct eng_fn *f, CXCursor e, struct ival *v,
			    const struct ival *bound)
{
	long long step;
	int based;

	if (!v->nt || !iv_same_form(v, bound) ||
	    !iv_single_sym(bound) || !eng_has_ksize_term(f->t, bound) ||
	    bound->shi % 8 != 0 || v->shi != bound->shi - 1)
		return;
	if (!eng_var_steps(f, e, &step, &based) || step <= 1 || 8 % step ||
	    !based)
		return;
	v->shi = bound->shi - step;
	v->sreach = bound->sreach || bound->slo == bound->shi;
}

/* A variable that takes only multiples of s (i = 0; i < 8192; i += 4):
 * its bounds are multiples of s too, and the last one is attained when
 * the loop runs to a constant or attained bound. */
static void stride_round(struct eng_fn *f, CXCursor e, struct ival *iv,
			 const struct ival *other)
{
	long long step, lo, hi;
	int based;

	if (iv->nt)
		return;
	if ((!eng_var_steps(f, e, &step, &based) || step <= 1 || !based) &&
	    (!eng_loop_steps(f, e, &step, &based) || !based))
		return;
	if (iv->hi < IV_PINF) {
		hi = iv_floor_div(iv->hi, step) * step;
		if (hi < iv->hi) {
			iv->hi = hi;
			iv->reach = iv_is_const(other, NULL) || other->reach;
		}
	}
	if (iv->lo > IV_NINF) {
		lo = -iv_floor_div(-iv->lo, step) * step;
		if (lo > iv->lo)
			iv->lo = lo;
	}
}

/* Narrows iv, the value of e, by "e OP other". unit: e steps by one
 * unit of iv when it changes (so a bound it runs to is attained).
 * Returns 0, or 1 if the condition cannot hold. */
static int narrow(struct eng_fn *f, CXCursor e, struct ival *iv,
		  enum CXBinaryOperatorKind op, const struct ival *other,
		  int prefer, int unit)
{
	long long c, old_hi = iv->hi;
	struct ival old = *iv;

	switch (op) {
	case CXBinaryOperator_LT:
		iv_assume_le(iv, other, -1, prefer);
		break;
	case CXBinaryOperator_LE:
		iv_assume_le(iv, other, 0, prefer);
		break;
	case CXBinaryOperator_GT:
		iv_assume_ge(iv, other, 1);
		break;
	case CXBinaryOperator_GE:
		iv_assume_ge(iv, other, 0);
		break;
	case CXBinaryOperator_EQ:
		iv_assume_le(iv, other, 0, prefer);
		iv_assume_ge(iv, other, 0);
		break;
	case CXBinaryOperator_NE:
		if (iv_is_const(other, &c)) {
			if (iv->lo == c)
				iv->lo++;
			else if (iv->hi == c)
				iv->hi--;
		}
		/* i != n with i <= n: i <= n - 1 (symbolically; for a form
		 * divided by den, one less is den less in the numerator) */
		if (iv->nt && other->nt && iv_same_form(iv, other) &&
		    other->slo == other->shi && iv->shi == other->shi) {
			iv->shi -= iv->den;
			iv->sreach = 0;
		}
		break;
	default:
		return 0;
	}
	if (iv->lo > iv->hi)
		return 1;
	/* the new upper end is attained when the bound's is and the
	 * variable steps by one (a loop index run to its bound) */
	if (iv->hi < old_hi)
		iv->reach = (iv_is_const(other, NULL) || other->reach) && unit;
	if (iv->nt && (iv->nt != old.nt || iv->shi != old.shi ||
		       !iv_same_form(iv, &old)))
		iv->sreach = ((other->nt && other->slo == other->shi) ||
			      other->sreach) && unit;
	if (prefer && op == CXBinaryOperator_LT && !iv->sreach)
		stride_to_ksize(f, e, iv, other);
	else if (iv->hi < old_hi || iv->lo > old.lo)
		stride_round(f, e, iv, other);
	return iv->lo > iv->hi;
}

int eng_has_ksize_term(const struct eng_tu *t, const struct ival *iv)
{
	for (int i = 0; i < iv->nt; i++) {
		const struct prov_sym *ps = ir_sym(&t->objs, iv->sym[i]);

		if (ps && ps->kind == SYM_KSIZE)
			return 1;
	}
	return 0;
}

/* e is x + c or x - c (c a constant): *x and the c to subtract from
 * the other side of a comparison to compare x instead. */
static int split_add_const(CXCursor e, CXCursor *x, long long *c)
{
	struct cx_kids k;
	enum CXBinaryOperatorKind op;

	e = cx_strip(e);
	if (clang_getCursorKind(e) != CXCursor_BinaryOperator)
		return 0;
	op = cx_binop(e);
	if (op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub)
		return 0;
	cx_children(e, &k);
	if (k.n != 2)
		return 0;
	if (cx_eval_int(k.k[1], c)) {
		*x = k.k[0];
		if (op == CXBinaryOperator_Sub)
			*c = -*c;
		return *c > -(1LL << 40) && *c < (1LL << 40);
	}
	if (op == CXBinaryOperator_Add && cx_eval_int(k.k[0], c)) {
		*x = k.k[1];
		return *c > -(1LL << 40) && *c < (1LL << 40);
	}
	return 0;
}

/* p - q OP other with p and q into one object (`if (p - buf > n)
 * return; *++p = c;`): narrows p's byte offset by q's plus other
 * elements, as a pointer compared with q + other would be. 1 if e was
 * such a difference (refined or not), else 0. */
static int refine_ptr_diff(struct eng_fn *f, struct state *s, CXCursor e,
			   enum CXBinaryOperatorKind op,
			   const struct val *other)
{
	struct cx_kids k;
	struct val q, bound;
	long long esz;

	e = cx_strip(e);
	if (clang_getCursorKind(e) != CXCursor_BinaryOperator ||
	    cx_binop(e) != CXBinaryOperator_Sub)
		return 0;
	cx_children(e, &k);
	if (k.n != 2 || !cx_is_pointer(cx_type(k.k[0])) ||
	    !cx_is_pointer(cx_type(k.k[1])))
		return 0;
	esz = cx_pointee_size(cx_type(k.k[0]));
	if (esz <= 0 || other->np || (other->iv.nt && esz != 1))
		return 1;
	q = eng_eval(f, s, k.k[1]);
	if (q.ptop || q.np != 1 || q.p[0].kind != PK_OBJ ||
	    !iv_is_const(&q.p[0].off, NULL))
		return 1;
	/* whole elements: p - q < c is p - q <= c - 1, and so on */
	bound = q;
	bound.p[0].off = esz == 1 ? iv_add(q.p[0].off, other->iv) :
		iv_add(q.p[0].off, iv_mul(iv_const(esz), other->iv));
	if (op == CXBinaryOperator_LT) {
		bound.p[0].off = iv_add(bound.p[0].off, iv_const(-esz));
		op = CXBinaryOperator_LE;
	} else if (op == CXBinaryOperator_GT) {
		bound.p[0].off = iv_add(bound.p[0].off, iv_const(esz));
		op = CXBinaryOperator_GE;
	}
	bound.p[0].off.reach = iv_is_const(&other->iv, NULL) ||
			       other->iv.reach;
	bound.p[0].off.sreach = other->iv.sreach ||
		(other->iv.nt && other->iv.slo == other->iv.shi);
	eng_refine_ptr_cmp(f, s, k.k[0], op, &bound);
	return 1;
}

/* Paths other than key that hold exactly v0 (one form of symbols with
 * no slack: `count = list->used` reads the symbol list->used holds) are
 * the same number as key's, so key's narrowed value nv bounds them too
 * (within their own range): `BUG_ON(list->used >= list->cap)` bounds
 * count, and an index that left a search loop at count. */
static void narrow_equals(struct state *s, const char *key,
			  const struct ival *v0, const struct ival *nv)
{
	unsigned i;

	if (!v0->nt || v0->slo != v0->shi)
		return;
	for (i = 0; i < s->n; i++) {
		struct val *w = &s->e[i].v;
		struct ival n = *nv;

		if (s->e[i].key == key || path_is_slot(s->e[i].key) ||
		    w->np || w->ptop || !iv_same_form(&w->iv, v0) ||
		    w->iv.slo != v0->slo || w->iv.shi != v0->shi)
			continue;
		if (w->iv.lo > n.lo)
			n.lo = w->iv.lo;
		if (w->iv.hi < n.hi)
			n.hi = w->iv.hi;
		if (n.lo <= n.hi)
			w->iv = n;
	}
}

void eng_refine_int(struct eng_fn *f, struct state *s, CXCursor e,
		       enum CXBinaryOperatorKind op, const struct val *other)
{
	struct ival v0;
	const char *key = eng_key(f, e);
	struct val v;

	if (refine_ptr_diff(f, s, e, op, other))
		return;
	if (other->np)
		return;
	if (!key) {
		/* i + 1 < n: i < n - 1 */
		CXCursor x;
		long long c;

		if (split_add_const(e, &x, &c)) {
			struct val o2 = *other;

			o2.iv = iv_add(other->iv, iv_const(-c));
			o2.iv.reach = other->iv.reach;
			o2.iv.sreach = other->iv.sreach;
			eng_refine_int(f, s, x, op, &o2);
		}
		return;
	}
	/* a[] stands for every element: a test of one says nothing of the
	 * others (buf[0] != 2 does not make buf[4] 2) */
	if (path_has_step(key, PATH_STEP_ELEM))
		return;
	v = eng_read_key(f, s, key, cx_type(e));
	if (v.np || v.ptop)
		return;
	v0 = v.iv;
	if (narrow(f, e, &v.iv, op, &other->iv,
		   eng_has_ksize_term(f->t, &other->iv), unit_stride(f, e))) {
		s->dead = 1;
		return;
	}
	st_set(s, key, &v);
	narrow_equals(s, key, &v0, &v.iv);
}

/* p < end with both into one object (end = buf + ksize(buf), a pointer
 * loop): narrows p's byte offset. A step of p++ is a unit of the offset
 * only for byte pointers. */
void eng_refine_ptr_cmp(struct eng_fn *f, struct state *s, CXCursor e,
			   enum CXBinaryOperatorKind op,
			   const struct val *other)
{
	const char *key = eng_key(f, e);
	struct val v;
	unsigned i, n = 0, at = 0;

	if (!key || other->ptop || other->np != 1 ||
	    other->p[0].kind != PK_OBJ)
		return;
	v = eng_read_key(f, s, key, cx_type(e));
	if (v.ptop)
		return;
	/* the one object p points to; a NULL or ERR_PTR element (p set
	 * before the allocation's NULL test) is left as it is */
	for (i = 0; i < v.np; i++) {
		if (v.p[i].kind == PK_NULL || v.p[i].kind == PK_ERR)
			continue;
		if (v.p[i].kind != PK_OBJ || n++)
			return;
		at = i;
	}
	if (n != 1 || v.p[at].obj != other->p[0].obj)
		return;
	if (narrow(f, e, &v.p[at].off, op, &other->p[0].off,
		   eng_has_ksize_term(f->t, &other->p[0].off),
		   cx_pointee_size(cx_type(e)) == 1 &&
		   unit_stride(f, e))) {
		if (v.np == 1)
			s->dead = 1;
		return;
	}
	st_set(s, key, &v);
}

int eng_is_null_val(const struct val *v)
{
	unsigned i;

	if (v->ptop)
		return 0;
	if (!v->np)
		return iv_is_const(&v->iv, NULL) && v->iv.lo == 0;
	for (i = 0; i < v->np; i++)
		if (v->p[i].kind != PK_NULL)
			return 0;
	return 1;
}
