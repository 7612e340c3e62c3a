/* lvalues.c - reads and writes of lvalues: which accesses are checked
 * (member_judged, view_ok, check_lvalue), reads through pointers and
 * arrays, and stores (eng_store). */
#include "check/interp/interp.h"

#include <string.h>

/* 1 when base, a pointer used as another type than its allocation's
 * (a cast, a container_of() result, a pointer of another struct type),
 * points to exactly one kmalloc-family object of one constant requested
 * size at a constant offset: then an access through it is judged by its
 * own bytes at their offset, which is what the view reads or writes (a
 * v2 header read through a pointer to a kmalloc(sizeof(struct v1_hdr)),
 * a container stepped back to from a member of a smaller object, or from
 * the start of an object of any size: before its first byte). Any
 * other target, a second target, or a request that is a range (a size
 * chosen by a type tag) is not judged: which view is valid there is the
 * tag's, which the analysis does not relate to the size. */
static int view_single_object(struct eng_fn *f, struct state *s,
			      CXCursor base)
{
	struct val b = eng_eval(f, s, base);
	int n = 0;
	unsigned i;

	if (b.ptop)
		return 0;
	for (i = 0; i < b.np; i++) {
		const struct prov_obj *o;

		if (b.p[i].kind == PK_NULL || b.p[i].kind == PK_ERR)
			continue;
		if (b.p[i].kind != PK_OBJ || n++)
			return 0;
		o = ir_obj(&f->t->objs, b.p[i].obj);
		/* an object a field fact stands for was allocated elsewhere
		 * as its own type: a view of another type is chosen by a
		 * tag this function does not see (switch (desc->type)) */
		if (o->origin != PO_ALLOC || o->from_fact ||
		    !iv_is_const(&b.p[i].off, NULL) ||
		    eng_tag_tested(f, b.p[i].obj))
			return 0;
		/* before the start, the size does not matter */
		if (b.p[i].off.lo >= 0 &&
		    (!iv_is_const(&o->size, NULL) || o->size.lo <= 0))
			return 0;
	}
	return n == 1;
}

/* 1 if base is a view of its target (a cast, or a pointer whose struct
 * type is not the one the allocation was first stored as). */
static int is_view(struct eng_fn *f, struct state *s, CXCursor base)
{
	struct val b;
	unsigned i, h;

	if (clang_getCursorKind(base) == CXCursor_CStyleCastExpr)
		return 1;
	h = eng_type_hash(cx_type(base));
	b = eng_eval(f, s, base);
	for (i = 0; i < b.np; i++) {
		const struct prov_obj *o;

		if (b.p[i].kind != PK_OBJ)
			continue;
		o = ir_obj(&f->t->objs, b.p[i].obj);
		if (o->origin == PO_ALLOC && o->ptr_type && o->ptr_type != h)
			return 1;
	}
	return 0;
}

/* A field access p->f is judged when p points to the start of an
 * object requested with a constant size smaller than *p (the struct was
 * allocated too small), before the start of an allocation, or when p is
 * a view of one object of one
 * constant size (view_single_object). a[i].f and (*p).f never come here
 * (check_lvalue gives them to member_of_element); any other '.' access
 * is not judged. */
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
	if (!eng_is_arrow(base))
		return 0;
	if (is_view(f, s, base))
		return view_single_object(f, s, base);
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
		/* p before the start of an allocation (container_of() of a
		 * pointer that was never inside the container) */
		if (o->origin == PO_ALLOC && iv_is_const(&b.p[i].off, NULL) &&
		    b.p[i].off.lo < 0)
			continue;
		if (o->origin != PO_ALLOC || !iv_is_const(&o->size, &req) ||
		    req >= psz || !iv_is_const(&b.p[i].off, NULL) ||
		    b.p[i].off.lo)
			return 0;
	}
	return 1;
}

/* 0 when elem is a[i] where a is p->arr and p is a view of its target
 * (is_view) that is not one object of one constant size; else 1. */
