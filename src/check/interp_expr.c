/* interp_expr.c - abstract evaluation of expressions: access paths,
 * arithmetic on intervals, pointer arithmetic, lvalue reads and writes
 * (with access checks), and calls (apidb effects, same-TU functions
 * analysed in the caller's context, unknown calls). */
#include "check/engine.h"
#include "util/clock.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define MAX_ARGS 16

static int isalnum_c(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

int eng_tick(struct eng_fn *f)
{
	struct eng_tu *t = f->t;

	uintptr_t here = (uintptr_t)__builtin_frame_address(0);

	if (t->over_budget)
		return 1;
	if (t->stack_base && (here < t->stack_base ?
			      t->stack_base - here :
			      here - t->stack_base) > ENG_STACK_MAX) {
		t->over_budget = 1;
		return 1;
	}
	t->tu_steps++;
	if (t->deadline && !(t->tu_steps & 1023) && kc_now() > t->deadline) {
		t->timed_out = 1;
		t->over_budget = 1;
		return 1;
	}
	if (++t->steps > t->budget) {
		t->over_budget = 1;
		return 1;
	}
	return 0;
}

static unsigned long long mix(unsigned long long a, unsigned long long b)
{
	a ^= b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2);
	return a;
}

static unsigned long long str_key(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static int is_global_var(CXCursor decl)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
	CXCursor sp = clang_getCursorSemanticParent(decl);

	if (sc == CX_SC_Static || sc == CX_SC_Extern)
		return 1;
	return clang_getCursorKind(sp) == CXCursor_TranslationUnit;
}

static const char *var_key(struct eng_fn *f, CXCursor decl, char *buf,
			   size_t size)
{
	CXString s = clang_getCursorSpelling(decl);

	if (is_global_var(decl) &&
	    clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	    CXCursor_TranslationUnit)
		snprintf(buf, size, "g:%s", clang_getCString(s));
	else
		snprintf(buf, size, "v%x:%s", clang_hashCursor(decl),
			 clang_getCString(s));
	clang_disposeString(s);
	return buf;
}

static int is_arrow(CXCursor base)
{
	CXType t = cx_canon_type(base);

	return t.kind == CXType_Pointer;
}

/* Writes the access path of c into buf; 0 on success. */
static int key_rec(struct eng_fn *f, CXCursor c, char *buf, size_t size)
{
	struct cx_kids k;
	size_t len;
	CXCursor ref;

	c = cx_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		ref = cx_ref(c);
		if (clang_getCursorKind(ref) != CXCursor_VarDecl &&
		    clang_getCursorKind(ref) != CXCursor_ParmDecl)
			return -1;
		var_key(f, ref, buf, size);
		return 0;
	case CXCursor_CStyleCastExpr:
		cx_children(c, &k);
		if (!k.n)
			return -1;
		return key_rec(f, k.k[k.n - 1], buf, size);
	case CXCursor_MemberRefExpr: {
		CXString s;

		cx_children(c, &k);
		if (k.n < 1 || key_rec(f, k.k[0], buf, size))
			return -1;
		len = strlen(buf);
		s = clang_getCursorSpelling(c);
		snprintf(buf + len, size - len, "%s%s",
			 is_arrow(cx_strip(k.k[0])) ? "->" : ".",
			 clang_getCString(s));
		clang_disposeString(s);
		return strlen(buf) + 1 >= size ? -1 : 0;
	}
	case CXCursor_ArraySubscriptExpr:
		cx_children(c, &k);
		if (k.n != 2 || key_rec(f, k.k[0], buf, size))
			return -1;
		len = strlen(buf);
		snprintf(buf + len, size - len, "[]");
		return strlen(buf) + 1 >= size ? -1 : 0;
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
			return k.n == 1 ? key_rec(f, k.k[0], buf, size) : -1;
		}
		if (key_rec(f, k.k[0], buf, size))
			return -1;
		len = strlen(buf);
		snprintf(buf + len, size - len, "->*");
		return strlen(buf) + 1 >= size ? -1 : 0;
	default:
		return -1;
	}
}

/* The path depends on c alone, and lives as long as the TU's keys: it
 * is built once per cursor (cx_user_set). */
const char *eng_key(struct eng_fn *f, CXCursor c)
{
	char buf[512];
	const void *memo;
	const char *key;

	if (cx_user_get(c, &memo))
		return memo;
	if (key_rec(f, c, buf, sizeof(buf))) {
		cx_user_set(c, NULL);
		return NULL;
	}
	key = ir_intern(&f->t->keys, buf);
	if (key)
		cx_user_set(c, key);
	return key;
}

static const char *key_name(const char *key)
{
	const char *p = strchr(key, ':');

	return p ? p + 1 : key;
}

struct val eng_initial(void *fctx, const char *key)
{
	struct eng_fn *f = fctx;
	struct val *m = st_find(&f->memo, key);

	return m ? *m : val_top();
}

static struct val read_key(struct eng_fn *f, struct state *s,
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
						mix(str_key(key), f->ctx),
						PO_UNKNOWN, &id);

		if (!o)
			return val_top();
		if (!o->alloc) {
			o->alloc = key_name(key);
			o->field = fh;
			if (fh)
				eng_fact_alloc(t, fh, o);
		}
		nv = val_obj(id, iv_const(0));
	} else if (cx_is_integer(type)) {
		int sym = ir_sym_new(&t->objs, SYM_OPAQUE, 0, key_name(key));

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
	return read_key(f, s, key, type, 0);
}

struct val eng_read_key_ptr(struct eng_fn *f, struct state *s,
			    const char *key, unsigned fh)
{
	CXType inv;

	memset(&inv, 0, sizeof(inv));
	inv.kind = CXType_Invalid;
	return read_key(f, s, key, inv, fh);
}

/* The unknown result of call site c, the same on every visit. */
static struct val call_result(struct eng_fn *f, CXCursor c, const char *name)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "@%llx:%s()", cx_site(c),
		 name ? name : "?");
	return eng_read_key(f, &f->memo, ir_intern(&f->t->keys, buf),
			    cx_type(c));
}

