/* effects.c - the effects of apidb functions: allocation (do_alloc),
 * sinks that consume an argument (do_sink), the size formulas of their
 * arguments, and strlen of known strings; free (do_free) is in free.c. */
#include "check/interp/interp.h"
#include "apidb/fmtlen.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int isalnum_c(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

static long long literal_len(CXCursor c)
{
	long long sz;

	c = cx_strip(c);
	if (clang_getCursorKind(c) != CXCursor_StringLiteral)
		return -1;
	sz = cx_type_size(cx_type(c));
	return sz > 0 ? sz - 1 : -1;
}

/* The string-length slot of the one object v points to, at a constant
 * offset, or NULL. */
static const char *strlen_slot(struct eng_fn *f, const struct val *v)
{
	char buf[64];
	int obj = 0;
	long long off = 0;
	unsigned i;

	if (v->ptop)
		return NULL;
	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind == PK_NULL || v->p[i].kind == PK_ERR)
			continue;
		if (v->p[i].kind != PK_OBJ || obj ||
		    !iv_is_const(&v->p[i].off, &off))
			return NULL;
		obj = v->p[i].obj;
	}
	if (!obj || path_strlen_key(buf, sizeof(buf), obj, off))
		return NULL;
	return ir_intern(&f->t->keys, buf);
}

/* strlen() of the string a pointer value points to: the length a string
 * writer left there on this path (s's slot, eng_strlen_set), else one
 * opaque value per (object, constant offset), so kmalloc(strlen(s)) and
 * strcpy(p, s) talk about the same length. */
static struct ival strlen_of(struct eng_fn *f, const struct state *s,
			     const struct val *v)
{
	const char *key = strlen_slot(f, v);
	struct val r, *m;

	if (!key)
		return iv_range(0, IV_PINF);
	m = s ? st_find(s, key) : NULL;
	if (m && !m->np)
		return m->iv;
	m = st_find(&f->memo, key);
	if (m)
		return m->iv;
	r = val_int(iv_sym(ir_sym_new(&f->t->objs, SYM_OPAQUE, 0,
				      "strlen()")));
	r.iv.lo = 0;
	st_set(&f->memo, key, &r);
	return r.iv;
}

