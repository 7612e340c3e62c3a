/* paths.c - access paths and their values before the function wrote them:
 * the interned key of an lvalue (eng_key), the read of a key from the
 * state or, when absent, its initial value (an unknown object, an opaque
 * symbol, or what the field facts say the TU stores there). Below the
 * interpreter: calls only facts.c and src/ir. */
#include "check/engine.h"
#include "ir/path.h"

#include <stdio.h>
#include <string.h>

static unsigned long long str_key(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

int eng_is_global_var(CXCursor decl)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
	CXCursor sp = clang_getCursorSemanticParent(decl);

	if (sc == CX_SC_Static || sc == CX_SC_Extern)
		return 1;
	return clang_getCursorKind(sp) == CXCursor_TranslationUnit;
}

void eng_var_path(CXCursor decl, struct path_buf *b)
{
	CXString s = clang_getCursorSpelling(decl);

	if (eng_is_global_var(decl) &&
	    clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	    CXCursor_TranslationUnit)
		path_root_global(b, clang_getCString(s));
	else
		path_root_var(b, clang_hashCursor(decl), clang_getCString(s));
	clang_disposeString(s);
}

int eng_is_arrow(CXCursor base)
{
	CXType t = cx_canon_type(base);

	return t.kind == CXType_Pointer;
}

/* Builds the access path of c in b; 0 on success (b may still be bad:
 * too long). */
static int key_rec(CXCursor c, struct path_buf *b)
{
	struct cx_kids k;
	CXCursor ref;

	c = cx_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		ref = cx_ref(c);
		if (clang_getCursorKind(ref) != CXCursor_VarDecl &&
		    clang_getCursorKind(ref) != CXCursor_ParmDecl)
			return -1;
		eng_var_path(ref, b);
		return 0;
	case CXCursor_CStyleCastExpr:
		cx_children(c, &k);
		if (!k.n)
			return -1;
		return key_rec(k.k[k.n - 1], b);
	case CXCursor_MemberRefExpr: {
		CXString s;

		cx_children(c, &k);
		if (k.n < 1 || key_rec(k.k[0], b))
			return -1;
		s = clang_getCursorSpelling(c);
		path_add(b, eng_is_arrow(cx_strip(k.k[0])) ? PATH_STEP_ARROW :
			 PATH_STEP_DOT, clang_getCString(s));
		clang_disposeString(s);
		return 0;
	}
	case CXCursor_ArraySubscriptExpr:
		cx_children(c, &k);
		if (k.n != 2 || key_rec(k.k[0], b))
			return -1;
		path_add(b, PATH_STEP_ELEM, NULL);
		return 0;
	case CXCursor_UnaryOperator:
		if (cx_unop(c) != CXUnaryOperator_Deref)
			return -1;
		cx_children(c, &k);
		if (k.n != 1)
			return -1;
		/* *(&x) is x (fetch_and_zero(&n) stores through it) */
		if (clang_getCursorKind(cx_strip(k.k[0])) ==
			    CXCursor_UnaryOperator &&
		    cx_unop(cx_strip(k.k[0])) == CXUnaryOperator_AddrOf) {
			cx_children(cx_strip(k.k[0]), &k);
			return k.n == 1 ? key_rec(k.k[0], b) : -1;
		}
		if (key_rec(k.k[0], b))
			return -1;
		path_add(b, PATH_STEP_DEREF, NULL);
		return 0;
	default:
		return -1;
	}
}

CXCursor eng_store_target(CXCursor c)
{
	struct cx_kids k;
	CXCursor a;

	for (;;) {
		c = cx_strip(c);
		if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
		    cx_unop(c) != CXUnaryOperator_Deref)
			return c;
		cx_children(c, &k);
		if (k.n != 1)
			return c;
		a = cx_strip(k.k[0]);
		while (clang_getCursorKind(a) == CXCursor_CStyleCastExpr) {
			cx_children(a, &k);
			if (!k.n)
				return c;
			a = cx_strip(k.k[k.n - 1]);
		}
		if (clang_getCursorKind(a) != CXCursor_UnaryOperator ||
		    cx_unop(a) != CXUnaryOperator_AddrOf)
			return c;
		cx_children(a, &k);
		if (k.n != 1)
			return c;
		c = k.k[0];
	}
}

/* The path depends on c alone, and lives as long as the TU's keys: it
 * is built once per cursor (cx_user_set). */
const char *eng_key(struct eng_fn *f, CXCursor c)
{
	struct path_buf b;
	const void *memo;
	const char *key;

	if (cx_user_get(c, &memo))
		return memo;
	if (key_rec(c, &b) || !path_text(&b)) {
		cx_user_set(c, NULL);
		return NULL;
	}
	key = ir_intern(&f->t->keys, path_text(&b));
	if (key)
		cx_user_set(c, key);
	return key;
}

struct val eng_initial(void *fctx, const char *key)
{
	struct eng_fn *f = fctx;
	struct val *m = st_find(&f->memo, key);

	return m ? *m : val_top();
}

/* Object o, read from field fh at key, was requested with the value of
 * a sibling field (x->buf = kmalloc_array(x->max, 4)): its size is that
 * field's value at f's entry (times the element size). */
static void size_from_sibling(struct eng_fn *f, const char *key, unsigned fh,
			      struct prov_obj *o)
{
	struct eng_tu *t = f->t;
	long long coef;
	const char *sib = eng_fact_size_sib(t, fh, &coef), *sk;
	char buf[600];
	struct val *m, nv;
	int sym;