static struct val var_object(struct eng_fn *f, CXCursor decl)
{
	struct eng_tu *t = f->t;
	int id, global = is_global_var(decl);
	struct prov_obj *o;
	long long sz;

	o = ir_obj_get(&t->objs, mix(clang_hashCursor(decl), f->ctx),
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

static struct val literal_object(struct eng_fn *f, CXCursor c)
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
static struct val eng_addr(struct eng_fn *f, struct state *s, CXCursor c)
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
		return literal_object(f, c);
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
		b = is_arrow(base) ? eng_eval(f, s, k.k[0]) :
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

static int has_heap(const struct val *v, const struct eng_tu *t)
{
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == PK_OBJ &&
		    ir_obj(&t->objs, v->p[i].obj)->origin == PO_ALLOC)
			return 1;
	return 0;
}

static unsigned type_hash(CXType t)
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
			h = type_hash(t);
		o->ptr_type = h;
	}
}

/* A field access p->f is judged only when p points to the start of an
 * object requested with a constant size smaller than *p (the struct was
 * allocated too small). Accesses through casts (tagged unions, headers
 * placed in a flexible data area) are not judged: the analysis cannot
 * relate their type tag to the allocation size. */
static int member_judged(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	CXCursor base;
	CXType pt;
	struct val b;
	long long psz, req;
	unsigned i;

	cx_children(c, &k);
	if (k.n < 1)
		return 0;
	base = cx_strip(k.k[0]);
	if (clang_getCursorKind(base) == CXCursor_CStyleCastExpr)
		return 0;
	if (!is_arrow(base)) {
		/* a[i].f and (*p).f: judged like the element access */
		enum CXCursorKind bk = clang_getCursorKind(base);

		return bk == CXCursor_ArraySubscriptExpr ||
		       (bk == CXCursor_UnaryOperator &&
			cx_unop(base) == CXUnaryOperator_Deref);
	}
	pt = clang_getPointeeType(cx_canon_type(base));
	psz = cx_type_size(pt);
	if (psz <= 0)
		return 0;
	b = eng_eval(f, s, base);
	for (i = 0; i < b.np; i++) {
		const struct prov_obj *o;

		if (b.p[i].kind != PK_OBJ)
			continue;
		o = ir_obj(&f->t->objs, b.p[i].obj);
		if (o->origin != PO_ALLOC || !iv_is_const(&o->size, &req) ||
		    req >= psz || !iv_is_const(&b.p[i].off, NULL) ||
		    b.p[i].off.lo)
			return 0;
		/* the object is used as the type it was allocated for (not
		 * as another view of it: container_of, tagged unions) */
		if (o->ptr_type != type_hash(cx_type(base)))
			return 0;
	}
	return 1;
}

/* For a[i] where a is p->arr: p is used as the type of its allocation
 * (not a cast view of a smaller object). */
static int view_ok(struct eng_fn *f, struct state *s, CXCursor arr)
{
	struct cx_kids k;
	CXCursor base;
	struct val b;
	unsigned i, h;

	arr = cx_strip(arr);
	if (clang_getCursorKind(arr) != CXCursor_MemberRefExpr)
		return 1;
	cx_children(arr, &k);
	if (k.n < 1)
		return 1;
	base = cx_strip(k.k[0]);
	if (!is_arrow(base))
		return 1;
	if (clang_getCursorKind(base) == CXCursor_CStyleCastExpr)
		return 0;
	h = type_hash(cx_type(base));
	b = eng_eval(f, s, base);
	for (i = 0; i < b.np; i++) {
		const struct prov_obj *o;

		if (b.p[i].kind != PK_OBJ)
			continue;
		o = ir_obj(&f->t->objs, b.p[i].obj);
		if (o->origin == PO_ALLOC && o->ptr_type && o->ptr_type != h)
			return 0;
	}
	return 1;
}

static void check_lvalue(struct eng_fn *f, struct state *s, CXCursor c,
			 int write, struct val *addr_out)
{
	CXCursor sc = cx_strip(c);
	enum CXCursorKind k = clang_getCursorKind(sc);
	struct val a;
	long long sz;

	if (k != CXCursor_ArraySubscriptExpr && k != CXCursor_MemberRefExpr &&
	    k != CXCursor_UnaryOperator) {
		if (addr_out)
			*addr_out = val_top();
		return;
	}
	if (k == CXCursor_MemberRefExpr) {
		struct cx_kids mk;
		CXCursor base;

		cx_children(sc, &mk);
		base = mk.n ? cx_strip(mk.k[0]) : clang_getNullCursor();
		if (mk.n && !is_arrow(base) &&
		    (clang_getCursorKind(base) == CXCursor_ArraySubscriptExpr ||
		     (clang_getCursorKind(base) == CXCursor_UnaryOperator &&
		      cx_unop(base) == CXUnaryOperator_Deref))) {
			/* a field of an array element: the element is what
			 * lies in the slack or not */
			check_lvalue(f, s, base, write, addr_out);
			return;
		}
	}
	a = eng_addr(f, s, sc);
	if (addr_out)
		*addr_out = a;
	if (!has_heap(&a, f->t))
		return;
	if (k == CXCursor_MemberRefExpr && !member_judged(f, s, sc))
		return;
	if (k == CXCursor_ArraySubscriptExpr) {
		struct cx_kids ak;

		cx_children(sc, &ak);
		if (ak.n == 2 && !view_ok(f, s, ak.k[0]))
			return;
	}
	sz = cx_type_size(cx_type(sc));
	if (sz <= 0)
		return;
	eng_access(f, s, sc, &a, iv_const(0), iv_const(sz), write, NULL);
}

static struct val read_lvalue(struct eng_fn *f, struct state *s, CXCursor c)
{
	CXType ty = cx_canon_type(c);
	const char *key;

