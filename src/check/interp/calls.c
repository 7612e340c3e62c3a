/* calls.c - calls: apidb functions (their effect), ksize(), same-TU
 * functions (inline.c), noreturn callees and unknown calls (a result that
 * is the same on every visit of the site). */
#include "check/interp/interp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The unknown result of call site c, the same on every visit. */
struct val eng_call_result(struct eng_fn *f, CXCursor c, const char *name)
{
	char buf[96];

	/* a name cut to fit still names the site */
	path_call_key(buf, sizeof(buf), cx_site(c), name);
	return eng_read_key(f, &f->memo, ir_intern(&f->t->keys, buf),
			    cx_type(c));
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

/* The apidb entry of callee name at call c: a record of the fact
 * database about a function the main file defines gives way to the body,
 * which the call then analyses in the caller's context as before (the
 * record was derived from that body). */
static const struct apidb_fn *call_api(const struct eng_tu *t, CXCursor c,
				       const char *name)
{
	const struct apidb_fn *api = apidb_lookup(t->env->api, name);
	CXCursor def;

	if (!api || !(api->flags & APIDB_F_FACT))
		return api;
	def = clang_getCursorDefinition(cx_ref(c));
	return !clang_Cursor_isNull(def) && cx_in_main_file(def) ? NULL : api;
}

/* Records on ksize symbol sym the struct type ksize()'s argument arg
 * points to (its name, type hash, and whether the main file defines it,
 * so that only this TU allocates it). */
static void ksize_type(struct eng_fn *f, CXCursor arg, int sym)
{
	struct prov_sym *ps = (struct prov_sym *)ir_sym(&f->t->objs, sym);
	CXType ty = clang_getCanonicalType(cx_type(cx_strip(arg)));
	CXType pt;
	CXString sp;

	if (!ps || ps->ptype || ty.kind != CXType_Pointer)
		return;
	pt = clang_getCanonicalType(clang_getPointeeType(ty));
	if (pt.kind != CXType_Record)
		return;
	ps->ptype = eng_type_hash(ty);
	ps->local_type = cx_in_main_file(clang_getTypeDeclaration(pt));
	sp = clang_getTypeSpelling(pt);
	ps->name = kc_arena_strdup(&f->t->arena, clang_getCString(sp));
	clang_disposeString(sp);
}

/* ksize(container_of(p, struct hdr, data)) on a pointer p of unknown
 * origin (a parameter): the argument is one object at a constant
 * negative offset, the header idiom. The result is the symbol of that
 * container's ksize() (one per object, SYM_KSIZE_HDR), so a guard
 * against it (`if (total <= ksize(...)) return p;`) can be read back
 * at the function's return (a realloc helper's claim, access_bounds.c).
 * Returns 1 and sets *r when it applies. */
static int hdr_ksize(struct eng_fn *f, const struct val *p, CXCursor arg,
		     struct ival *r)
{
	struct eng_tu *t = f->t;
	struct prov_obj *o;
	struct prov_sym *ps;
	unsigned k;
	int n = 0, obj = 0;
	long long off = 0;

