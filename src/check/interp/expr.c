/* expr.c - the expression evaluator's dispatch (eng_eval, eng_effect):
 * each cursor kind to its file, statement expressions and ?:. */
#include "check/interp/interp.h"

#include <string.h>

static struct val eval_stmt_expr(struct eng_fn *f, struct state *s,
				 CXCursor c)
{
	CXCursor body = cx_first_child(c);
	struct cx_kids k;
	unsigned i;

	if (clang_getCursorKind(body) != CXCursor_CompoundStmt)
		return val_top();
	cx_children(body, &k);
	if (!k.n)
		return val_top();
	for (i = 0; i + 1 < k.n; i++)
		eng_exec(f, s, k.k[i]);
	if (clang_isExpression(clang_getCursorKind(k.k[k.n - 1])))
		return eng_eval(f, s, k.k[k.n - 1]);
	eng_exec(f, s, k.k[k.n - 1]);
	return val_top();
}

static struct val eval_cond(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	struct state s2;
	struct val a, b, r;

	cx_children(c, &k);
	if (k.n != 3 && k.n != 2)
		return val_top();
	if (st_copy(&s2, s))
		return val_top();
	if (k.n == 2) { /* GNU a ?: b */
		a = eng_eval(f, &s2, k.k[0]);
		eng_assume(f, &s2, k.k[0], 1);
		eng_assume(f, s, k.k[0], 0);
		b = eng_eval(f, s, k.k[1]);
	} else {
		eng_assume(f, &s2, k.k[0], 1);
		a = eng_eval(f, &s2, k.k[1]);
		eng_assume(f, s, k.k[0], 0);
		b = eng_eval(f, s, k.k[2]);
	}
	if (s2.dead)
		r = b;
	else if (s->dead)
		r = a;
	else
		r = val_join(&a, &b);
	eng_join(f, s, &s2, 0);
	st_release(&s2);
	return r;
}

static struct val eval_raw(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	long long cv;
	CXCursor ref;
	unsigned i;

	switch (clang_getCursorKind(c)) {
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr:
		if (cx_eval_int(c, &cv))
			return val_int(iv_const(cv));
		return val_int(iv_top());
	case CXCursor_StringLiteral:
		return eng_literal_object(f, c);
	case CXCursor_GNUNullExpr:
		return val_null();
	case CXCursor_ParenExpr:
		return eng_eval(f, s, cx_first_child(c));
	case CXCursor_CStyleCastExpr:
		cx_children(c, &k);
		return k.n ? eng_eval(f, s, k.k[k.n - 1]) : val_top();
	case CXCursor_UnexposedExpr:
		cx_children(c, &k);
		if (k.total == 1)
			return eng_eval(f, s, k.k[0]);
		if (cx_eval_int(c, &cv))
			return val_int(iv_const(cv));
		if (k.total == 3 && cx_eval_int(k.k[0], &cv))
			/* __builtin_choose_expr */
			return eng_eval(f, s, k.k[cv ? 1 : 2]);
		for (i = 0; i < k.n; i++)
			eng_effect(f, s, k.k[i]);
		return val_top();
	case CXCursor_DeclRefExpr:
		ref = cx_ref(c);
		if (clang_getCursorKind(ref) == CXCursor_EnumConstantDecl)
			return val_int(iv_const(
				clang_getEnumConstantDeclValue(ref)));
		if (clang_getCursorKind(ref) == CXCursor_VarDecl ||
		    clang_getCursorKind(ref) == CXCursor_ParmDecl)
			return eng_read_lvalue(f, s, c);
		return val_top();
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		return eng_read_lvalue(f, s, c);
	case CXCursor_UnaryOperator:
		return eng_eval_unop(f, s, c);
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
		    cx_is_integer(cx_type(c)) &&
		    cx_binop(c) != CXBinaryOperator_Assign &&
		    cx_binop(c) != CXBinaryOperator_Comma &&
		    cx_eval_int(c, &cv))
			return val_int(iv_const(cv));
		return eng_eval_binop(f, s, c);
	case CXCursor_ConditionalOperator:
		return eval_cond(f, s, c);
	case CXCursor_CallExpr:
		return eng_eval_call(f, s, c, NULL, NULL);
	case CXCursor_StmtExpr:
		return eval_stmt_expr(f, s, c);
	default:
		if (clang_isExpression(clang_getCursorKind(c)) &&
		    cx_eval_int(c, &cv))
			return val_int(iv_const(cv));
		cx_children(c, &k);
		for (i = 0; i < k.n; i++)
			if (clang_isExpression(clang_getCursorKind(k.k[i])))
				eng_effect(f, s, k.k[i]);
		return val_top();
	}
}

struct val eng_eval(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct val v;
	CXType ty;

	if (s->dead || eng_tick(f))
		return val_top();
	v = eval_raw(f, s, c);
	ty = cx_canon_type(c);
	if (ty.kind == CXType_Pointer) {
		if (!v.np && iv_is_const(&v.iv, NULL) && v.iv.lo == 0 &&
		    !v.ptop)
			return val_null();
		if (!v.np)
			v.ptop = 1;
	} else if (cx_is_integer(ty) && !v.np && ty.kind != CXType_Bool) {
		/* unsigned types cannot be negative */
		if (ty.kind >= CXType_UChar && ty.kind <= CXType_UInt128 &&
		    v.iv.lo < 0 && v.iv.hi >= 0 && !v.iv.nt)
			v.iv.lo = 0;
	}
	return v;
}

void eng_effect(struct eng_fn *f, struct state *s, CXCursor c)
{
	(void)eng_eval(f, s, c);
}