	if (ty.kind == CXType_ConstantArray ||
	    ty.kind == CXType_IncompleteArray ||
	    ty.kind == CXType_VariableArray)
		return eng_addr(f, s, c);
	check_lvalue(f, s, c, 0, NULL);
	key = eng_key(f, c);
	if (!key)
		return val_top();
	if (clang_getCursorKind(cx_strip(c)) == CXCursor_MemberRefExpr) {
		CXCursor fld = cx_ref(cx_strip(c));
		struct val fv;

		if (st_find(s, key) || st_find(&f->memo, key))
			return eng_read_key(f, s, key, cx_type(c));
		if (eng_fact_initial(f, s, cx_strip(c), key, &fv))
			return fv;
		if (clang_getCursorKind(fld) == CXCursor_FieldDecl)
			return read_key(f, s, key, cx_type(c),
					clang_hashCursor(fld));
	}
	if (clang_getCursorKind(cx_strip(c)) == CXCursor_DeclRefExpr) {
		/* a file-static pointer: what the TU stores into it */
		CXCursor var = cx_ref(cx_strip(c));

		if (eng_file_static(var) && !st_find(s, key) &&
		    !st_find(&f->memo, key))
			return read_key(f, s, key, cx_type(c),
					clang_hashCursor(var));
	}
	if (cx_is_pointer(cx_type(c))) {
		struct val v = eng_read_key(f, s, key, cx_type(c));

		eng_def_narrow(f, s, key, &v);
		return v;
	}
	return eng_read_key(f, s, key, cx_type(c));
}

/* 1 if c is `*p` and p points to exactly one object at offset 0 (a
 * local whose address was passed, `void **out`): the store replaces the
 * value instead of joining it. */
static int deref_single(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	struct val pv;
	int obj = -1;
	unsigned i;

	c = cx_strip(c);
	if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
	    cx_unop(c) != CXUnaryOperator_Deref)
		return 0;
	cx_children(c, &k);
	if (k.n != 1 || !eng_key(f, k.k[0]))
		return 0;
	pv = eng_read_key(f, s, eng_key(f, k.k[0]),
			  cx_type(k.k[0]));
	if (pv.ptop)
		return 0;
	for (i = 0; i < pv.np; i++) {
		if (pv.p[i].kind == PK_NULL || pv.p[i].kind == PK_ERR)
			continue;
		if (pv.p[i].kind != PK_OBJ || pv.p[i].off.lo != 0 ||
		    pv.p[i].off.hi != 0 || (obj >= 0 && obj != pv.p[i].obj))
			return 0;
		obj = pv.p[i].obj;
	}
	return obj >= 0;
}

void eng_store(struct eng_fn *f, struct state *s, CXCursor c,
	       const struct val *v)
{
	const char *key;
	struct val nv = *v;

	if (s->dead)
		return;
	check_lvalue(f, s, c, 1, NULL);
	eng_note_ptr_type(f, cx_type(c), v);
	if (clang_getCursorKind(cx_strip(c)) == CXCursor_MemberRefExpr ||
	    (clang_getCursorKind(cx_strip(c)) == CXCursor_DeclRefExpr &&
	     eng_file_static(cx_ref(cx_strip(c)))))
		eng_record_store(f, cx_strip(c), v);
	key = eng_key(f, c);
	if (!key)
		return;
	st_kill_under(s, key);
	if (strstr(key, "[]") ||
	    (strstr(key, "->*") && !deref_single(f, s, c))) {
		struct val old = eng_read_key(f, s, key,
					      cx_type(c));

		nv = val_join(&old, v);
	}
	st_set(s, key, &nv);
}

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

static struct val eval_binop(struct eng_fn *f, struct state *s, CXCursor c)
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

		snprintf(buf, sizeof(buf), "@%llx:ptrdiff", cx_site(c));
		return eng_read_key(f, &f->memo, ir_intern(&f->t->keys, buf),
				    cx_type(c));
	}
	a = binop_val(op, a, cx_type(k.k[0]), b,
		      cx_type(k.k[1]));
	if ((op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub) &&
	    cx_is_integer(cx_type(c)))
		eng_lin_narrow(f, s, c, &a);
	return a;
}

static struct val eval_unop(struct eng_fn *f, struct state *s, CXCursor c)
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
		return read_lvalue(f, s, c);
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

/* ---- calls ---- */

static long long literal_len(CXCursor c)
{
	long long sz;

	c = cx_strip(c);
	if (clang_getCursorKind(c) != CXCursor_StringLiteral)
		return -1;
	sz = cx_type_size(cx_type(c));
	return sz > 0 ? sz - 1 : -1;
}

/* strlen() of the string a pointer value points to: one opaque value per
 * (object, constant offset), so kmalloc(strlen(s)) and strcpy(p, s) talk
 * about the same length. */
static struct ival strlen_of(struct eng_fn *f, const struct val *v)
{
	char buf[64];
	int obj = 0;
	long long off = 0;
	unsigned i;
	struct val r, *m;
	const char *key;

	if (v->ptop)
		return iv_range(0, IV_PINF);
	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind == PK_NULL || v->p[i].kind == PK_ERR)
			continue;
		if (v->p[i].kind != PK_OBJ || obj ||
		    !iv_is_const(&v->p[i].off, &off))
			return iv_range(0, IV_PINF);
		obj = v->p[i].obj;
	}
	if (!obj)
		return iv_range(0, IV_PINF);
	snprintf(buf, sizeof(buf), "#strlen:%d:%lld", obj, off);
	key = ir_intern(&f->t->keys, buf);
	if (!key)
		return iv_range(0, IV_PINF);
	m = st_find(&f->memo, key);
	if (m)
		return m->iv;
	r = val_int(iv_sym(ir_sym_new(&f->t->objs, SYM_OPAQUE, 0,
				      "strlen()")));
	r.iv.lo = 0;
	st_set(&f->memo, key, &r);
	return r.iv;
}

