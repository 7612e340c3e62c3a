/* interp_stmt.c - abstract execution of statements: if/else, loops to a
 * fixed point, switch with fall-through and default, goto/labels,
 * break/continue/return, and assume() that prunes paths on conditions
 * (comparisons, NULL tests, IS_ERR-like predicates of the apidb). */
#include "check/engine.h"

#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#define LOOP_MAX_ROUNDS 8
#define LOOP_WIDEN_AFTER 2
#define BACK_MAX_RUNS 6
#define BACK_WIDEN_AFTER 2

static void join_into(struct eng_fn *f, struct state *dst,
		      const struct state *src)
{
	if (eng_join(f, dst, src, 0))
		f->t->oom = 1;
}

/* ---- assume ---- */

static enum CXBinaryOperatorKind negate(enum CXBinaryOperatorKind op)
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

static enum CXBinaryOperatorKind flip(enum CXBinaryOperatorKind op)
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
static unsigned filter_pels(struct val *v, int keep_null, int keep_err,
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

static void refine_ptr(struct eng_fn *f, struct state *s, CXCursor e,
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
		if (!filter_pels(&v, 0, 1, 1) && !v.ptop) {
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
	    bound->nt != 1 || bound->coef[0] != 1 || bound->den != 1 ||
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

static int has_ksize_sym(struct eng_fn *f, const struct ival *iv)
{
	for (int i = 0; i < iv->nt; i++) {
		const struct prov_sym *ps = ir_sym(&f->t->objs, iv->sym[i]);

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

static void refine_int(struct eng_fn *f, struct state *s, CXCursor e,
		       enum CXBinaryOperatorKind op, const struct val *other)
{
	const char *key = eng_key(f, e);
	struct val v;

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
			refine_int(f, s, x, op, &o2);
		}
		return;
	}
	/* a[] stands for every element: a test of one says nothing of the
	 * others (buf[0] != 2 does not make buf[4] 2) */
	if (strstr(key, "[]"))
		return;
	v = eng_read_key(f, s, key, cx_type(e));
	if (v.np || v.ptop)
		return;
	if (narrow(f, e, &v.iv, op, &other->iv, has_ksize_sym(f, &other->iv),
		   unit_stride(f, e))) {
		s->dead = 1;
		return;
	}
	st_set(s, key, &v);
}

/* p < end with both into one object (end = buf + ksize(buf), a pointer
 * loop): narrows p's byte offset. A step of p++ is a unit of the offset
 * only for byte pointers. */
static void refine_ptr_cmp(struct eng_fn *f, struct state *s, CXCursor e,
			   enum CXBinaryOperatorKind op,
			   const struct val *other)
{
	const char *key = eng_key(f, e);
	struct val v;

	if (!key || other->ptop || other->np != 1 ||
	    other->p[0].kind != PK_OBJ)
		return;
	v = eng_read_key(f, s, key, cx_type(e));
	if (v.ptop || v.np != 1 || v.p[0].kind != PK_OBJ ||
	    v.p[0].obj != other->p[0].obj)
		return;
	if (narrow(f, e, &v.p[0].off, op, &other->p[0].off,
		   has_ksize_sym(f, &other->p[0].off),
		   cx_pointee_size(cx_type(e)) == 1 &&
		   unit_stride(f, e))) {
		s->dead = 1;
		return;
	}
	st_set(s, key, &v);
}

static int is_null_val(const struct val *v)
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

static void assume_cmp(struct eng_fn *f, struct state *s, CXCursor c,
		       int truth)
{
	enum CXBinaryOperatorKind op = cx_binop(c);
	struct cx_kids k;
	struct val a, b;
	long long ca, cb;

	cx_children(c, &k);
	if (k.n != 2)
		return;
	a = eng_eval(f, s, k.k[0]);
	b = eng_eval(f, s, k.k[1]);
	if (s->dead)
		return;
	if (!truth)
		op = negate(op);
	if (cx_is_pointer(cx_type(k.k[0])) ||
	    cx_is_pointer(cx_type(k.k[1]))) {
		if (op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE) {
			refine_ptr_cmp(f, s, k.k[0], op, &b);
			if (!s->dead)
				refine_ptr_cmp(f, s, k.k[1], flip(op), &a);
			return;
		}
		if (is_null_val(&b))
			refine_ptr(f, s, k.k[0], op == CXBinaryOperator_NE);
		else if (is_null_val(&a))
			refine_ptr(f, s, k.k[1], op == CXBinaryOperator_NE);
		return;
	}
	if (!a.np && !b.np && iv_is_const(&a.iv, &ca) &&
	    iv_is_const(&b.iv, &cb)) {
		int r;

		switch (op) {
		case CXBinaryOperator_LT: r = ca < cb; break;
		case CXBinaryOperator_GT: r = ca > cb; break;
		case CXBinaryOperator_LE: r = ca <= cb; break;
		case CXBinaryOperator_GE: r = ca >= cb; break;
		case CXBinaryOperator_EQ: r = ca == cb; break;
		default: r = ca != cb; break;
		}
		if (!r)
			s->dead = 1;
		return;
	}
	refine_int(f, s, k.k[0], op, &b);
	if (!s->dead)
		refine_int(f, s, k.k[1], flip(op), &a);
	/* after refine_int, which knows strides and reached bounds of a
	 * plain operand: relations, and single variables inside sums */
	if (!s->dead)
		eng_lin_assume(f, s, k.k[0], k.k[1], op);
	if (s->dead || a.np || b.np)
		return;
	switch (op) {
	case CXBinaryOperator_LT:
		eng_rel_record(f, s, &a.iv, &b.iv, -1);
		break;
	case CXBinaryOperator_LE:
		eng_rel_record(f, s, &a.iv, &b.iv, 0);
		break;
	case CXBinaryOperator_GT:
		eng_rel_record(f, s, &b.iv, &a.iv, -1);
		break;
	case CXBinaryOperator_GE:
		eng_rel_record(f, s, &b.iv, &a.iv, 0);
		break;
	default:
		break;
	}
}

static int assume_pred(struct eng_fn *f, struct state *s, CXCursor c,
		       int truth)
{
	char nbuf[128];
	const char *name = cx_callee_name(c, nbuf, sizeof(nbuf));
	const struct apidb_fn *api;
	CXCursor arg;
	const char *key;
	struct val v;

	if (!name)
		return 0;
	if (!strcmp(name, "__builtin_expect") &&
	    clang_Cursor_getNumArguments(c) >= 1) {
		eng_assume(f, s, clang_Cursor_getArgument(c, 0), truth);
		return 1;
	}
	api = apidb_lookup(f->t->env->api, name);
	if (!api || api->kind != APIDB_PRED ||
	    api->arg >= clang_Cursor_getNumArguments(c))
		return 0;
	eng_effect(f, s, c);
	arg = clang_Cursor_getArgument(c, api->arg);
	key = eng_key(f, arg);
	if (!key || s->dead)
		return 1;
	v = eng_read_key(f, s, key, cx_type(cx_strip(arg)));
	if (truth) {
		unsigned left = filter_pels(&v, api->query ==
					    APIDB_P_ISERR_OR_NULL, 1, 0);
		int unknown = v.ptop;

		if (!left && !unknown) {
			struct val old = eng_read_key(f, s, key,
						      cx_type(
							cx_strip(arg)));
			unsigned i;

			for (i = 0; i < old.np; i++)
				if (old.p[i].kind == PK_OBJ &&
				    ir_obj(&f->t->objs, old.p[i].obj)->origin
				    == PO_UNKNOWN)
					unknown = 1;
			if (!unknown) {
				s->dead = 1;
				return 1;
			}
			return 1;
		}
	} else {
		filter_pels(&v, api->query != APIDB_P_ISERR_OR_NULL, 0, 1);
		if (!v.np && !v.ptop) {
			s->dead = 1;
			return 1;
		}
	}
	st_set(s, key, &v);
	return 1;
}

static void split_clear(struct eng_fn *f)
{
	if (!f->split_key)
		return;
	f->split_key = NULL;
	st_release(&f->split_z);
	st_release(&f->split_nz);
	st_release(&f->split_after);
}

/* `x = call();` then `if (x)`, `if (!x)`, `if (x < 0)`, `if (x != 0)`:
 * continue in the callee's exit states for that return value. */
static int split_use(struct eng_fn *f, struct state *s, CXCursor c,
		     int truth)
{
	struct state *pick;
	const char *key;
	struct cx_kids k;

	if (!f->split_key)
		return 0;
	c = cx_strip(c);
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = cx_binop(c);
		long long cv;

		cx_children(c, &k);
		if (k.n != 2 || !cx_eval_int(k.k[1], &cv) || cv != 0)
			return 0;
		if (op == CXBinaryOperator_EQ)
			truth = !truth;
		else if (op == CXBinaryOperator_LT) {
			if (!truth)
				return 0;
		} else if (op != CXBinaryOperator_NE) {
			return 0;
		}
		c = k.k[0];
	}
	key = eng_key(f, c);
	if (key != f->split_key || !st_equal(s, &f->split_after))
		return 0;
	pick = truth ? &f->split_nz : &f->split_z;
	st_release(s);
	if (st_copy(s, pick))
		st_init_dead(s);
	return 1;
}

static void split_keep(struct eng_fn *f, struct state *s, const char *key,
		       const struct val *vp, struct state *zp,
		       struct state *nzp);

/* Runs `lhs = call` (call of a same-TU function) keeping the split. */
static int split_assign(struct eng_fn *f, struct state *s, CXCursor lhs,
			CXCursor rhs, const char *key)
{
	struct state z, nz;
	struct val v;

	if (!key || !eng_eval_split(f, s, rhs, &v, &z, &nz))
		return 0;
	eng_store(f, s, lhs, &v);
	split_keep(f, s, key, &v, &z, &nz);
	return 1;
}

/* After `key = call()` ran with exit states z (returned 0) and nz:
 * remembers them for a following test of key (split_use). */
static void split_keep(struct eng_fn *f, struct state *s, const char *key,
		       const struct val *vp, struct state *zp,
		       struct state *nzp)
{
	struct state z = *zp, nz = *nzp;
	struct val v = *vp;

	if (!z.dead) {
		struct val zero = val_int(iv_const(0));

		if (v.np)
			zero = val_null();
		st_kill_under(&z, key);
		st_set(&z, key, &zero);
	}
	if (!nz.dead) {
		st_kill_under(&nz, key);
		st_set(&nz, key, &v);
	}
	split_clear(f);
	f->split_key = key;
	f->split_z = z;
	f->split_nz = nz;
	if (st_copy(&f->split_after, s)) {
		st_release(&f->split_z);
		st_release(&f->split_nz);
		f->split_key = NULL;
	}
}

void eng_assume(struct eng_fn *f, struct state *s, CXCursor c, int truth)
{
	struct cx_kids k;
	struct val v;
	CXType ty;

	if (s->dead || eng_tick(f))
		return;
	if (split_use(f, s, c, truth))
		return;
	c = cx_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryOperator:
		if (cx_unop(c) == CXUnaryOperator_LNot) {
			cx_children(c, &k);
			if (k.n == 1) {
				eng_assume(f, s, k.k[0], !truth);
				return;
			}
		}
		break;
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind op = cx_binop(c);

		cx_children(c, &k);
		if (k.n != 2)
			break;
		if ((op == CXBinaryOperator_LAnd && truth) ||
		    (op == CXBinaryOperator_LOr && !truth)) {
			eng_assume(f, s, k.k[0], truth);
			eng_assume(f, s, k.k[1], truth);
			return;
		}
		if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			struct state s2;

			if (st_copy(&s2, s))
				return;
			/* first operand decides */
			eng_assume(f, s, k.k[0], truth);
			eng_assume(f, &s2, k.k[0], !truth);
			eng_assume(f, &s2, k.k[1], truth);
			join_into(f, s, &s2);
			st_release(&s2);
			return;
		}
		if (op == CXBinaryOperator_Comma) {
			eng_effect(f, s, k.k[0]);
			eng_assume(f, s, k.k[1], truth);
			return;
		}
		if (op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE) {
			assume_cmp(f, s, c, truth);
			return;
		}
		break;
	}
	case CXCursor_CallExpr: {
		struct state z, nz;

		if (assume_pred(f, s, c, truth))
			return;
		if (eng_eval_split(f, s, c, &v, &z, &nz)) {
			st_release(s);
			if (truth) {
				st_move(s, &nz);
				st_release(&z);
			} else {
				st_move(s, &z);
				st_release(&nz);
			}
			return;
		}
		break;
	}
	default:
		break;
	}
	v = eng_eval(f, s, c);
	if (s->dead)
		return;
	ty = cx_canon_type(c);
	if (ty.kind == CXType_Pointer) {
		refine_ptr(f, s, c, truth);
		return;
	}
	if (!v.np && iv_is_const(&v.iv, NULL)) {
		if ((v.iv.lo != 0) != truth)
			s->dead = 1;
		return;
	}
	if (!v.np && (v.iv.lo > 0 || v.iv.hi < 0) && !truth) {
		s->dead = 1;
		return;
	}
	if (cx_is_integer(ty)) {
		struct val zero = val_int(iv_const(0));

		refine_int(f, s, c, truth ? CXBinaryOperator_NE :
					    CXBinaryOperator_EQ, &zero);
	}
}