struct ival eng_formula(struct eng_fn *f, const struct state *s,
			const struct apidb_expr *e, const struct val *a,
			const CXCursor *ac, int n)
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
			return strlen_of(f, s, &a[e->l->arg]);
		}
		return iv_range(0, IV_PINF);
	case APIDB_OP_MIN:
		l = eng_formula(f, s, e->l, a, ac, n);
		r = eng_formula(f, s, e->r, a, ac, n);
		return iv_range(l.lo < r.lo ? l.lo : r.lo,
				l.hi < r.hi ? l.hi : r.hi);
	case APIDB_OP_UNKNOWN:
		return iv_top();
	}
	l = eng_formula(f, s, e->l, a, ac, n);
	r = eng_formula(f, s, e->r, a, ac, n);
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

	if (!cx_written_in_main_file(c))
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
int eng_elem_shared(struct eng_fn *f, CXCursor arg, const struct val *v)
{
	const char *key = eng_key(f, arg);
	int first = 0;
	unsigned i;

	if (!key || !path_has_step(key, PATH_STEP_ELEM))
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

static void strlen_set(struct eng_fn *f, struct state *s,
		       const struct val *dst, struct ival start,
		       struct ival len);

/* "foo_buf_alloc() returns kmalloc($1*8) (fact from drivers/x/foo_lib.c:40,
 * ksizecheck database)": the note of an object allocated by a function
 * that the fact database describes (api->fact is its record). */
static const char *fact_note(struct eng_tu *t, const char *name,
			     const struct apidb_fn *api)
{
	char fam[32] = "", size[160] = "";

	if (!api->fact ||
	    sscanf(api->fact, "%*s %*s %31s %159s", fam, size) != 2)
		snprintf(fam, sizeof(fam), "%s",
			 apidb_family_name(api->family));
	return kc_arena_printf(&t->arena, "%s() returns %s(%s) (fact from "
			       "%s:%u, ksizecheck database)", name, fam,
			       size[0] ? size : "?", api->file, api->line);
}

struct val eng_do_alloc(struct eng_fn *f, struct state *s, CXCursor c,
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
	o = ir_obj_get(&t->objs, eng_mix(cx_site(c), f->ctx), PO_ALLOC, &id);
	if (!o)
		return val_top();
	/* a new object of the site: nothing is stored in it yet */
	eng_mem_forget_obj(f, s, id);
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
	if (f->caller) {
		/* made in a helper: the call of the outermost function */
		const struct eng_fn *g = f;

		while (g->caller->caller)
			g = g->caller;
		o->via = g->name;
		o->via_loc = cx_loc(&t->arena, g->call);
		o->via_top = g->caller->name;
	}
	if (api->flags & APIDB_F_FACT)
		o->fact = fact_note(t, name, api);
	/* a site visited again (loop rounds, krealloc growth) stands for
	 * every size it was given: a verdict needs one that all share */
	nsz = eng_formula(f, s, api->size, a, ac, n);
	/* a request is a size_t: a negative value here is a wrapped one
	 * (an int count below zero), so large that the allocation fails */
	if (nsz.lo < 0 && nsz.hi >= 0)
		nsz.lo = 0;
	o->size = o->sized ? iv_join(o->size, nsz) : nsz;
	o->sized = 1;
	o->rounded = api->size && api->size->op == APIDB_OP_ARG &&
		     api->size->arg < n && a[api->size->arg].iv.rounded;
	if (api->size && api->size->op == APIDB_OP_ARG &&
	    api->size->arg < n && !o->size_text)
		o->size_text = arg_text(t, ac[api->size->arg]);
	r = val_obj(id, iv_const(0));
	/* kstrdup(s): a copy of the string, as long as s */
	if (api->size && api->size->op == APIDB_OP_ADD && api->size->l &&
	    api->size->l->op == APIDB_OP_STRLEN && api->size->r &&
	    api->size->r->op == APIDB_OP_NUM && api->size->r->num == 1)
		strlen_set(f, s, &r, iv_const(0), nsz);
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

void eng_kill_arg(struct eng_fn *f, struct state *s, CXCursor arg)
{
	CXCursor a = cx_strip(arg);
	const char *key;

	/* (struct acpi_table_header **)&wdat: the callee writes wdat */
	while (clang_getCursorKind(a) == CXCursor_CStyleCastExpr) {
		struct cx_kids ck;

		cx_children(a, &ck);
		if (!ck.n)
			break;
		a = cx_strip(ck.k[ck.n - 1]);
	}

	if (clang_getCursorKind(a) == CXCursor_UnaryOperator &&
	    cx_unop(a) == CXUnaryOperator_AddrOf) {
		struct cx_kids k;

		cx_children(a, &k);
		if (k.n == 1 && (key = eng_key(f, k.k[0]))) {
			struct val top = val_top();
			CXCursor m = cx_strip(k.k[0]);

			/* the callee may store anything into the field */
			if (f->t->pass == 0 &&
			    clang_getCursorKind(m) == CXCursor_MemberRefExpr &&
			    (cx_is_pointer(cx_type(m)) ||
			     cx_is_integer(cx_type(m))))
				eng_record_store(f, m, key, &top, NULL, 0);

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

/* What a printf-style format's arguments are known to be: an integer
 * range, or the length of a string (apidb/fmtlen.h). */
struct fmt_args {
	struct eng_fn *f;
	const struct val *a;
	const CXCursor *ac;
	int first, n;          /* arguments first..n-1 follow the format */
};

static int fmt_arg(void *data, unsigned i, struct fmt_argv *out)
{
	const struct fmt_args *fa = data;
	int k = fa->first + (int)i;
	const struct val *v;
	long long len;

	if (k < 0 || k >= fa->n)
		return -1;
	v = &fa->a[k];
	out->have_range = !v->np && !v->ptop && !v->iv.nt &&
			  v->iv.lo != IV_NINF && v->iv.hi != IV_PINF;
	out->lo = v->iv.lo;
	out->hi = v->iv.hi;
	len = literal_len(fa->ac[k]);
	out->nonnull = len >= 0;
	if (len < 0 && v->np) {
		struct ival sl = strlen_of(fa->f, NULL, v);

		if (!sl.nt && sl.hi != IV_PINF)
			len = sl.hi;
	}
	out->strmax = len;
	return 0;
}

/* The most bytes bounded writer api writes through its format argument:
 * the format's longest output and its NUL, or -1 when the format is not
 * a literal or its output has no bound. The arguments are known only
 * when the callee takes them itself (snprintf, not vsnprintf's
 * va_list). */
static long long fmt_written(struct eng_fn *f, CXCursor call,
			     const struct apidb_fn *api, const struct val *a,
			     const CXCursor *ac, int n)
{
	struct fmt_args fa = { f, a, ac, api->fmt + 1, n };
	CXCursor callee = clang_getCursorReferenced(call);
	const char *fmt;
	long long max;

	if (api->fmt < 0 || api->fmt >= n)
		return -1;
	fmt = cx_str_literal(&f->t->arena, ac[api->fmt]);

	if (!fmt)
		return -1;
	if (clang_Cursor_isNull(callee) || !clang_Cursor_isVariadic(callee))
		fa.n = 0;
	max = fmt_max_len(fmt, strlen(fmt), fmt_arg, &fa, NULL);
	return max < 0 ? -1 : max + 1;
}

struct strlen_drop {
	int obj[VAL_MAXP];
	int n;          /* -1: every object */
};

static int drop_strlen(const char *key, void *ctx)
{
	const struct strlen_drop *d = ctx;
	int obj = path_strlen_obj(key), i;

	if (!obj)
		return 0;
	if (d->n < 0)
		return 1;
	for (i = 0; i < d->n; i++)
		if (d->obj[i] == obj)
			return 1;
	return 0;
}

void eng_strlen_forget(struct eng_fn *f, struct state *s,
		       const struct val *v)
{
	struct strlen_drop d;
	unsigned i;

	(void)f;
	d.n = v && !v->ptop ? 0 : -1;
	for (i = 0; v && d.n >= 0 && i < v->np; i++)
		if (v->p[i].kind == PK_OBJ)
			d.obj[d.n++] = v->p[i].obj;
	if (d.n)
		st_drop_keys(s, drop_strlen, &d);
}

/* After string writer api wrote len bytes at start (from DST's old
 * NUL for atend): the string at DST is start + len - 1 long. A store
 * that fails is no error of the analysis: the length is then unknown,
 * as it was. */
static void strlen_put(struct eng_fn *f, struct state *s,
		       const struct val *dst, struct ival l)
{
	const char *key = strlen_slot(f, dst);
	struct val v;

	if (!key)
		return;
	v = val_int(l);
	if (v.iv.lo < 0)
		v.iv.lo = 0;
	v.iv.reach = 0;
	st_set(s, key, &v);
}

static void strlen_set(struct eng_fn *f, struct state *s,
		       const struct val *dst, struct ival start,
		       struct ival len)
{
	if (len.hi == IV_PINF && !len.nt)
		return;
	strlen_put(f, s, dst, iv_add(iv_add(start, len), iv_const(-1)));
}

/* The length of the string argument k: a literal's, else strlen_of. */
static struct ival arg_strlen(struct eng_fn *f, const struct state *s,
			      const struct val *a, const CXCursor *ac, int k)
{
	long long len = literal_len(ac[k]);

	return len >= 0 ? iv_const(len) : strlen_of(f, s, &a[k]);
}

static int iv_known(const struct ival *v)
{
	return !v->nt && v->lo != IV_NINF && v->hi != IV_PINF;
}

/* String copier api (srclen): the length of the string it would leave at
 * DST were the size no limit, strlen(SRC), after strlen(DST) for atend
 * (strlcat, which appends at DST's NUL). 0 and *out set when both are
 * known numbers, else -1. */
static int copy_len(struct eng_fn *f, const struct state *s,
		    const struct apidb_fn *api, const struct val *a,
		    const CXCursor *ac, int n, struct ival *out)
{
	struct ival l, d = iv_const(0);

	if (api->src < 0 || api->src >= n || api->dst < 0 || api->dst >= n)
		return -1;
	l = arg_strlen(f, s, a, ac, api->src);
	if (!iv_known(&l))
		return -1;
	if (api->flags & APIDB_F_ATEND) {
		d = arg_strlen(f, s, a, ac, api->dst);
		if (!iv_known(&d))
			return -1;
	}
	*out = iv_add(d, l);
	return 0;
}

/* After string copier api was given size len: the string at DST is
 * min(len - 1, the copy's length) long (the copy NUL-terminates when
 * len >= 1; strlcat's DST longer than len is a BUG_ON). Set only when
 * len is a known number of at least 1. */
static void copy_strlen_set(struct eng_fn *f, struct state *s,
			    const struct val *dst, struct ival len,
			    int known, struct ival cl)
{
	struct ival r;

	if (!iv_known(&len) || len.lo < 1)
		return;
	r = iv_range(0, len.hi - 1);
	if (known) {
		r.lo = cl.lo < len.lo - 1 ? cl.lo : len.lo - 1;
		r.hi = cl.hi < len.hi - 1 ? cl.hi : len.hi - 1;
	}
	strlen_put(f, s, dst, r);
}

struct val eng_do_sink(struct eng_fn *f, struct state *s, CXCursor c,
			  const struct apidb_fn *api, const char *name,
			  const struct val *a, const CXCursor *ac, int n)
{
	struct ival len = eng_formula(f, s, api->size, a, ac, n);
	struct ival start = iv_const(0), cl = iv_const(0);
	int copy = (api->flags & (APIDB_F_UPTO | APIDB_F_SRCLEN)) ==
		   (APIDB_F_UPTO | APIDB_F_SRCLEN);
	int cl_known = 0;
	long long most = -1, least = 0;

	name = cx_spelled_callee(&f->t->arena, c, name);

	/* strcat: from the NUL of the string at DST, when its length is
	 * known (a string writer left it, or one opaque strlen()); a
	 * string copier's size bounds all of DST (strlcat) */
	if ((api->flags & APIDB_F_ATEND) && !copy && api->dst >= 0 &&
	    api->dst < n)
		start = strlen_of(f, s, &a[api->dst]);
	if (api->dst >= 0 && api->dst < n) {
		if (copy && !copy_len(f, s, api, a, ac, n, &cl)) {
			/* strscpy: the string and its NUL */
			cl_known = 1;
			most = cl.hi + 1;
			least = cl.lo + 1;
		} else if (api->flags & APIDB_F_UPTO) {
			most = fmt_written(f, c, api, a, ac, n);
			least = most;
		}
		if (most >= 0 && (len.nt || len.hi > most)) {
			/* snprintf writes the smaller of its size and what
			 * the format produces, strscpy the smaller of its
			 * size and the source string with its NUL */
			struct ival w = iv_range(0, most);

			if (!len.nt && len.lo > 0)
				w.lo = len.lo < least ? len.lo : least;
			eng_access_bounded(f, s, c, &a[api->dst], w, len,
					   name, !cl_known ? 0 :
					   (api->flags & APIDB_F_ATEND) ?
					   2 : 1);
		} else {
			eng_access(f, s, c, &a[api->dst], start, len, 1,
				   name);
		}
		eng_kill_arg(f, s, ac[api->dst]);
		eng_strlen_forget(f, s, &a[api->dst]);
		eng_mem_forget(f, s, &a[api->dst], iv_add(start, len));
		if (api->flags & APIDB_F_STR)
			strlen_set(f, s, &a[api->dst], start, len);
		if (copy)
			copy_strlen_set(f, s, &a[api->dst], len, cl_known,
					cl);
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