	if (p->ptop)
		return 0;
	for (k = 0; k < p->np; k++) {
		if (p->p[k].kind == PK_NULL)
			continue;
		if (p->p[k].kind != PK_OBJ ||
		    !iv_is_const(&p->p[k].off, &off))
			return 0;
		obj = p->p[k].obj;
		n++;
	}
	if (n != 1 || off >= 0)
		return 0;
	o = ir_obj(&t->objs, obj);
	if (!o || o->origin != PO_UNKNOWN)
		return 0;
	if (!o->hdr_ksize_sym) {
		o->hdr_ksize_sym = ir_sym_new(&t->objs, SYM_KSIZE_HDR, obj,
					      NULL);
		ps = (struct prov_sym *)ir_sym(&t->objs, o->hdr_ksize_sym);
		if (!ps)
			return 0;
		ps->off = off;
	}
	ps = (struct prov_sym *)ir_sym(&t->objs, o->hdr_ksize_sym);
	if (!ps || ps->off != off)
		return 0;
	ksize_type(f, arg, o->hdr_ksize_sym);
	*r = iv_sym(o->hdr_ksize_sym);
	r->lo = -off;
	return 1;
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

/* __builtin_add_overflow(a, b, d), __builtin_mul_overflow(a, b, d)
 * (check_add_overflow(), check_mul_overflow()): stores a + b (a * b)
 * into *d and returns whether it overflowed. The stored value is the
 * exact sum only where the call returned 0; where it returned 1 the
 * kernel's callers give up (`if (check_add_overflow(...)) return`), so
 * the sum is kept on both sides, with a lower bound of 0 (size_t). *d is
 * the variable of `&x` or what a pointer variable points to (a helper's
 * `size_t *tot` flows back to its caller's variable). */
static struct val overflow_builtin(struct eng_fn *f, struct state *s,
				   int add, const struct val *a,
				   const CXCursor *ac)
{
	CXCursor d = cx_strip(ac[2]);
	const char *key = NULL;
	struct val r;
	char buf[512];

	if (clang_getCursorKind(d) == CXCursor_UnaryOperator &&
	    cx_unop(d) == CXUnaryOperator_AddrOf) {
		struct cx_kids k;

		cx_children(d, &k);
		if (k.n == 1 &&
		    clang_getCursorKind(cx_strip(k.k[0])) ==
		    CXCursor_DeclRefExpr)
			key = eng_key(f, k.k[0]);
	} else if (clang_getCursorKind(d) == CXCursor_DeclRefExpr &&
		   (key = eng_key(f, d)) &&
		   !path_append(buf, sizeof(buf), key, PATH_STEP_DEREF, "")) {
		key = ir_intern(&f->t->keys, buf);
	} else {
		key = NULL;
	}
	if (!key) {
		eng_kill_arg(f, s, ac[2]);
		return val_int(iv_range(0, 1));
	}
	r = val_int(add ? iv_add(a[0].iv, a[1].iv) : iv_mul(a[0].iv, a[1].iv));
	r.iv.rounded = 0;
	if (r.iv.lo < 0)
		r.iv.lo = 0;
	st_kill_under(s, key);
	st_set(s, key, &r);
	return val_int(iv_range(0, 1));
}

struct val eng_eval_call(struct eng_fn *f, struct state *s, CXCursor c,
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
	api = call_api(t, c, name);
	if (api) {
		switch (api->kind) {
		case APIDB_ALLOC:
			return eng_do_alloc(f, s, c, api, name, a, ac, n);
		case APIDB_FREE:
			if (api->arg < n) {
				const char *fk = eng_key(f, ac[api->arg]);
				int fev = eng_free_event(f->t, cx_line(c),
							 api->name, 0);

				/* the freed path must hold the value, so that
				 * reading it again sees the free */
				if (fk && !st_find(s, fk))
					st_set(s, fk, &a[api->arg]);
				eng_note_free_fact(f, c, api, &a[api->arg]);
				eng_do_free(f, s, &a[api->arg], cx_line(c),
					    fev);
				if (fk)
					eng_free_unknown_in_key(f, s, fk,
							    cx_line(c), fev);
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
					       eng_elem_shared(f, ac[api->arg], p));
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
				if (obj <= 0)
					hdr_ksize(f, p, ac[api->arg], &r.iv);
				else if (obj > 0 && !p->ptop)
					ksize_type(f, ac[api->arg],
						   ir_obj(&t->objs, obj)->
						   ksize_sym);
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
			return eng_do_sink(f, s, c, api, name, a, ac, n);
		case APIDB_PRED:
			return val_int(iv_range(0, 1));
		case APIDB_SIZEFN:
			return val_int(eng_formula(f, s, api->size, a, ac, n));
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
	    (unsigned)f->depth < t->max_depth && !eng_on_stack(f, def) &&
	    !t->over_budget && t->tu_steps < t->tu_budget)
		return eng_do_inline(f, s, c, def, name, a, ac, n, zero, nz);
	if (!strcmp(name, "__builtin_unreachable") ||
	    !strcmp(name, "__builtin_trap")) {
		st_release(s);
		st_init_dead(s);
		return val_top();
	}
	if (n == 3 && (!strcmp(name, "__builtin_add_overflow") ||
		       !strcmp(name, "__builtin_mul_overflow")))
		return overflow_builtin(f, s, name[10] == 'a', a, ac);
	if (!strncmp(name, "__builtin", 9))
		return eng_call_result(f, c, name);
	if (callee_noreturn(t, c)) {
		st_release(s);
		st_init_dead(s);
		return val_top();
	}
unknown:
	eng_mem_unknown_call(f, s, a, n);
	for (i = 0; i < n; i++) {
		eng_kill_arg(f, s, ac[i]);
		/* it may write any string it can reach */
		if (a[i].np || a[i].ptop)
			eng_strlen_forget(f, s, NULL);
	}
	return eng_call_result(f, c, name);
}

static int inlinable(struct eng_fn *f, CXCursor c)
{
	char nbuf[128];
	const char *name = cx_callee_name(c, nbuf, sizeof(nbuf));
	CXCursor def;

	if (!name || call_api(f->t, c, name))
		return 0;
	def = clang_getCursorDefinition(cx_ref(c));
	return !clang_Cursor_isNull(def) && cx_in_main_file(def) &&
	       (unsigned)f->depth < f->t->max_depth && !eng_on_stack(f, def) &&
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
	*out = eng_eval_call(f, s, c, zero, nz);
	if (s->dead) {
		st_release(zero);
		st_release(nz);
		st_init_dead(zero);
		st_init_dead(nz);
	}
	return 1;
}