static struct ival formula(struct eng_fn *f, const struct apidb_expr *e,
			   const struct val *a, const CXCursor *ac, int n)
{
	struct ival l, r;

	if (!e)
		return iv_top();
	switch (e->op) {
	case APIDB_OP_NUM:
		return iv_const((long long)e->num);
	case APIDB_OP_ARG:
		return e->arg < n ? a[e->arg].iv : iv_top();
	case APIDB_OP_STRLEN:
		if (e->l && e->l->op == APIDB_OP_ARG && e->l->arg < n) {
			long long len = literal_len(ac[e->l->arg]);

			if (len >= 0)
				return iv_const(len);
			return strlen_of(f, &a[e->l->arg]);
		}
		return iv_range(0, IV_PINF);
	case APIDB_OP_MIN:
		l = formula(f, e->l, a, ac, n);
		r = formula(f, e->r, a, ac, n);
		return iv_range(l.lo < r.lo ? l.lo : r.lo,
				l.hi < r.hi ? l.hi : r.hi);
	case APIDB_OP_UNKNOWN:
		return iv_top();
	}
	l = formula(f, e->l, a, ac, n);
	r = formula(f, e->r, a, ac, n);
	switch (e->op) {
	case APIDB_OP_ADD:
		return iv_add(l, r);
	case APIDB_OP_SUB:
		return iv_sub(l, r);
	case APIDB_OP_MUL:
		return iv_mul(l, r);
	case APIDB_OP_SHL:
		return iv_shl(l, r);
	}
	return iv_top();
}

static const char *display_name(struct eng_tu *t, const char *name)
{
	char buf[128];
	size_t len;

	while (name[0] == '_' && name[1] == '_' && name[2])
		name += 2;
	snprintf(buf, sizeof(buf), "%s", name);
	len = strlen(buf);
	if (len > 7 && !strcmp(buf + len - 7, "_noprof"))
		buf[len - 7] = '\0';
	return kc_arena_strdup(&t->arena, buf);
}

static const char *arg_text(struct eng_tu *t, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXToken *toks = NULL;
	unsigned n = 0, i;
	char buf[160];
	size_t len = 0;

	if (!cx_in_main_file(c))
		return NULL;
	clang_tokenize(t->tu, r, &toks, &n);
	buf[0] = '\0';
	for (i = 0; i < n && len < sizeof(buf) - 2; i++) {
		CXString s = clang_getTokenSpelling(t->tu, toks[i]);
		const char *p = clang_getCString(s);
		int sp = i && (isalnum_c(p[0]) && isalnum_c(buf[len - 1]));

		len += snprintf(buf + len, sizeof(buf) - len, "%s%s",
				sp ? " " : "", p);
		clang_disposeString(s);
	}
	if (toks)
		clang_disposeTokens(t->tu, toks, n);
	if (!n || len >= sizeof(buf) - 2)
		return NULL;
	return kc_arena_strdup(&t->arena, buf);
}

struct free_ctx {
	int obj;
	unsigned line;
	int must;
};

static void free_one(struct val *v, void *data)
{
	struct free_ctx *fc = data;
	unsigned i;

	for (i = 0; i < v->np; i++) {
		struct pel e;

		if (v->p[i].kind != PK_OBJ || v->p[i].obj != fc->obj)
			continue;
		e = v->p[i];
		e.kind = PK_FREED;
		e.line = fc->line;
		e.off = iv_const(0);
		if (fc->must) {
			v->p[i] = v->p[--v->np];
			val_add_pel(v, &e);
			i = (unsigned)-1;
			continue;
		}
		val_add_pel(v, &e);
	}
}

static void apply_free(struct state *s, int obj, unsigned line, int must)
{
	struct free_ctx fc = { obj, line, must };

	st_map(s, free_one, &fc);
}

/* An object of unknown origin may stand for a different object on each
 * loop round or call (one abstract object per read site), so its free
 * marks only the access path that was freed, not other holders. */
static void free_unknown_in_key(struct eng_fn *f, struct state *s,
				const char *key, unsigned line)
{
	struct val *v = st_find(s, key);
	unsigned i, nobj = 0;

	if (!v)
		return;
	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == PK_OBJ)
			nobj++;
	for (i = 0; i < v->np; i++) {
		struct pel e;
		const struct prov_obj *o;

		if (v->p[i].kind != PK_OBJ)
			continue;
		o = ir_obj(&f->t->objs, v->p[i].obj);
		if (o->origin != PO_UNKNOWN && !o->multi)
			continue;
		/* a[] is every element: freeing one of several objects
		 * says nothing about the others */
		if (strstr(key, "[]"))
			continue;
		e = v->p[i];
		e.kind = PK_FREED;
		e.line = line;
		e.off = iv_const(0);
		if (nobj == 1 && !v->ptop) {
			v->p[i] = e;
		} else {
			val_add_pel(v, &e);
		}
	}
}

static void do_free(struct eng_fn *f, struct state *s, const struct val *a,
		    unsigned line)
{
	unsigned i, nobj = 0;

	for (i = 0; i < a->np; i++)
		if (a->p[i].kind == PK_OBJ)
			nobj++;
	for (i = 0; i < a->np; i++)
		if (a->p[i].kind == PK_OBJ &&
		    ir_obj(&f->t->objs, a->p[i].obj)->origin != PO_UNKNOWN &&
		    !ir_obj(&f->t->objs, a->p[i].obj)->multi)
			apply_free(s, a->p[i].obj, line,
				   nobj == 1 && !a->ptop);
}

struct held_scan {
	int obj;
	int held;
};

static void scan_held(struct val *v, void *data)
{
	struct held_scan *hs = data;
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == PK_OBJ && v->p[i].obj == hs->obj)
			hs->held = 1;
}

/* 1 if arg is read from an a[] key (all elements share it) and holds
 * several allocations: which element holds which is not known. */