/* ---- loops ---- */

static int is_update(CXCursor c)
{
	enum CXCursorKind k;

	c = cx_strip(c);
	k = clang_getCursorKind(c);
	if (k == CXCursor_DeclStmt || k == CXCursor_CompoundAssignOperator)
		return 1;
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = cx_binop(c);

		if (op == CXBinaryOperator_Assign)
			return 1;
		if (op == CXBinaryOperator_Comma) {
			struct cx_kids kk;

			cx_children(c, &kk);
			return kk.n == 2 && is_update(kk.k[1]);
		}
		return 0;
	}
	if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = cx_unop(c);

		return op == CXUnaryOperator_PostInc ||
		       op == CXUnaryOperator_PostDec ||
		       op == CXUnaryOperator_PreInc ||
		       op == CXUnaryOperator_PreDec;
	}
	return 0;
}

/* One more round of a loop from its fixpoint head, judging accesses.
 * Accesses are judged in the first round (the values on entry: a real
 * path) and in this one (every round), not in the rounds between, whose
 * partial joins (n = nr_pages after one step of an inner loop bounded by
 * an unknown) would be taken for bounds the loop does not keep. Its
 * states are dropped. */
static void judge_round(struct eng_fn *f, const struct state *head,
			CXCursor cond, CXCursor inc, CXCursor body,
			int do_while)
{
	struct jump j;
	struct state cur;

	if (f->t->quiet || f->t->pass != 1 || head->dead ||
	    f->t->over_budget || f->njumps >= 64 || st_copy(&cur, head))
		return;
	memset(&j, 0, sizeof(j));
	st_init_dead(&j.brk);
	st_init_dead(&j.cont);
	j.is_loop = 1;
	if (!do_while && !clang_Cursor_isNull(cond))
		eng_assume(f, &cur, cond, 1);
	f->jumps[f->njumps++] = &j;
	eng_exec(f, &cur, body);
	f->njumps--;
	join_into(f, &cur, &j.cont);
	if (do_while && !clang_Cursor_isNull(cond))
		eng_assume(f, &cur, cond, 1);
	if (!clang_Cursor_isNull(inc))
		eng_effect(f, &cur, inc);
	st_release(&cur);
	st_release(&j.brk);
	st_release(&j.cont);
}

