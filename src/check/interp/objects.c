/* objects.c - the objects an address names: variables, string literals,
 * &lvalue (eng_addr), and the pointer type an allocation is first stored
 * as (eng_note_ptr_type). */
#include "check/interp/interp.h"

#include <string.h>

static struct val var_object(struct eng_fn *f, CXCursor decl)
{
	struct eng_tu *t = f->t;
	int id, global = eng_is_global_var(decl);
	struct prov_obj *o;
	long long sz;

	o = ir_obj_get(&t->objs, eng_mix(clang_hashCursor(decl), f->ctx),
		       global ? PO_GLOBAL : PO_STACK, &id);
	if (!o)
		return val_top();
	if (!o->alloc) {
		o->alloc = cx_spelling(&t->arena, decl);
		o->loc = cx_loc(&t->arena, decl);
		sz = cx_type_size(cx_type(decl));
		o->size = sz >= 0 ? iv_const(sz) : iv_top();
	}
	return val_obj(id, iv_const(0));
}

struct val eng_literal_object(struct eng_fn *f, CXCursor c)
{
	struct eng_tu *t = f->t;
	int id;
	struct prov_obj *o = ir_obj_get(&t->objs, cx_site(c), PO_LITERAL,
					&id);
	long long sz;

	if (!o)
		return val_top();
	if (!o->alloc) {
		o->alloc = "string literal";
		o->loc = cx_loc(&t->arena, c);
		sz = cx_type_size(cx_type(c));
		o->size = sz >= 0 ? iv_const(sz) : iv_top();
	}
	return val_obj(id, iv_const(0));
}

/* Address of lvalue c as a pointer value. */
struct val eng_addr(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	CXCursor ref;
	struct val b;

	c = cx_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		ref = cx_ref(c);
		if (clang_getCursorKind(ref) == CXCursor_VarDecl ||
		    clang_getCursorKind(ref) == CXCursor_ParmDecl)
			return var_object(f, ref);
		return val_top();
	case CXCursor_StringLiteral:
		return eng_literal_object(f, c);
	case CXCursor_ArraySubscriptExpr: {
		struct val i;
		long long esz = cx_type_size(cx_type(c));

		cx_children(c, &k);
		if (k.n != 2)
			return val_top();
		if (cx_is_pointer(cx_type(k.k[0]))) {
			b = eng_eval(f, s, k.k[0]);
			i = eng_eval(f, s, k.k[1]);
		} else {
			i = eng_eval(f, s, k.k[0]);
			b = eng_eval(f, s, k.k[1]);
		}
		if (esz <= 0)
			return val_top();
		{
			/* an index into a fixed-size array stays inside it:
			 * overflowing the array is another class of bug */
			CXType at = cx_canon_type(cx_strip(k.k[0]));
			long long n = clang_getArraySize(at);

			if (at.kind == CXType_ConstantArray && n > 0) {
				if (i.iv.lo < 0)
					i.iv.lo = 0;
				if (i.iv.hi > n - 1)
					i.iv.hi = n - 1;
				if (i.iv.lo > i.iv.hi)
					i.iv = iv_range(0, n - 1);
			}
		}
		return val_ptr_add(&b, iv_mul(i.iv, iv_const(esz)));
	}
	case CXCursor_UnaryOperator:
		if (cx_unop(c) != CXUnaryOperator_Deref)
			return val_top();
		cx_children(c, &k);
		return k.n == 1 ? eng_eval(f, s, k.k[0]) : val_top();
	case CXCursor_MemberRefExpr: {
		long long off;
		CXCursor base;

		cx_children(c, &k);
		if (k.n < 1)
			return val_top();
		base = cx_strip(k.k[0]);
		b = eng_is_arrow(base) ? eng_eval(f, s, k.k[0]) :
				     eng_addr(f, s, k.k[0]);
		ref = cx_ref(c);
		off = cx_field_offset(ref);
		if (off < 0) {
			b = val_ptr_add(&b, iv_range(0, IV_PINF));
			return b;
		}
		return val_ptr_add(&b, iv_const(off / 8));
	}
	default:
		return val_top();
	}
}

int eng_has_heap(const struct val *v, const struct eng_tu *t)
{
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == PK_OBJ &&
		    ir_obj(&t->objs, v->p[i].obj)->origin == PO_ALLOC)
			return 1;
	return 0;
}

unsigned eng_type_hash(CXType t)
{
	CXString sp = clang_getTypeSpelling(clang_getCanonicalType(t));
	const char *p = clang_getCString(sp);
	unsigned h = 2166136261u;

	while (p && *p)
		h = (h ^ (unsigned char)*p++) * 16777619u;
	clang_disposeString(sp);
	return h ? h : 1;
}

void eng_note_ptr_type(struct eng_fn *f, CXType t, const struct val *v)
{
	unsigned i, h = 0;

	if (clang_getCanonicalType(t).kind != CXType_Pointer ||
	    clang_getCanonicalType(clang_getPointeeType(
		    clang_getCanonicalType(t))).kind != CXType_Record)
		return;	/* void *, u8 *: generic, not the object's type */
	for (i = 0; i < v->np; i++) {
		struct prov_obj *o;

		if (v->p[i].kind != PK_OBJ)
			continue;
		o = ir_obj(&f->t->objs, v->p[i].obj);
		if (o->origin != PO_ALLOC || o->ptr_type)
			continue;
		if (!h)
			h = eng_type_hash(t);
		o->ptr_type = h;
	}
}