static int elem_shared(struct eng_fn *f, CXCursor arg, const struct val *v)
{
	const char *key = eng_key(f, arg);
	int first = 0;
	unsigned i;

	if (!key || !strstr(key, "[]"))
		return 0;
	for (i = 0; i < v->np; i++) {
		if ((v->p[i].kind != PK_OBJ && v->p[i].kind != PK_FREED) ||
		    ir_obj(&f->t->objs, v->p[i].obj)->origin != PO_ALLOC)
			continue;
		if (first && v->p[i].obj != first)
			return 1;
		first = v->p[i].obj;
	}
	return 0;
}

static struct val do_alloc(struct eng_fn *f, struct state *s, CXCursor c,
			   const struct apidb_fn *api, const char *name,
			   const struct val *a, const CXCursor *ac, int n)
{
	struct held_scan hs;

	struct eng_tu *t = f->t;
	struct prov_obj *o;
	struct val r;
	struct ival nsz;
	struct pel nul;
	int id;
	unsigned i;

	if (api->family == APIDB_FAM_KCONST && n > 0) {
		int lit = a[0].np > 0 && !a[0].ptop;

		for (i = 0; i < a[0].np; i++)
			if (a[0].p[i].kind != PK_OBJ ||
			    ir_obj(&t->objs, a[0].p[i].obj)->origin !=
			    PO_LITERAL)
				lit = 0;
		if (lit)
			return a[0];
	}
	o = ir_obj_get(&t->objs, mix(cx_site(c), f->ctx), PO_ALLOC, &id);
	if (!o)
		return val_top();
	hs.obj = id;
	hs.held = 0;
	st_map(s, scan_held, &hs);
	if (hs.held)
		o->multi = 1;
	o->family = api->family;
	o->alloc = display_name(t, name);
	o->loc = cx_loc(&t->arena, c);
	o->site = cx_site(c);
	o->fn = clang_hashCursor(f->fn);
	/* a site visited again (loop rounds, krealloc growth) stands for
	 * every size it was given: a verdict needs one that all share */
	nsz = formula(f, api->size, a, ac, n);
	o->size = o->sized ? iv_join(o->size, nsz) : nsz;
	o->sized = 1;
	o->rounded = api->size && api->size->op == APIDB_OP_ARG &&
		     api->size->arg < n && a[api->size->arg].iv.rounded;
	if (api->size && api->size->op == APIDB_OP_ARG &&
	    api->size->arg < n && !o->size_text)
		o->size_text = arg_text(t, ac[api->size->arg]);
	r = val_obj(id, iv_const(0));
	memset(&nul, 0, sizeof(nul));
	nul.kind = PK_NULL;
	nul.off = iv_const(0);
	val_add_pel(&r, &nul);
	if (api->flags & APIDB_F_ERRPTR) {
		nul.kind = PK_ERR;
		val_add_pel(&r, &nul);
	}
	return r;
}

static void kill_arg(struct eng_fn *f, struct state *s, CXCursor arg)
{
	CXCursor a = cx_strip(arg);
	const char *key;

	if (clang_getCursorKind(a) == CXCursor_UnaryOperator &&
	    cx_unop(a) == CXUnaryOperator_AddrOf) {
		struct cx_kids k;

		cx_children(a, &k);
		if (k.n == 1 && (key = eng_key(f, k.k[0]))) {
			struct val top = val_top();

			st_kill_under(s, key);
			if (clang_getCursorKind(cx_strip(k.k[0])) ==
			    CXCursor_DeclRefExpr)
				st_set(s, key, &top);
		}
		return;
	}
	if (!cx_is_pointer(cx_type(a)))
		return;
	key = eng_key(f, a);
	if (key)
		st_kill_under(s, key);
}

static struct val do_sink(struct eng_fn *f, struct state *s, CXCursor c,
			  const struct apidb_fn *api, const char *name,
			  const struct val *a, const CXCursor *ac, int n)
{
	struct ival len = formula(f, api->size, a, ac, n);

	name = cx_spelled_callee(&f->t->arena, c, name);

	if (api->dst >= 0 && api->dst < n) {
		eng_access(f, s, c, &a[api->dst], iv_const(0), len, 1,
			   name);
		kill_arg(f, s, ac[api->dst]);
	}
	if (api->src >= 0 && api->src < n) {
		struct ival slen = len;

		/* read up to its NUL, at most len: the analysis does not
		 * know string lengths, so that read has no bound */
		if (api->flags & APIDB_F_SRCSTR)
			slen = iv_top();
		eng_access(f, s, c, &a[api->src], iv_const(0), slen, 0,
			   name);
	}
	if (api->dst >= 0 && api->dst < n)
		return a[api->dst];
	return val_int(iv_top());
}

/* Copies caller entries under prefix from into to + suffix. */
static void copy_under(struct eng_fn *f, struct state *dst,
		       const struct state *src, const char *from,
		       const char *to, int deref_map)
{
	size_t len = strlen(from);
	unsigned i;
	char buf[600];

	for (i = 0; i < src->n; i++) {
		const char *k = src->e[i].key, *nk;
		const char *rest;

		if (strncmp(k, from, len))
			continue;
		rest = k + len;
		if (deref_map) {
			/* callee "P->*" is caller "X"; "P->f" is "X.f" */
			if (!strncmp(rest, "->*", 3))
				snprintf(buf, sizeof(buf), "%s%s", to,
					 rest + 3);
			else if (!strncmp(rest, "->", 2))
				snprintf(buf, sizeof(buf), "%s.%s", to,
					 rest + 2);
			else
				continue;
		} else {
			if (rest[0] != '-' && rest[0] != '.' &&
			    rest[0] != '[')
				continue;
			snprintf(buf, sizeof(buf), "%s%s", to, rest);
		}
		nk = ir_intern(&f->t->keys, buf);
		if (nk)
			st_set(dst, nk, &src->e[i].v);
	}
}