	if (!sib || path_sibling(buf, sizeof(buf), key, path_last_name(key),
				 sib))
		return;
	sk = ir_intern(&t->keys, buf);
	if (!sk)
		return;
	m = st_find(&f->memo, sk);
	if (m) {
		nv = *m;
	} else {
		sym = ir_sym_new(&t->objs, SYM_OPAQUE, 0, path_root_name(sk));
		if (!sym)
			return;
		nv = val_int(iv_sym(sym));
		nv.iv.lo = 0;
		st_set(&f->memo, sk, &nv);
	}
	if (nv.np || nv.ptop || !iv_single_sym(&nv.iv) || nv.iv.slo ||
	    nv.iv.shi)
		return;
	o->size = iv_mul(nv.iv, iv_const(coef));
	if (o->size.lo < 0)
		o->size.lo = 0;
}

struct val eng_read_key_field(struct eng_fn *f, struct state *s,
			      const char *key, CXType type, unsigned fh)
{
	struct val *v, nv;
	struct eng_tu *t = f->t;

	if (!key) /* out of memory: the sink ends the TU (util/sink.h) */
		return val_top();
	v = st_find(s, key);
	if (v)
		return *v;
	v = st_find(&f->memo, key);
	if (v)
		return *v;
	type = clang_getCanonicalType(type);
	if (type.kind == CXType_Pointer || type.kind == CXType_Invalid) {
		int id;
		struct prov_obj *o = ir_obj_get(&t->objs,
						eng_mix(str_key(key), f->ctx),
						PO_UNKNOWN, &id);

		if (!o)
			return val_top();
		if (!o->alloc) {
			o->alloc = path_root_name(key);
			o->field = fh;
			if (fh && eng_fact_alloc(t, fh, o))
				size_from_sibling(f, key, fh, o);
		}
		nv = val_obj(id, iv_const(0));
	} else if (cx_is_integer(type)) {
		int sym = ir_sym_new(&t->objs, SYM_OPAQUE, 0, path_root_name(key));

		nv = val_int(iv_sym(sym));
		if (type.kind == CXType_Bool || (type.kind >= CXType_UChar &&
						 type.kind <= CXType_UInt128))
			nv.iv.lo = 0;
	} else {
		nv = val_top();
	}
	st_set(&f->memo, key, &nv);
	return nv;
}

struct val eng_read_key(struct eng_fn *f, struct state *s, const char *key,
			CXType type)
{
	return eng_read_key_field(f, s, key, type, 0);
}

struct val eng_read_key_ptr(struct eng_fn *f, struct state *s,
			    const char *key, unsigned fh)
{
	CXType inv;

	memset(&inv, 0, sizeof(inv));
	inv.kind = CXType_Invalid;
	return eng_read_key_field(f, s, key, inv, fh);
}

/* The one object v points to the start of, or 0. */
static int single_obj(const struct val *v)
{
	int obj = 0;
	unsigned i;

	if (v->ptop)
		return 0;
	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind != PK_OBJ)
			continue;
		if (obj || !iv_is_const(&v->p[i].off, NULL) || v->p[i].off.lo)
			return 0;
		obj = v->p[i].obj;
	}
	return obj;
}

int eng_fact_initial(struct eng_fn *f, struct state *s, CXCursor c,
		     const char *key, struct val *out)
{
	struct eng_tu *t = f->t;
	CXCursor fld = cx_ref(c);
	const struct field_fact *ff;
	struct prov_obj *o;
	char buf[600];
	const char *sk;
	struct val v;
	int obj;

	if (t->pass != 1 || clang_getCursorKind(fld) != CXCursor_FieldDecl)
		return 0;
	ff = eng_fact_find(t, clang_hashCursor(fld));
	if (!ff || !ff->cap_ok || ff->cap_bad)
		return 0;
	if (ff->cap_self) {
		/* a capacity of the object that holds the field: p in
		 * p->max, read through its key */
		struct cx_kids k;
		CXCursor base, bf;

		cx_children(c, &k);
		if (k.n < 1)
			return 0;
		base = cx_strip(k.k[0]);
		if (!eng_is_arrow(base))
			return 0;
		sk = eng_key(f, base);
		if (!sk)
			return 0;
		bf = clang_getCursorKind(base) == CXCursor_MemberRefExpr ?
		     cx_ref(base) : clang_getNullCursor();
		v = eng_read_key_field(f, s, sk, cx_type(base),
				       clang_getCursorKind(bf) ==
				       CXCursor_FieldDecl ?
				       clang_hashCursor(bf) : 0);
	} else {
		if (!ff->cap_sib_name ||
		    path_sibling(buf, sizeof(buf), key, ff->name,
				 ff->cap_sib_name))
			return 0;
		sk = ir_intern(&t->keys, buf);
		if (!sk)
			return 0;
		v = eng_read_key_ptr(f, s, sk, ff->cap_sib);
	}
	obj = single_obj(&v);
	if (!obj)
		return 0;
	*out = val_int(ff->cap_form);
	out->iv.sym[0] = ir_ksize_sym(&t->objs, obj);
	out->iv.lo = 0;
	out->iv.hi = IV_PINF;
	out->iv.reach = out->iv.sreach = 0;
	o = ir_obj(&t->objs, obj);
	if (o)
		o->cap_field = clang_hashCursor(fld);
	st_set(&f->memo, key, out);
	return 1;
}