static int view_ok(struct eng_fn *f, struct state *s, CXCursor elem)
{
	struct cx_kids k;
	CXCursor arr, base;

	if (clang_getCursorKind(elem) != CXCursor_ArraySubscriptExpr)
		return 1;
	cx_children(elem, &k);
	if (k.n != 2)
		return 1;
	arr = cx_strip(k.k[0]);
	if (clang_getCursorKind(arr) != CXCursor_MemberRefExpr)
		return 1;
	cx_children(arr, &k);
	if (k.n < 1)
		return 1;
	base = cx_strip(k.k[0]);
	if (!eng_is_arrow(base))
		return 1;
	return !is_view(f, s, base) || view_single_object(f, s, base);
}

/* a[i].f or (*p).f (base is a[i] or *p): judged as an access of f's
 * size at f's address, where the element access would be judged. The
 * element's address is evaluated once (its index may have side effects:
 * f[(*num)++].fd). */
static void member_of_element(struct eng_fn *f, struct state *s,
			      CXCursor member, CXCursor base, int write,
			      struct val *addr_out)
{
	struct val ea = eng_addr(f, s, base), a;
	long long foff = cx_field_offset(cx_ref(member)), sz;
	CXCursor at = member;
	unsigned i;

	a = foff < 0 ? val_ptr_add(&ea, iv_range(0, IV_PINF)) :
		       val_ptr_add(&ea, iv_const(foff / 8));
	if (addr_out)
		*addr_out = a;
	if (!eng_has_heap(&ea, f->t) || !view_ok(f, s, base))
		return;
	sz = cx_type_size(cx_type(member));
	/* an element offset in terms of a symbol (i < ksize(p) / sizeof(*p))
	 * is judged by whole elements: the symbolic judgement compares the
	 * element's end with ksize() or the request, which a field's end
	 * short of it cannot be; so is a field whose offset is unknown */
	for (i = 0; i < ea.np; i++)
		if (ea.p[i].kind == PK_OBJ && ea.p[i].off.nt)
			foff = -1;
	if (foff < 0) {
		a = ea;
		at = base;
		sz = cx_type_size(cx_type(base));
	}
	if (sz <= 0)
		return;
	eng_access(f, s, at, &a, iv_const(0), iv_const(sz), write, NULL);
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
		if (mk.n && !eng_is_arrow(base) &&
		    (clang_getCursorKind(base) == CXCursor_ArraySubscriptExpr ||
		     (clang_getCursorKind(base) == CXCursor_UnaryOperator &&
		      cx_unop(base) == CXUnaryOperator_Deref))) {
			/* a field of an array element: the field's own
			 * bytes (tbl[i].rate writes 4 bytes at its offset in
			 * element i, not the whole element), where the
			 * element access would be judged */
			member_of_element(f, s, sc, base, write, addr_out);
			return;
		}
	}
	a = eng_addr(f, s, sc);
	if (addr_out)
		*addr_out = a;
	if (!eng_has_heap(&a, f->t))
		return;
	if (k == CXCursor_MemberRefExpr && !member_judged(f, s, sc))
		return;
	if (!view_ok(f, s, sc))
		return;
	sz = cx_type_size(cx_type(sc));
	if (sz <= 0)
		return;
	eng_access(f, s, sc, &a, iv_const(0), iv_const(sz), write, NULL);
}

/* The array field whose element c is (a->q[i]), or a null cursor. */
static CXCursor elem_field(CXCursor c)
{
	struct cx_kids k;
	CXCursor m;
	CXType ty;

	if (clang_getCursorKind(c) != CXCursor_ArraySubscriptExpr)
		return clang_getNullCursor();
	cx_children(c, &k);
	if (k.n != 2)
		return clang_getNullCursor();
	m = cx_strip(k.k[0]);
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr)
		return clang_getNullCursor();
	ty = cx_canon_type(m);
	if (ty.kind != CXType_ConstantArray ||
	    clang_getCursorKind(cx_ref(m)) != CXCursor_FieldDecl)
		return clang_getNullCursor();
	return m;
}