/* Caller "X.f..." is callee "P->f..." when P = &X. */
static void copy_in_addr(struct eng_fn *f, struct state *dst,
			 const struct state *src, const char *x,
			 const char *p)
{
	size_t len = strlen(x);
	unsigned i;
	char buf[600];

	for (i = 0; i < src->n; i++) {
		const char *k = src->e[i].key, *nk;

		if (strncmp(k, x, len) || k[len] != '.')
			continue;
		snprintf(buf, sizeof(buf), "%s->%s", p, k + len + 1);
		nk = ir_intern(&f->t->keys, buf);
		if (nk)
			st_set(dst, nk, &src->e[i].v);
	}
}

static int on_stack(struct eng_fn *f, CXCursor def)
{
	for (; f; f = f->caller)
		if (clang_equalCursors(f->fn, def))
			return 1;
	return 0;
}

struct freed_scan {
	int obj[16];
	unsigned line[16];
	int n;
};

static void scan_freed(struct val *v, void *data)
{
	struct freed_scan *fs = data;
	unsigned i;
	int j;

	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind != PK_FREED)
			continue;
		for (j = 0; j < fs->n; j++)
			if (fs->obj[j] == v->p[i].obj)
				break;
		if (j == fs->n && fs->n < 16) {
			fs->obj[fs->n] = v->p[i].obj;
			fs->line[fs->n++] = v->p[i].line;
		}
	}
}

/* Applies the callee's exit state cs to the caller state s: frees of
 * objects, stores through pointer arguments. */
static void apply_back(struct eng_fn *f, struct state *s,
		       const struct state *cs, const char *const *pkeys,
		       const CXCursor *ac, int n, int np)
{
	struct eng_tu *t = f->t;
	struct freed_scan fs;
	int i;

	if (cs->dead)
		return;
	memset(&fs, 0, sizeof(fs));
	st_map((struct state *)cs, scan_freed, &fs);
	for (i = 0; i < fs.n; i++)
		if (ir_obj(&t->objs, fs.obj[i])->origin != PO_UNKNOWN)
			apply_free(s, fs.obj[i], fs.line[i], 0);
	for (i = 0; i < np && i < n && i < MAX_ARGS; i++) {
		const struct val *pv = pkeys[i] ? st_find(cs, pkeys[i]) : NULL;
		const char *ck = eng_key(f, ac[i]);
		unsigned q;

		if (!pv || !ck)
			continue;
		for (q = 0; q < pv->np; q++)
			if (pv->p[q].kind == PK_FREED &&
			    ir_obj(&t->objs, pv->p[q].obj)->origin ==
			    PO_UNKNOWN) {
				struct val cur = eng_eval(f, s, ac[i]);

				if (!st_find(s, ck))
					st_set(s, ck, &cur);
				free_unknown_in_key(f, s, ck, pv->p[q].line);
				break;
			}
	}
	for (i = 0; i < np && i < n && i < MAX_ARGS; i++) {
		CXCursor arg = cx_strip(ac[i]);
		const char *ck;

		if (!pkeys[i])
			continue;
		if (clang_getCursorKind(arg) == CXCursor_UnaryOperator &&
		    cx_unop(arg) == CXUnaryOperator_AddrOf) {
			struct cx_kids k;

			cx_children(arg, &k);
			ck = k.n == 1 ? eng_key(f, k.k[0]) : NULL;
			if (ck) {
				struct val *pv;
				char buf[256];

				snprintf(buf, sizeof(buf), "%s->*", pkeys[i]);
				pv = st_find(cs, ir_intern(&t->keys, buf));
				if (pv)
					st_set(s, ck, pv);
				copy_under(f, s, cs, pkeys[i], ck, 1);
			}
		} else if ((ck = eng_key(f, arg))) {
			copy_under(f, s, cs, pkeys[i], ck, 0);
		}
	}
}

static struct val do_inline(struct eng_fn *f, struct state *s, CXCursor c,
			    CXCursor def, const char *name,
			    const struct val *a, const CXCursor *ac, int n,
			    struct state *zero, struct state *nz)
{
	struct eng_tu *t = f->t;
	struct eng_fn g;
	struct state cs;
	int i, np = clang_Cursor_getNumArguments(def);
	struct val r;
	const char *pkeys[MAX_ARGS];

	memset(&g, 0, sizeof(g));
	g.t = t;
	g.caller = f;
	g.fn = def;
	g.cur_for = g.cur_init = clang_getNullCursor();
	/* name may live in the caller's stack buffer (eval_call's nbuf);
	 * access and ksize sites keep g.name until eng_emit */
	g.name = kc_arena_strdup(&t->arena, name);
	g.depth = f->depth + 1;
	g.ctx = mix(f->ctx, cx_site(c));
	st_init(&g.memo);
	st_init_dead(&g.ret);
	st_init_dead(&g.ret_zero);
	st_init_dead(&g.ret_nz);
	g.split = zero != NULL;
	st_init(&cs);
	for (i = 0; i < np && i < n && i < MAX_ARGS; i++) {
		CXCursor p = clang_Cursor_getArgument(def, i);
		char buf[256];
		const char *ck;
		CXCursor arg = cx_strip(ac[i]);

		pkeys[i] = ir_intern(&t->keys, var_key(&g, p, buf,
						       sizeof(buf)));
		if (!pkeys[i])
			continue;
		st_set(&cs, pkeys[i], &a[i]);
		if (clang_getCursorKind(arg) == CXCursor_UnaryOperator &&
		    cx_unop(arg) == CXUnaryOperator_AddrOf) {
			struct cx_kids k;

			cx_children(arg, &k);
			ck = k.n == 1 ? eng_key(f, k.k[0]) : NULL;
			if (ck) {
				/* give the callee the caller's current value,
				 * so its stores replace it; not for a[i]: its
				 * index may have side effects (&f[n++]), the
				 * key is every element's, and reading the
				 * element is no access of the caller's */
				if (!st_find(s, ck) && !strstr(ck, "[]")) {
					struct val cur = eng_eval(f, s, k.k[0]);

					st_set(s, ck, &cur);
				}
				copy_in_addr(f, &cs, s, ck, pkeys[i]);
				snprintf(buf, sizeof(buf), "%s->*", pkeys[i]);
				{
					struct val *cv = st_find(s, ck);

					if (cv)
						st_set(&cs, ir_intern(&t->keys,
								      buf),
						       cv);
				}
			}
		} else if ((ck = eng_key(f, arg))) {
			copy_under(f, &cs, s, ck, pkeys[i], 0);
		}
	}
	eng_stat(t, "calls-inlined", 1);
	eng_mark_visited(t, def);
	eng_run_body(&g, &cs);
	if (cs.dead) {
		/* the callee never returns (or we lost it): keep going */
		r = g.have_ret ? g.retval : call_result(f, c, name);
		if (zero) {
			st_init_dead(zero);
			st_init_dead(nz);
		}
		goto out;
	}
	if (zero) {
		if (!st_copy(zero, s))
			apply_back(f, zero, &g.ret_zero, pkeys, ac, n, np);
		if (!st_copy(nz, s))
			apply_back(f, nz, &g.ret_nz, pkeys, ac, n, np);
		if (g.ret_zero.dead)
			zero->dead = 1;
		if (g.ret_nz.dead)
			nz->dead = 1;
	}
	apply_back(f, s, &cs, pkeys, ac, n, np);
	r = g.have_ret ? g.retval : val_int(iv_top());
out:
	st_release(&cs);
	st_release(&g.memo);
	st_release(&g.ret);
	st_release(&g.ret_zero);
	st_release(&g.ret_nz);
	return r;
}