static void run_loop(struct eng_fn *f, struct state *s, CXCursor cond,
		     CXCursor inc, CXCursor body, int do_while)
{
	struct jump j;
	struct state head, exitst, cur, tmp;
	int round;

	if (f->njumps >= 64) {
		st_release(s);
		st_init_dead(s);
		return;
	}
	memset(&j, 0, sizeof(j));
	st_init_dead(&j.brk);
	st_init_dead(&j.cont);
	j.is_loop = 1;
	st_init_dead(&exitst);
	st_init_dead(&head);
	st_move(&head, s);
	for (round = 0; round < LOOP_MAX_ROUNDS; round++) {
		if (round == 1)
			f->t->quiet++;
		if (st_copy(&cur, &head)) {
			f->t->oom = 1;
			break;
		}
		if (!do_while && !clang_Cursor_isNull(cond)) {
			if (!st_copy(&tmp, &cur)) {
				eng_assume(f, &tmp, cond, 0);
				join_into(f, &exitst, &tmp);
				st_release(&tmp);
			}
			eng_assume(f, &cur, cond, 1);
		}
		f->jumps[f->njumps++] = &j;
		eng_exec(f, &cur, body);
		f->njumps--;
		join_into(f, &cur, &j.cont);
		st_release(&j.cont);
		st_init_dead(&j.cont);
		if (do_while && !clang_Cursor_isNull(cond)) {
			if (!st_copy(&tmp, &cur)) {
				eng_assume(f, &tmp, cond, 0);
				join_into(f, &exitst, &tmp);
				st_release(&tmp);
			}
			eng_assume(f, &cur, cond, 1);
		}
		if (!clang_Cursor_isNull(inc))
			eng_effect(f, &cur, inc);
		if (st_copy(&tmp, &head)) {
			st_release(&cur);
			break;
		}
		if (eng_join(f, &tmp, &cur,
			    round >= LOOP_WIDEN_AFTER))
			f->t->oom = 1;
		st_release(&cur);
		if (st_equal(&tmp, &head) || f->t->over_budget) {
			st_release(&tmp);
			break;
		}
		st_move(&head, &tmp);
	}
	if (round >= 1) {
		f->t->quiet--;
		judge_round(f, &head, cond, inc, body, do_while);
	}
	st_release(&head);
	join_into(f, &exitst, &j.brk);
	st_release(&j.brk);
	st_release(&j.cont);
	st_move(s, &exitst);
}