/* The size of lvalue c when it is an integer or a pointer, else 0. */
static long long scalar_size(CXCursor c)
{
	CXType t = cx_type(c);

	return cx_is_integer(t) || cx_is_pointer(t) ? cx_type_size(t) : 0;
}

/* 1 unless c is a local variable: a pointer stored there may be read by
 * code the analysis does not see. */
static int stored_into_memory(CXCursor c)
{
	c = cx_strip(c);
	return clang_getCursorKind(c) != CXCursor_DeclRefExpr ||
	       eng_is_global_var(cx_ref(c));
}

struct val eng_read_lvalue(struct eng_fn *f, struct state *s, CXCursor c)
{
	CXType ty = cx_canon_type(c);
	const char *key;
	CXCursor x = eng_store_target(c);
	struct val addr, mv;

	/* READ_ONCE(p->f), *(volatile T *)&p->f: a read of p->f */
	if (!clang_equalCursors(x, cx_strip(c)))
		return eng_read_lvalue(f, s, x);

	if (ty.kind == CXType_ConstantArray ||
	    ty.kind == CXType_IncompleteArray ||
	    ty.kind == CXType_VariableArray)
		return eng_addr(f, s, c);
	check_lvalue(f, s, c, 0, &addr);
	key = eng_key(f, c);
	/* stored there through another pointer to the same object */
	if (addr.np && (!key || !st_find(s, key)) &&
	    eng_mem_load(f, s, &addr, scalar_size(c), &mv))
		return mv;
	if (!key)
		return val_top();
	if (clang_getCursorKind(cx_strip(c)) == CXCursor_MemberRefExpr) {
		CXCursor fld = cx_ref(cx_strip(c));
		struct val fv;

		/* a field only the tree's other TUs store: its fact comes
		 * from the database */
		if (f->t->env->fields_in && f->t->pass == 1 &&
		    clang_getCursorKind(fld) == CXCursor_FieldDecl)
			eng_fact_get(f->t, fld);

		if (st_find(s, key) || st_find(&f->memo, key))
			return eng_read_key(f, s, key, cx_type(c));
		if (eng_fact_initial(f, s, cx_strip(c), key, &fv))
			return fv;
		if (clang_getCursorKind(fld) == CXCursor_FieldDecl)
			return eng_read_key_field(f, s, key, cx_type(c),
					clang_hashCursor(fld));
	}
	if (!clang_Cursor_isNull(elem_field(cx_strip(c))) &&
	    f->t->env->fields_in && f->t->pass == 1)
		eng_fact_get(f->t, cx_ref(elem_field(cx_strip(c))));
	if (!clang_Cursor_isNull(elem_field(cx_strip(c))) &&
	    cx_is_pointer(cx_type(c)) && !st_find(s, key) &&
	    !st_find(&f->memo, key))
		/* an element of an array field: what the TU stores into
		 * its elements */
		return eng_read_key_field(f, s, key, cx_type(c),
				clang_hashCursor(cx_ref(elem_field(
					cx_strip(c)))));
	if (clang_getCursorKind(cx_strip(c)) == CXCursor_DeclRefExpr) {
		/* a file-static pointer: what the TU stores into it */
		CXCursor var = cx_ref(cx_strip(c));

		if (eng_file_static(var) && !st_find(s, key) &&
		    !st_find(&f->memo, key))
			return eng_read_key_field(f, s, key, cx_type(c),
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

static int holds_pel(const struct val *v, const struct pel *e)
{
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == e->kind && v->p[i].obj == e->obj &&
		    iv_equal(&v->p[i].off, &e->off))
			return 1;
	return 0;
}

/* What a store of v into lvalue c adds to what c held: v without the
 * non-allocation elements c holds already (the field's own value stored
 * back, as in a reuse branch, `q = a->q[i]; ... a->q[i] = q;` run in a
 * caller's loop), and without the unknown part when c's content had it
 * too and v holds all of that content (a value derived from c's own,
 * whose unknown part is c's initial content, not a new store) and v
 * dropped no elements of its own when its set was full (val.h: lost). An
 * allocation is always a store of its own: a loop round may store the
 * same site again. */
static struct val new_content(struct eng_fn *f, struct state *s, CXCursor c,
			      const struct val *v)
{
	const char *key = eng_key(f, c);
	const struct val *old = key ? st_find(s, key) : NULL;
	struct val nv = *v;
	unsigned i;
	int all = 1;

	if (!old && key)
		old = st_find(&f->memo, key);
	if (!old || (!old->np && !old->ptop))
		return nv;
	nv.np = 0;
	for (i = 0; i < v->np; i++) {
		const struct prov_obj *o = v->p[i].kind == PK_OBJ ?
			ir_obj(&f->t->objs, v->p[i].obj) : NULL;

		if (holds_pel(old, &v->p[i]) && !(o && o->origin == PO_ALLOC))
			continue;
		nv.p[nv.np++] = v->p[i];
	}
	for (i = 0; i < old->np; i++)
		if (!holds_pel(v, &old->p[i]))
			all = 0;
	/* a set that overflowed lost elements of its own (new allocations,
	 * say): its unknown part is not only c's old content */
	if (v->ptop && old->ptop && all && !v->lost)
		nv.ptop = 0;
	if (!nv.np && !nv.ptop && (v->np || v->ptop))
		return val_null(); /* only the old content: no store */
	return nv;
}

/* Pass 0: a store of v into lvalue c that the field facts record (a
 * field, an element of an array field, a file-static), with the value
 * of the pointer the field is reached through. */
static void record_store(struct eng_fn *f, struct state *s, CXCursor c,
			 const struct val *v)
{
	CXCursor m = eng_store_target(c), e = elem_field(m);
	struct val base = val_top(), nv;
	struct cx_kids k;
	const char *bk;


	if (!clang_Cursor_isNull(e)) {
		nv = new_content(f, s, m, v);
		eng_record_store(f, e, eng_key(f, e), &nv, NULL, 1);
		return;
	}
	if (clang_getCursorKind(m) == CXCursor_DeclRefExpr &&
	    eng_file_static(cx_ref(m))) {
		eng_record_store(f, m, eng_key(f, m), v, NULL, 0);
		return;
	}
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr)
		return;
	cx_children(m, &k);
	if (k.n >= 1 && eng_is_arrow(cx_strip(k.k[0])) &&
	    (bk = eng_key(f, k.k[0])))
		base = eng_read_key(f, s, bk, cx_type(k.k[0]));
	nv = new_content(f, s, m, v);
	eng_record_store(f, m, eng_key(f, m), &nv, &base, 0);
}

void eng_store(struct eng_fn *f, struct state *s, CXCursor c,
	       const struct val *v)
{
	const char *key;
	struct val nv = *v, addr;

	if (s->dead)
		return;
	check_lvalue(f, s, c, 1, &addr);
	/* a byte stored into a string changes its length */
	if (addr.np)
		eng_strlen_forget(f, s, &addr);
	if (addr.np || addr.lost)
		eng_mem_store(f, s, &addr, scalar_size(c), v);
	if (stored_into_memory(c))
		eng_mem_escape(f, v);
	eng_note_ptr_type(f, cx_type(c), v);
	if (f->t->pass == 0)
		record_store(f, s, c, v);
	key = eng_key(f, c);
	if (!key)
		return;
	st_kill_under(s, key);
	if (path_has_step(key, PATH_STEP_ELEM) ||
	    (path_has_step(key, PATH_STEP_DEREF) &&
	     !deref_single(f, s, c))) {
		struct val old = eng_read_key(f, s, key,
					      cx_type(c));

		nv = val_join(&old, v);
	}
	st_set(s, key, &nv);
}