/* Numeric range of ksize(p): between the smallest request and the
 * largest bucket of the kmalloc objects p may point to. */
static void ksize_range(struct eng_tu *t, const struct val *p,
			struct ival *r)
{
	long long lo = IV_PINF, hi = 0;
	unsigned i;
	int n = 0;

	if (p->ptop || !t->config)
		return;
	for (i = 0; i < p->np; i++) {
		const struct prov_obj *o;
		unsigned long long b;

		if (p->p[i].kind != PK_OBJ)
			continue;
		o = ir_obj(&t->objs, p->p[i].obj);
		if (o->origin != PO_ALLOC || o->family != APIDB_FAM_KMALLOC ||
		    o->size.hi >= IV_PINF || o->size.lo < 0)
			return;
		b = o->rounded ? (unsigned long long)o->size.hi :
				 slab_bucket(t->config,
					     (unsigned long long)o->size.hi);
		if (!b)
			return;
		if (o->size.lo < lo)
			lo = o->size.lo;
		if ((long long)b > hi)
			hi = (long long)b;
		n++;
	}
	if (!n)
		return;
	if (lo > r->lo)
		r->lo = lo;
	if (hi < r->hi)
		r->hi = hi;
}

struct nr_scan {
	CXTranslationUnit tu;
	int noreturn;
};

static enum CXChildVisitResult nr_cb(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct nr_scan *ns = data;
	CXToken *toks = NULL;
	unsigned n = 0, i;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_UnexposedAttr)
		return CXChildVisit_Continue;
	clang_tokenize(ns->tu, clang_getCursorExtent(c), &toks, &n);
	for (i = 0; i < n && !ns->noreturn; i++) {
		CXString sp = clang_getTokenSpelling(ns->tu, toks[i]);

		if (strstr(clang_getCString(sp), "noreturn"))
			ns->noreturn = 1;
		clang_disposeString(sp);
	}
	if (toks)
		clang_disposeTokens(ns->tu, toks, n);
	return ns->noreturn ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* 1 if the called function is declared __noreturn (cached per decl). */
static int callee_noreturn(struct eng_tu *t, CXCursor call)
{
	CXCursor decl = cx_ref(call);
	struct nr_scan ns = { t->tu, 0 };
	unsigned h;
	size_t i;

	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		return 0;
	h = clang_hashCursor(clang_getCanonicalCursor(decl));
	for (i = 0; i < t->nnr; i++)
		if (t->nr_hash[i] == h)
			return t->nr_val[i];
	{
		/* clang prints noreturn in the function type */
		CXString ts = clang_getTypeSpelling(cx_type(decl));

		if (strstr(clang_getCString(ts), "noreturn"))
			ns.noreturn = 1;
		clang_disposeString(ts);
	}
	if (!ns.noreturn)
		clang_visitChildren(decl, nr_cb, &ns);
	if (t->nnr == t->capnr) {
		size_t nc = t->capnr ? t->capnr * 2 : 64;
		unsigned *nh = realloc(t->nr_hash, nc * sizeof(*nh));
		unsigned char *nv;

		if (!nh)
			return ns.noreturn;
		t->nr_hash = nh;
		nv = realloc(t->nr_val, nc);
		if (!nv)
			return ns.noreturn;
		t->nr_val = nv;
		t->capnr = nc;
	}
	t->nr_hash[t->nnr] = h;
	t->nr_val[t->nnr++] = (unsigned char)ns.noreturn;
	return ns.noreturn;
}

static struct val eval_call(struct eng_fn *f, struct state *s, CXCursor c,
			    struct state *zero, struct state *nz)
{
	struct eng_tu *t = f->t;
	char nbuf[128];
	const char *name = cx_callee_name(c, nbuf, sizeof(nbuf));
	int n = clang_Cursor_getNumArguments(c), i;
	struct val a[MAX_ARGS];
	CXCursor ac[MAX_ARGS];
	const struct apidb_fn *api;
	CXCursor def;