static void exec_for(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	CXCursor init = clang_getNullCursor(), cond = init, inc = init;
	CXCursor body;
	unsigned n;

	cx_children(c, &k);
	if (!k.n)
		return;
	body = k.k[k.n - 1];
	n = k.n - 1;
	if (n == 3) {
		init = k.k[0];
		cond = k.k[1];
		inc = k.k[2];
	} else if (n == 2) {
		if (!is_update(k.k[0])) {
			cond = k.k[0];
			inc = k.k[1];
		} else if (is_update(k.k[1])) {
			init = k.k[0];
			inc = k.k[1];
		} else {
			init = k.k[0];
			cond = k.k[1];
		}
	} else if (n == 1) {
		if (clang_getCursorKind(k.k[0]) == CXCursor_DeclStmt)
			init = k.k[0];
		else if (is_update(k.k[0]))
			inc = k.k[0];
		else
			cond = k.k[0];
	}
	if (!clang_Cursor_isNull(init))
		eng_exec(f, s, init);
	{
		CXCursor of = f->cur_for, oi = f->cur_init;

		f->cur_for = c;
		f->cur_init = init;
		run_loop(f, s, cond, inc, body, 0);
		f->cur_for = of;
		f->cur_init = oi;
	}
}

/* ---- switch ---- */

