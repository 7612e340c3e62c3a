/* arith.c - arithmetic: binary and unary operators on intervals and on
 * pointers (pointer plus offset, differences, comparisons). */
#include "check/interp/interp.h"

#include <string.h>

static struct ival arith(enum CXBinaryOperatorKind op, struct ival a,
			 struct ival b)
{
	switch (op) {
	case CXBinaryOperator_Add:
	case CXBinaryOperator_AddAssign:
		return iv_add(a, b);
	case CXBinaryOperator_Sub:
	case CXBinaryOperator_SubAssign:
		return iv_sub(a, b);
	case CXBinaryOperator_Mul:
	case CXBinaryOperator_MulAssign:
		return iv_mul(a, b);
	case CXBinaryOperator_Div:
	case CXBinaryOperator_DivAssign:
		return iv_div(a, b);
	case CXBinaryOperator_Shl:
	case CXBinaryOperator_ShlAssign:
		return iv_shl(a, b);
	case CXBinaryOperator_Shr:
	case CXBinaryOperator_ShrAssign:
		return iv_shr(a, b);
	case CXBinaryOperator_And:
	case CXBinaryOperator_AndAssign:
		return iv_and(a, b);
	case CXBinaryOperator_Rem:
	case CXBinaryOperator_RemAssign:
		if (b.lo > 0 && b.hi != IV_PINF && a.lo >= 0)
			return iv_range(0, b.hi - 1);
		return iv_top();
	default:
		return iv_top();
	}
}

/* a op b where a or b may be a pointer (types ta, tb). */
static struct val binop_val(enum CXBinaryOperatorKind op, struct val a,
			    CXType ta, struct val b, CXType tb)
{
	int pa = cx_is_pointer(ta), pb = cx_is_pointer(tb);

	if ((op == CXBinaryOperator_Add || op == CXBinaryOperator_AddAssign) &&
	    (pa || pb) && !(pa && pb)) {
		if (pb) {
			struct val x = a;
			CXType tx = ta;

			a = b, ta = tb;
			b = x, tb = tx;
		}
		return val_ptr_add(&a, iv_mul(b.iv,
					      iv_const(cx_pointee_size(ta))));
	}
	if ((op == CXBinaryOperator_Sub || op == CXBinaryOperator_SubAssign) &&
	    pa && !pb)
		return val_ptr_add(&a, iv_mul(iv_neg(b.iv),
					      iv_const(cx_pointee_size(ta))));
	if (pa && pb)
		return val_int(iv_top());
	/* (unsigned long)p + off: an address computed in an integer type
	 * (per_cpu_ptr(), page arithmetic) keeps its provenance */
	if ((op == CXBinaryOperator_Add || op == CXBinaryOperator_AddAssign) &&
	    (a.np != 0) != (b.np != 0))
		return a.np ? val_ptr_add(&a, b.iv) : val_ptr_add(&b, a.iv);
	if ((op == CXBinaryOperator_Sub || op == CXBinaryOperator_SubAssign) &&
	    a.np && !b.np)
		return val_ptr_add(&a, iv_neg(b.iv));
	return val_int(arith(op, a.iv, b.iv));
}

/* 1 if x is a product or a shift (i * 8 % 16 takes only 0 and 8). */
static int scaled(CXCursor x)
{
	enum CXBinaryOperatorKind op;

	x = cx_strip(x);
	if (clang_getCursorKind(x) != CXCursor_BinaryOperator)
		return 0;
	op = cx_binop(x);
	return op == CXBinaryOperator_Mul || op == CXBinaryOperator_Shl;
}

/* x % m with x >= 0 and m > 0, the index of a ring (`buf[i % cap]`):
 * [0, m - 1], and below m's form when m has one (cap = ksize(buf), or
 * the size the buffer was requested with). The top m - 1 is attained
 * when x runs over at least m consecutive values and is not a multiple
 * of a step (a product or a shift). */
static struct ival rem_wrap(CXCursor xc, struct ival x, struct ival m)
{
	struct ival r;
	int wide;

	/* m == 0 is undefined: a size symbol may be taken as positive */
	if (x.lo < 0 || m.lo < 0 || (m.lo == 0 && !m.nt))
		return iv_range(x.lo < 0 ? IV_NINF : 0, IV_PINF);
	if (m.hi == IV_PINF && !m.nt)
		return iv_range(0, IV_PINF);
	r = iv_range(0, m.hi == IV_PINF ? IV_PINF : m.hi - 1);
	wide = !scaled(xc) && (x.hi == IV_PINF || x.hi - x.lo >= m.hi - 1 ||
			       x.hi - x.lo >= (1LL << 30));
	if (iv_is_const(&m, NULL)) {
		r.reach = wide;
		return r;
	}
	if (!m.nt || m.den != 1 || m.slo != m.shi || m.shi >= IV_PINF)
		return r;
	memcpy(r.sym, m.sym, sizeof(r.sym));
	memcpy(r.coef, m.coef, sizeof(r.coef));
	r.nt = m.nt;
	r.den = 1;
	r.slo = IV_NINF;
	r.shi = m.shi - 1;
	r.sreach = wide;
	return r;
}