	if (n < 0) {
		eng_effect(f, s, cx_first_child(c));
		n = 0;
	}
	if (name && !strcmp(name, "__builtin_expect") && n >= 1)
		return eng_eval(f, s, clang_Cursor_getArgument(c, 0));
	for (i = 0; i < n; i++) {
		CXCursor arg = clang_Cursor_getArgument(c, i);

		if (i < MAX_ARGS) {
			ac[i] = arg;
			a[i] = eng_eval(f, s, arg);
		} else {
			eng_effect(f, s, arg);
		}
	}
	if (n > MAX_ARGS)
		n = MAX_ARGS;
	if (s->dead)
		return val_top();
	if (!name)
		goto unknown;
	api = apidb_lookup(t->env->api, name);
	if (api) {
		switch (api->kind) {
		case APIDB_ALLOC:
			return do_alloc(f, s, c, api, name, a, ac, n);
		case APIDB_FREE:
			if (api->arg < n) {
				const char *fk = eng_key(f, ac[api->arg]);

				/* the freed path must hold the value, so that
				 * reading it again sees the free */
				if (fk && !st_find(s, fk))
					st_set(s, fk, &a[api->arg]);
				do_free(f, s, &a[api->arg], cx_line(c));
				if (fk)
					free_unknown_in_key(f, s, fk,
							    cx_line(c));
			}
			return val_int(iv_top());
		case APIDB_QUERY:
			if (api->arg >= n)
				return val_int(iv_top());
			if (api->query == APIDB_Q_KSIZE) {
				struct val r = val_int(iv_range(0, IV_PINF));
				const struct val *p = &a[api->arg];
				int obj = 0;
				unsigned k;

				eng_note_ksize(f, c, name, p,
					       elem_shared(f, ac[api->arg], p));
				for (k = 0; k < p->np; k++) {
					if (p->p[k].kind != PK_OBJ)
						continue;
					if (obj || !iv_is_const(&p->p[k].off,
								NULL) ||
					    p->p[k].off.lo)
						obj = -1;
					else
						obj = p->p[k].obj;
				}
				if (obj > 0 && !p->ptop) {
					const struct prov_obj *o =
						ir_obj(&t->objs, obj);

					r.iv = iv_sym(ir_ksize_sym(&t->objs,
								   obj));
					/* ksize() >= the request */
					r.iv.lo = o->size.lo > 0 ?
						  o->size.lo : 0;
				}
				ksize_range(t, p, &r.iv);
				r.iv.rounded = 1;
				return r;
			} else {
				long long sz;
				struct val r = val_int(iv_range(
					a[api->arg].iv.lo > 0 ?
					a[api->arg].iv.lo : 0, IV_PINF));

				if (iv_is_const(&a[api->arg].iv, &sz) &&
				    sz >= 0 && t->config)
					r.iv = iv_const((long long)slab_roundup(
						t->config,
						(unsigned long long)sz));
				r.iv.rounded = 1;
				return r;
			}
		case APIDB_SINK:
			return do_sink(f, s, c, api, name, a, ac, n);
		case APIDB_PRED:
			return val_int(iv_range(0, 1));
		case APIDB_SIZEFN:
			return val_int(formula(f, api->size, a, ac, n));
		case APIDB_NORETURN:
			st_release(s);
			st_init_dead(s);
			return val_top();
		case APIDB_ERRPTR: {
			struct val r = val_int(iv_top());
			struct pel e;

			memset(&e, 0, sizeof(e));
			e.kind = PK_ERR;
			e.off = iv_const(0);
			val_add_pel(&r, &e);
			return r;
		}
		}
	}
	def = clang_getCursorDefinition(cx_ref(c));
	if (!clang_Cursor_isNull(def) && cx_in_main_file(def) &&
	    (unsigned)f->depth < t->max_depth && !on_stack(f, def) &&
	    !t->over_budget && t->tu_steps < t->tu_budget)
		return do_inline(f, s, c, def, name, a, ac, n, zero, nz);
	if (!strcmp(name, "__builtin_unreachable") ||
	    !strcmp(name, "__builtin_trap")) {
		st_release(s);
		st_init_dead(s);
		return val_top();
	}
	if (!strncmp(name, "__builtin", 9))
		return call_result(f, c, name);
	if (callee_noreturn(t, c)) {
		st_release(s);
		st_init_dead(s);
		return val_top();
	}
unknown:
	for (i = 0; i < n; i++)
		kill_arg(f, s, ac[i]);
	return call_result(f, c, name);
}

static int inlinable(struct eng_fn *f, CXCursor c)
{
	char nbuf[128];
	const char *name = cx_callee_name(c, nbuf, sizeof(nbuf));
	CXCursor def;

	if (!name || apidb_lookup(f->t->env->api, name))
		return 0;
	def = clang_getCursorDefinition(cx_ref(c));
	return !clang_Cursor_isNull(def) && cx_in_main_file(def) &&
	       (unsigned)f->depth < f->t->max_depth && !on_stack(f, def) &&
	       !f->t->over_budget && f->t->tu_steps < f->t->tu_budget;
}

int eng_eval_split(struct eng_fn *f, struct state *s, CXCursor c,
		   struct val *out, struct state *zero, struct state *nz)
{
	c = cx_strip(c);
	if (s->dead || clang_getCursorKind(c) != CXCursor_CallExpr ||
	    !inlinable(f, c))
		return 0;
	st_init_dead(zero);
	st_init_dead(nz);
	*out = eval_call(f, s, c, zero, nz);
	if (s->dead) {
		st_release(zero);
		st_release(nz);
		st_init_dead(zero);
		st_init_dead(nz);
	}
	return 1;
}

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
		return literal_object(f, c);
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
			return read_lvalue(f, s, c);
		return val_top();
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		return read_lvalue(f, s, c);
	case CXCursor_UnaryOperator:
		return eval_unop(f, s, c);
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
		    cx_is_integer(cx_type(c)) &&
		    cx_binop(c) != CXBinaryOperator_Assign &&
		    cx_binop(c) != CXBinaryOperator_Comma &&
		    cx_eval_int(c, &cv))
			return val_int(iv_const(cv));
		return eval_binop(f, s, c);
	case CXCursor_ConditionalOperator:
		return eval_cond(f, s, c);
	case CXCursor_CallExpr:
		return eval_call(f, s, c, NULL, NULL);
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