struct sw_ctx {
	struct state entry;
	CXCursor cond;
	int has_default;
};


static int find_default(CXCursor c, int depth)
{
	struct cx_kids k;
	unsigned i;
	enum CXCursorKind kind = clang_getCursorKind(c);

	if (kind == CXCursor_DefaultStmt)
		return 1;
	if (kind == CXCursor_SwitchStmt || depth > 6)
		return 0;
	if (kind != CXCursor_CompoundStmt && kind != CXCursor_CaseStmt &&
	    kind != CXCursor_LabelStmt)
		return 0;
	cx_children(c, &k);
	for (i = 0; i < k.n; i++)
		if (find_default(k.k[i], depth + 1))
			return 1;
	return 0;
}

static void exec_switch(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	struct sw_ctx sw;
	struct jump j;

	cx_children(c, &k);
	if (k.n < 2 || f->njumps >= 64 || f->nswitches >= 32)
		return;
	eng_effect(f, s, k.k[k.n - 2]);
	memset(&sw, 0, sizeof(sw));
	sw.cond = k.k[k.n - 2];
	st_move(&sw.entry, s);
	sw.has_default = find_default(k.k[k.n - 1], 0);
	memset(&j, 0, sizeof(j));
	st_init_dead(&j.brk);
	st_init_dead(&j.cont);
	st_init_dead(s);
	f->jumps[f->njumps++] = &j;
	f->switches[f->nswitches++] = &sw;
	eng_exec(f, s, k.k[k.n - 1]);
	f->nswitches--;
	f->njumps--;
	join_into(f, s, &j.brk);
	if (!sw.has_default)
		join_into(f, s, &sw.entry);
	st_release(&j.brk);
	st_release(&j.cont);
	st_release(&sw.entry);
}

