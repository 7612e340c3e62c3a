/* assume.c - eng_assume: refines a state assuming a condition is true or
 * false (comparisons, NULL tests, apidb predicates such as IS_ERR,
 * && / || / !), and the split of a state by a callee's return value
 * (`ret = f(); if (ret) ...`). */
#include "check/interp/interp.h"

#include <string.h>

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
		op = eng_op_negate(op);
	if (cx_is_pointer(cx_type(k.k[0])) ||
	    cx_is_pointer(cx_type(k.k[1]))) {
		if (op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE) {
			eng_refine_ptr_cmp(f, s, k.k[0], op, &b);
			if (!s->dead)
				eng_refine_ptr_cmp(f, s, k.k[1], eng_op_flip(op), &a);
			return;
		}
		if (eng_is_null_val(&b))
			eng_refine_ptr(f, s, k.k[0], op == CXBinaryOperator_NE);
		else if (eng_is_null_val(&a))
			eng_refine_ptr(f, s, k.k[1], op == CXBinaryOperator_NE);
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
	eng_refine_int(f, s, k.k[0], op, &b);
	if (!s->dead)
		eng_refine_int(f, s, k.k[1], eng_op_flip(op), &a);
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
		unsigned left = eng_filter_pels(&v, api->query ==
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
		eng_filter_pels(&v, api->query != APIDB_P_ISERR_OR_NULL, 0, 1);
		if (!v.np && !v.ptop) {
			s->dead = 1;
			return 1;
		}
	}
	st_set(s, key, &v);
	return 1;
}

void eng_split_clear(struct eng_fn *f)
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

/* Runs `lhs = call` (call of a same-TU function) keeping the split. */
int eng_split_assign(struct eng_fn *f, struct state *s, CXCursor lhs,
			CXCursor rhs, const char *key)
{
	struct state z, nz;
	struct val v;

	if (!key || !eng_eval_split(f, s, rhs, &v, &z, &nz))
		return 0;
	eng_store(f, s, lhs, &v);
	eng_split_keep(f, s, key, &v, &z, &nz);
	return 1;
}

/* After `key = call()` ran with exit states z (returned 0) and nz:
 * remembers them for a following test of key (split_use). */
void eng_split_keep(struct eng_fn *f, struct state *s, const char *key,
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
	eng_split_clear(f);
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
			eng_join_into(f, s, &s2);
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
		eng_refine_ptr(f, s, c, truth);
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

		eng_refine_int(f, s, c, truth ? CXBinaryOperator_NE :
					    CXBinaryOperator_EQ, &zero);
	}
}