struct val eng_eval_binop(struct eng_fn *f, struct state *s, CXCursor c)
{
	enum CXBinaryOperatorKind op = cx_binop(c);
	struct cx_kids k;
	struct val a, b;

	cx_children(c, &k);
	if (k.n != 2)
		return val_top();
	switch (op) {
	case CXBinaryOperator_Assign:
		b = eng_eval(f, s, k.k[1]);
		eng_store(f, s, k.k[0], &b);
		if (cx_is_pointer(cx_type(k.k[0])))
			eng_def_record(f, s, eng_key(f, k.k[0]), k.k[1]);
		return b;
	case CXBinaryOperator_Comma:
		eng_effect(f, s, k.k[0]);
		return eng_eval(f, s, k.k[1]);
	case CXBinaryOperator_LAnd:
	case CXBinaryOperator_LOr: {
		struct state s2;

		if (st_copy(&s2, s))
			return val_top();
		eng_assume(f, &s2, k.k[0], op == CXBinaryOperator_LAnd);
		eng_effect(f, &s2, k.k[1]);
		eng_assume(f, s, k.k[0], op != CXBinaryOperator_LAnd);
		eng_join(f, s, &s2, 0);
		st_release(&s2);
		return val_int(iv_range(0, 1));
	}
	case CXBinaryOperator_LT:
	case CXBinaryOperator_GT:
	case CXBinaryOperator_LE:
	case CXBinaryOperator_GE:
	case CXBinaryOperator_EQ:
	case CXBinaryOperator_NE:
		eng_effect(f, s, k.k[0]);
		eng_effect(f, s, k.k[1]);
		return val_int(iv_range(0, 1));
	default:
		break;
	}
	if (op >= CXBinaryOperator_MulAssign &&
	    op <= CXBinaryOperator_OrAssign) {
		struct val r;

		a = eng_eval(f, s, k.k[0]);
		b = eng_eval(f, s, k.k[1]);
		r = binop_val(op, a, cx_type(k.k[0]), b,
			      cx_type(k.k[1]));
		eng_store(f, s, k.k[0], &r);
		return r;
	}
	a = eng_eval(f, s, k.k[0]);
	b = eng_eval(f, s, k.k[1]);
	if (op == CXBinaryOperator_Sub &&
	    cx_is_pointer(cx_type(k.k[0])) &&
	    cx_is_pointer(cx_type(k.k[1]))) {
		/* p->end - p->start: one opaque value per site, so that
		 * start + (end - start) cancels */
		char buf[64];

		path_site_key(buf, sizeof(buf), cx_site(c), "ptrdiff");
		return eng_read_key(f, &f->memo, ir_intern(&f->t->keys, buf),
				    cx_type(c));
	}
	if (op == CXBinaryOperator_Rem && !a.np && !b.np &&
	    cx_is_integer(cx_type(c)))
		return val_int(rem_wrap(k.k[0], a.iv, b.iv));
	a = binop_val(op, a, cx_type(k.k[0]), b,
		      cx_type(k.k[1]));
	if ((op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub) &&
	    cx_is_integer(cx_type(c)))
		eng_lin_narrow(f, s, c, &a);
	return a;
}

struct val eng_eval_unop(struct eng_fn *f, struct state *s, CXCursor c)
{
	enum CXUnaryOperatorKind op = cx_unop(c);
	struct cx_kids k;
	struct val v, nv;

	cx_children(c, &k);
	if (k.n != 1)
		return val_top();
	switch (op) {
	case CXUnaryOperator_AddrOf:
		return eng_addr(f, s, k.k[0]);
	case CXUnaryOperator_Deref:
		return eng_read_lvalue(f, s, c);
	case CXUnaryOperator_PostInc:
	case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc:
	case CXUnaryOperator_PreDec: {
		int inc = op == CXUnaryOperator_PostInc ||
			  op == CXUnaryOperator_PreInc;
		CXType ty = cx_type(k.k[0]);

		v = eng_eval(f, s, k.k[0]);
		nv = binop_val(inc ? CXBinaryOperator_Add :
				     CXBinaryOperator_Sub, v, ty,
			       val_int(iv_const(1)), cx_type(c));
		if (cx_is_pointer(ty))
			nv = val_ptr_add(&v, iv_const(inc ?
					 cx_pointee_size(ty) :
					 -cx_pointee_size(ty)));
		eng_store(f, s, k.k[0], &nv);
		return (op == CXUnaryOperator_PostInc ||
			op == CXUnaryOperator_PostDec) ? v : nv;
	}
	case CXUnaryOperator_Minus:
		v = eng_eval(f, s, k.k[0]);
		return val_int(iv_neg(v.iv));
	case CXUnaryOperator_Plus:
	case CXUnaryOperator_Extension:
		return eng_eval(f, s, k.k[0]);
	case CXUnaryOperator_LNot:
		v = eng_eval(f, s, k.k[0]);
		if (v.iv.lo > 0 || v.iv.hi < 0)
			return val_int(iv_const(0));
		if (iv_is_const(&v.iv, NULL) && !v.np)
			return val_int(iv_const(1));
		return val_int(iv_range(0, 1));
	default:
		eng_effect(f, s, k.k[0]);
		return val_top();
	}
}