static void exec_case(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	struct sw_ctx *sw = f->nswitches ?
			     f->switches[f->nswitches - 1] : NULL;

	cx_children(c, &k);
	if (!k.n)
		return;
	if (sw) {
		struct state e;

		if (!st_copy(&e, &sw->entry)) {
			long long cv;
			const char *key = eng_key(f, sw->cond);

			if (clang_getCursorKind(c) == CXCursor_CaseStmt &&
			    key && k.n >= 2 && cx_eval_int(k.k[0], &cv)) {
				struct val v = eng_read_key(f, &e, key,
					cx_type(sw->cond));

				if (!v.np && !v.ptop &&
				    (cv < v.iv.lo || cv > v.iv.hi))
					e.dead = 1;
				else {
					v = val_int(iv_const(cv));
					st_set(&e, key, &v);
				}
			}
			join_into(f, s, &e);
			st_release(&e);
		}
	}
	eng_exec(f, s, k.k[k.n - 1]);
}

/* ---- labels ---- */

/* A backward goto: the state joins the label's back state (widening
 * after BACK_WIDEN_AFTER runs); the body is run again while it grows. */
static void back_goto(struct eng_fn *f, struct label_pend *lp,
		      const struct state *s)
{
	struct state tmp;

	if (s->dead)
		return;
	if (st_copy(&tmp, &lp->back)) {
		f->t->oom = 1;
		return;
	}
	if (eng_join(f, &tmp, s, f->back_round >= BACK_WIDEN_AFTER))
		f->t->oom = 1;
	if (!st_equal(&tmp, &lp->back))
		lp->back_grew = 1;
	st_release(&lp->back);
	st_move(&lp->back, &tmp);
}

static struct label_pend *label_get(struct eng_fn *f, CXCursor label)
{
	unsigned long long site = cx_site(label);
	size_t i;

	for (i = 0; i < f->nlabels; i++)
		if (f->labels[i].site == site)
			return &f->labels[i];
	if (f->nlabels == f->caplabels) {
		size_t nc = f->caplabels ? f->caplabels * 2 : 8;
		struct label_pend *nl = realloc(f->labels, nc * sizeof(*nl));

		if (!nl)
			return NULL;
		f->labels = nl;
		f->caplabels = nc;
	}
	memset(&f->labels[f->nlabels], 0, sizeof(*f->labels));
	f->labels[f->nlabels].site = site;
	st_init_dead(&f->labels[f->nlabels].st);
	st_init_dead(&f->labels[f->nlabels].back);
	return &f->labels[f->nlabels++];
}

/* ---- statements ---- */

/* -1: the value is 0 (or NULL), 1: it is not, 0: either. */
static int ret_class(struct eng_fn *f, const struct val *v)
{
	unsigned i;
	int null = 0, other = v->ptop;

	if (!v->np && !v->ptop) {
		if (iv_is_const(&v->iv, NULL) && v->iv.lo == 0)
			return -1;
		if (v->iv.lo > 0 || v->iv.hi < 0)
			return 1;
		return 0;
	}
	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind == PK_NULL)
			null = 1;
		else if (v->p[i].kind == PK_OBJ &&
			 ir_obj(&f->t->objs, v->p[i].obj)->origin ==
			 PO_UNKNOWN)
			null = other = 1;
		else
			other = 1;
	}
	if (null && !other)
		return -1;
	if (!null && other && !v->ptop)
		return 1;
	return 0;
}

struct exec_ctx {
	struct eng_fn *f;
	struct state *s;
};

static enum CXChildVisitResult exec_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct exec_ctx *ec = data;

	(void)parent;
	eng_exec(ec->f, ec->s, c);
	return CXChildVisit_Continue;
}

static void exec_decl(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	unsigned i;

	cx_children(c, &k);
	for (i = 0; i < k.n; i++) {
		CXCursor d = k.k[i], init;
		const char *key;
		char buf[300];
		CXString nm;
		struct val v;
		CXType ty;

		if (clang_getCursorKind(d) != CXCursor_VarDecl)
			continue;
		init = clang_Cursor_getVarDeclInitializer(d);
		if (clang_Cursor_getStorageClass(d) == CX_SC_Static) {
			continue;
		}
		ty = cx_canon_type(d);
		if (!clang_Cursor_isNull(init) && cx_is_integer(ty) &&
		    k.n == 1) {
			/* int ret = helper(); if (ret) ... */
			struct state z, nz;

			nm = clang_getCursorSpelling(d);
			snprintf(buf, sizeof(buf), "v%x:%s",
				 clang_hashCursor(d), clang_getCString(nm));
			clang_disposeString(nm);
			key = ir_intern(&f->t->keys, buf);
			if (key && eng_eval_split(f, s, init, &v, &z, &nz)) {
				st_kill_under(s, key);
				st_set(s, key, &v);
				split_keep(f, s, key, &v, &z, &nz);
				continue;
			}
		}
		v = clang_Cursor_isNull(init) ? val_top() :
						eng_eval(f, s, init);
		if (ty.kind == CXType_ConstantArray ||
		    ty.kind == CXType_Record)
			v = val_top();
		nm = clang_getCursorSpelling(d);
		snprintf(buf, sizeof(buf), "v%x:%s", clang_hashCursor(d),
			 clang_getCString(nm));
		clang_disposeString(nm);
		key = ir_intern(&f->t->keys, buf);
		if (!key)
			continue;
		st_kill_under(s, key);
		if (cx_is_integer(ty) && !v.np && iv_is_top(&v.iv))
			v = eng_read_key(f, &f->memo, key, ty);
		eng_note_ptr_type(f, ty, &v);
		st_set(s, key, &v);
		if (ty.kind == CXType_Pointer && !clang_Cursor_isNull(init))
			eng_def_record(f, s, key, init);
	}
}

void eng_exec(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;

	if (s->dead && clang_getCursorKind(c) != CXCursor_LabelStmt &&
	    clang_getCursorKind(c) != CXCursor_CaseStmt &&
	    clang_getCursorKind(c) != CXCursor_DefaultStmt &&
	    clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return;
	if (eng_tick(f))
		return;
	switch (clang_getCursorKind(c)) {
	case CXCursor_CompoundStmt: {
		struct exec_ctx ec = { f, s };

		clang_visitChildren(c, exec_cb, &ec);
		return;
	}
	case CXCursor_DeclStmt:
		exec_decl(f, s, c);
		return;
	case CXCursor_IfStmt: {
		struct state s2;

		cx_children(c, &k);
		if (k.n < 2)
			return;
		if (st_copy(&s2, s))
			return;
		eng_assume(f, &s2, k.k[0], 1);
		eng_exec(f, &s2, k.k[1]);
		eng_assume(f, s, k.k[0], 0);
		if (k.n >= 3)
			eng_exec(f, s, k.k[2]);
		join_into(f, s, &s2);
		st_release(&s2);
		return;
	}
	case CXCursor_WhileStmt:
		cx_children(c, &k);
		if (k.n == 2)
			run_loop(f, s, k.k[0], clang_getNullCursor(), k.k[1],
				 0);
		return;
	case CXCursor_DoStmt:
		cx_children(c, &k);
		if (k.n == 2)
			run_loop(f, s, k.k[1], clang_getNullCursor(), k.k[0],
				 1);
		return;
	case CXCursor_ForStmt:
		exec_for(f, s, c);
		return;
	case CXCursor_SwitchStmt:
		exec_switch(f, s, c);
		return;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		exec_case(f, s, c);
		return;
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt: {
		int brk = clang_getCursorKind(c) == CXCursor_BreakStmt;
		int n = f->njumps;

		while (n > 0 && !brk && !f->jumps[n - 1]->is_loop)
			n--;
		if (n > 0)
			join_into(f, brk ? &f->jumps[n - 1]->brk :
					   &f->jumps[n - 1]->cont, s);
		st_release(s);
		st_init_dead(s);
		return;
	}
	case CXCursor_ReturnStmt:
		cx_children(c, &k);
		if (k.n) {
			struct val v = eng_eval(f, s, k.k[0]);

			if (!s->dead) {
				f->retval = f->have_ret ?
					val_join(&f->retval, &v) : v;
				f->have_ret = 1;
				if (f->split) {
					int z = ret_class(f, &v);

					if (z <= 0)
						join_into(f, &f->ret_zero, s);
					if (z >= 0)
						join_into(f, &f->ret_nz, s);
				}
			}
		} else if (f->split) {
			join_into(f, &f->ret_zero, s);
			join_into(f, &f->ret_nz, s);
		}
		join_into(f, &f->ret, s);
		st_release(s);
		st_init_dead(s);
		return;
	case CXCursor_GotoStmt: {
		CXCursor lab = cx_ref(cx_first_child(c));
		struct label_pend *lp;

		if (!clang_Cursor_isNull(lab) && (lp = label_get(f, lab))) {
			if (!lp->seen)
				join_into(f, &lp->st, s);
			else
				back_goto(f, lp, s);
		}
		st_release(s);
		st_init_dead(s);
		return;
	}
	case CXCursor_LabelStmt: {
		struct label_pend *lp = label_get(f, c);

		if (lp) {
			join_into(f, s, &lp->st);
			lp->seen = 1;
		}
		cx_children(c, &k);
		if (k.n)
			eng_exec(f, s, k.k[k.n - 1]);
		return;
	}
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		return;
	default:
		if (!clang_isExpression(clang_getCursorKind(c)))
			return;
		if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
		    cx_binop(c) == CXBinaryOperator_Assign) {
			cx_children(c, &k);
			if (k.n == 2 && split_assign(f, s, k.k[0], k.k[1],
						     eng_key(f, k.k[0])))
				return;
		}
		eng_effect(f, s, c);
		return;
	}
}

/* Prepares another run of the body when a backward goto brought a new
 * state to its label: each label starts from its back state. Returns 1
 * when the body must run again. */
static int back_rerun(struct eng_fn *f)
{
	size_t i;
	int grew = 0;

	for (i = 0; i < f->nlabels; i++)
		grew |= f->labels[i].back_grew;
	if (!grew || f->back_round + 1 >= BACK_MAX_RUNS ||
	    f->t->over_budget || f->t->oom)
		return 0;
	for (i = 0; i < f->nlabels; i++) {
		struct label_pend *lp = &f->labels[i];

		lp->back_grew = 0;
		lp->seen = 0;
		st_release(&lp->st);
		if (st_copy(&lp->st, &lp->back)) {
			f->t->oom = 1;
			return 0;
		}
	}
	f->back_round++;
	return 1;
}

void eng_run_body(struct eng_fn *f, struct state *s)
{
	struct cx_kids k;
	struct state entry;
	size_t i;

	cx_children(f->fn, &k);
	if (!k.n || clang_getCursorKind(k.k[k.n - 1]) !=
		    CXCursor_CompoundStmt) {
		st_release(s);
		st_init_dead(s);
		return;
	}
	if (st_copy(&entry, s)) {
		f->t->oom = 1;
		st_init_dead(&entry);
	}
	f->back_round = 0;
	for (;;) {
		eng_exec(f, s, k.k[k.n - 1]);
		if (f->split && !s->dead) {
			join_into(f, &f->ret_zero, s);
			join_into(f, &f->ret_nz, s);
		}
		join_into(f, &f->ret, s);
		if (!back_rerun(f))
			break;
		st_release(s);
		if (st_copy(s, &entry)) {
			f->t->oom = 1;
			st_init_dead(s);
			break;
		}
	}
	st_release(&entry);
	split_clear(f);
	st_release(s);
	st_move(s, &f->ret);
	st_init_dead(&f->ret);
	eng_finish_facts(f);
	for (i = 0; i < f->nlabels; i++) {
		st_release(&f->labels[i].st);
		st_release(&f->labels[i].back);
	}
	free(f->labels);
	f->labels = NULL;
	f->nlabels = f->caplabels = 0;
}
