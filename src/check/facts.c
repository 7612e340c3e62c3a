/* facts.c - field facts: a first pass over the TU records what is stored
 * into struct fields, so that the second pass knows, in any function,
 * that buf->cap holds ksize(buf->data) (a capacity field, also divided
 * or counted past a header: (ksize(l) - offsetof(T, table)) / 8), and
 * that buf->data always holds a kmalloc object of one requested size (a
 * constant, or the value of a sibling field: x->buf = kmalloc(x->len)).
 * Every store the pass sees must agree, else the field says nothing. */
#include "check/engine.h"
#include "util/sink.h"
#include "util/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *owner_name(struct eng_tu *t, CXCursor fld);

static struct field_fact *fact_raw(const struct eng_tu *t, unsigned fh)
{
	size_t i;

	for (i = 0; i < t->nff; i++)
		if (t->ff[i].fhash == fh)
			return &t->ff[i];
	return NULL;
}

/* 1 if fld is a field of a struct declared in a header under an include/
 * directory (include/linux/fs.h's struct file, arch/x86/include/...), or
 * a void * of a struct any header declares: files of other subsystems,
 * or the driver's other files, store into it (seq_open() into
 * file->private_data), so the stores one TU sees are not all of them. A
 * struct of the main file, or a typed field of a driver's own header, is
 * not. */
static int field_shared(CXCursor fld)
{
	CXCursor rec = clang_getCursorSemanticParent(fld);
	CXFile file;
	CXString name;
	const char *p;
	int shared;

	CXType ft;

	if (clang_getCursorKind(fld) != CXCursor_FieldDecl ||
	    cx_in_main_file(rec))
		return 0;
	/* a void * of a struct that other files include is any file's
	 * private slot: radeon.h's pm.dpm.priv holds an rv7xx_power_info
	 * from rv770_dpm.c and a larger evergreen_power_info from
	 * cypress_dpm.c */
	ft = clang_getCanonicalType(clang_getCursorType(fld));
	if (ft.kind == CXType_Pointer &&
	    clang_getCanonicalType(clang_getPointeeType(ft)).kind ==
	    CXType_Void)
		return 1;
	clang_getExpansionLocation(clang_getCursorLocation(rec), &file, NULL,
				   NULL, NULL);
	if (!file)
		return 0;
	name = clang_getFileName(file);
	p = clang_getCString(name);
	shared = p && (!strncmp(p, "include/", 8) ||
		       strstr(p, "/include/") != NULL);
	clang_disposeString(name);
	return shared;
}

/* The facts on fh that hold: with the whole-tree database, only when the
 * tree's stores agree; on a field of a shared struct (field_shared), only
 * then. */
static struct field_fact *fact_find(const struct eng_tu *t, unsigned fh)
{
	struct field_fact *ff = fact_raw(t, fh);

	if (ff && t->env->fields_in && !ff->db_asked)
		eng_fact_import((struct eng_tu *)t, ff);
	if (!ff || ff->db_bad)
		return NULL;
	if (ff->shared < 0 && !clang_Cursor_isNull(ff->fld))
		ff->shared = field_shared(ff->fld);
	return ff->shared > 0 && !ff->db_agreed ? NULL : ff;
}

static struct field_fact *fact_get(struct eng_tu *t, unsigned fh,
				   const char *name)
{
	struct field_fact *ff = fact_raw(t, fh);

	if (ff)
		return ff;
	if (t->nff == t->capff &&
	    kc_vec_grow((void **)&t->ff, &t->capff, sizeof(*t->ff)))
		return NULL;
	ff = &t->ff[t->nff++];
	memset(ff, 0, sizeof(*ff));
	ff->fhash = fh;
	ff->name = name;
	ff->fld = clang_getNullCursor();
	ff->shared = -1;
	return ff;
}

struct field_fact *eng_fact_get(struct eng_tu *t, CXCursor fld)
{
	struct field_fact *ff = fact_get(t, clang_hashCursor(fld),
					 cx_spelling(&t->arena, fld));

	if (!ff)
		return NULL;
	if (clang_Cursor_isNull(ff->fld))
		ff->fld = fld;
	if (!ff->owner)
		ff->owner = owner_name(t, fld);
	eng_fact_import(t, ff);
	return ff;
}


int eng_file_static(CXCursor decl)
{
	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       clang_Cursor_getStorageClass(decl) == CX_SC_Static &&
	       clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	       CXCursor_TranslationUnit;
}

void eng_record_store(struct eng_fn *f, CXCursor member, const char *key,
		      const struct val *v, const struct val *base, int elem)
{
	struct eng_tu *t = f->t;
	CXCursor fld = cx_ref(member);
	struct field_store *st;

	if (t->pass != 0 || (clang_getCursorKind(fld) != CXCursor_FieldDecl &&
			     !eng_file_static(fld)))
		return;
	if (f->nstores == f->capstores &&
	    kc_vec_grow((void **)&f->stores, &f->capstores,
			sizeof(*f->stores)))
		return;
	st = &f->stores[f->nstores++];
	memset(st, 0, sizeof(*st));
	st->fhash = clang_hashCursor(fld);
	st->fld = fld;
	st->name = cx_spelling(&t->arena, fld);
	st->key = key;
	st->v = *v;
	st->base = base ? *base : val_top();
	st->loc = cx_loc(&t->arena, member);
	st->elem = elem;
	st->ptr = elem ? clang_getCanonicalType(clang_getElementType(
			     clang_getCanonicalType(clang_getCursorType(fld))))
			     .kind == CXType_Pointer :
		  cx_canon_type(member).kind == CXType_Pointer;
}

static int holds_obj(const struct val *v, int obj)
{
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == PK_OBJ && v->p[i].obj == obj &&
		    iv_is_const(&v->p[i].off, NULL) && v->p[i].off.lo == 0)
			return 1;
	return 0;
}

static void note_site(struct field_fact *ff, const struct prov_obj *o)
{
	int i, n = (int)(sizeof(ff->sites) / sizeof(ff->sites[0]));

	if (!o->site)
		return;
	for (i = 0; i < ff->nsites; i++)
		if (ff->sites[i] == o->site)
			break;
	if (!ff->nsites) {
		ff->site_size = o->size;
	} else if (!iv_equal(&ff->site_size, &o->size)) {
		ff->sites_mixed = 1;
	}
	if (i < ff->nsites)
		return;
	if (ff->nsites) {
		ff->sites_mixed = 1;
	}
	if (ff->nsites < n)
		ff->sites[ff->nsites++] = o->site;
}

/* The text of key after its last field name's prefix: key minus name
 * (the base path and its step), or 0 when key does not end with name. */
static size_t key_prefix(const char *key, const char *name)
{
	size_t kl, nl;

	if (!key || !name)
		return 0;
	kl = strlen(key);
	nl = strlen(name);
	if (nl >= kl || strcmp(key + kl - nl, name))
		return 0;
	return kl - nl;
}

/* 1 if key is prefix (len bytes) followed by a plain field name. */
static int sibling_key(const char *key, const char *prefix, size_t len)
{
	const char *p;

	if (!len || strncmp(key, prefix, len) || !key[len])
		return 0;
	for (p = key + len; *p; p++)
		if (!(*p == '_' || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return 0;
	return 1;
}

/* 1 if a is exactly one symbol (no offset, no divisor, coefficient 1). */
static int exact_sym(const struct ival *a, int sym)
{
	return a->nt == 1 && a->sym[0] == sym && a->coef[0] == 1 &&
	       a->den == 1 && a->slo == 0 && a->shi == 0;
}

/* The sibling integer field of store st (same object) whose value,
 * times *coef, is size: stored in f before, or read by f at its entry.
 * NULL if none. */
static const char *size_sibling(struct eng_fn *f, const struct field_store *st,
				const struct ival *size, long long *coef)
{
	size_t len = key_prefix(st->key, st->name), i;

	if (!len || size->nt != 1 || size->den != 1 || size->slo ||
	    size->shi || size->coef[0] <= 0)
		return NULL;
	*coef = size->coef[0];
	for (i = f->nstores; i > 0; i--) {
		const struct field_store *o = &f->stores[i - 1];

		if (o->key && !o->v.np && !o->v.ptop && !o->elem &&
		    sibling_key(o->key, st->key, len) &&
		    exact_sym(&o->v.iv, size->sym[0]))
			return o->name;
	}
	for (i = 0; i < f->memo.n; i++) {
		const struct st_ent *e = &f->memo.e[i];

		if (!path_is_slot(e->key) && !e->v.np && !e->v.ptop &&
		    sibling_key(e->key, st->key, len) &&
		    strcmp(e->key + len, st->name) &&
		    exact_sym(&e->v.iv, size->sym[0]))
			return e->key + len;
	}
	return NULL;
}

/* Keeps the description of one store behind ff (deduplicated by place:
 * a helper's store is seen on its own and inlined in its callers). */
static void add_site(struct field_fact *ff, const struct field_store *st,
		     const char *fn, const char *what)
{
	int i, n = ff->nst < FACT_SITES ? ff->nst : FACT_SITES;

	for (i = 0; i < n; i++)
		if (ff->st[i].loc.line == st->loc.line &&
		    ff->st[i].loc.col == st->loc.col &&
		    ff->st[i].loc.file && st->loc.file &&
		    !strcmp(ff->st[i].loc.file, st->loc.file))
			return;
	if (ff->nst < FACT_SITES) {
		ff->st[ff->nst].loc = st->loc;
		ff->st[ff->nst].function = fn;
		ff->st[ff->nst].what = what;
	}
	ff->nst++;
}

static const char *obj_text(struct eng_tu *t, const struct prov_obj *o)
{
	char b[64];

	if (o->size_text)
		return kc_arena_printf(&t->arena, "%s(%s)", o->alloc,
				       o->size_text);
	if (iv_is_const(&o->size, NULL))
		return kc_arena_printf(&t->arena, "%s(%s)", o->alloc,
				       iv_str(&o->size, b, sizeof(b)));
	return kc_arena_printf(&t->arena, "%s()", o->alloc);
}

/* Classifies pointer store st (of function f) into ff; returns the
 * sibling field that sizes it (x->buf = kmalloc(x->len)), or NULL. */
static const char *classify_ptr(struct eng_fn *f, struct field_fact *ff,
				const struct field_store *st)
{
	struct eng_tu *t = f->t;
	const struct val *v = &st->v;
	int unrounded = 0, n = 0;
	unsigned i;
	const struct prov_obj *first = NULL;
	const char *sib = NULL, *what = NULL;

	if (v->ptop || (!v->np && !iv_is_const(&v->iv, NULL))) {
		ff->alloc_other++;
		add_site(ff, st, f->name, "an unknown value");
		return NULL;
	}
	for (i = 0; i < v->np; i++) {
		const struct prov_obj *o;
		long long c, coef = 0;
		const char *s;

		if (v->p[i].kind == PK_NULL || v->p[i].kind == PK_ERR)
			continue;
		o = v->p[i].kind == PK_OBJ ? ir_obj(&t->objs, v->p[i].obj) :
					     NULL;
		/* the field's own value stored back (a reuse branch) */
		if (o && o->origin == PO_UNKNOWN && o->field == ff->fhash &&
		    iv_is_const(&v->p[i].off, &c) && !c)
			continue;
		if (o && o->origin == PO_ALLOC &&
		    o->family != APIDB_FAM_KMALLOC &&
		    iv_is_const(&v->p[i].off, NULL) && !v->p[i].off.lo) {
			if (ff->alloc_nk && ff->nk_family != (int)o->family)
				ff->nk_mixed = 1;
			if (!ff->alloc_nk) {
				ff->nk_family = o->family;
				ff->nk_loc = o->loc;
				ff->nk_name = o->alloc;
				ff->nk_lo = o->size.lo;
				ff->nk_hi = o->size.hi;
			}
			if (o->size.lo < ff->nk_lo)
				ff->nk_lo = o->size.lo;
			if (o->size.hi > ff->nk_hi)
				ff->nk_hi = o->size.hi;
			ff->alloc_nk++;
			ff->alloc_other++;
			add_site(ff, st, f->name, obj_text(t, o));
			return NULL;
		}
		if (!o || o->origin != PO_ALLOC ||
		    o->family != APIDB_FAM_KMALLOC ||
		    !iv_is_const(&v->p[i].off, NULL) || v->p[i].off.lo) {
			ff->alloc_other++;
			add_site(ff, st, f->name, "a value that is not the "
				 "start of a kmalloc object");
			return NULL;
		}
		n++;
		note_site(ff, o);
		if (!what)
			what = obj_text(t, o);
		if ((s = size_sibling(f, st, &o->size, &coef))) {
			if ((ff->size_sib_name &&
			     strcmp(ff->size_sib_name, s)) ||
			    (ff->size_coef && ff->size_coef != coef)) {
				ff->size_bad++;
			} else {
				ff->size_sib_name = s;
				ff->size_coef = coef;
				ff->size_ok++;
				sib = s;
			}
		} else if (o->size.lo >= 0 && o->size.hi < IV_PINF) {
			/* a constant, or a formula over the storing
			 * function's parameters: its range there */
			if (!ff->req_n || o->size.lo < ff->req_lo)
				ff->req_lo = o->size.lo;
			if (!ff->req_n || o->size.hi > ff->req_hi)
				ff->req_hi = o->size.hi;
			ff->req_n++;
		} else {
			ff->req_var++;
		}
		if (!o->rounded) {
			unrounded = 1;
			if (!first)
				first = o;
		}
	}
	if (!n)
		return NULL;
	add_site(ff, st, f->name, what);
	if (unrounded) {
		if (!ff->alloc_unrounded && first) {
			ff->alloc_loc = first->loc;
			ff->alloc_name = first->alloc;
		}
		ff->alloc_unrounded++;
	} else {
		ff->alloc_rounded++;
	}
	return sib;
}

/* 1 if v holds NULL only (a reset). */
static int null_only(const struct val *v)
{
	unsigned i;

	if (v->ptop || !v->np)
		return 0;
	for (i = 0; i < v->np; i++)
		if (v->p[i].kind != PK_NULL)
			return 0;
	return 1;
}

/* "ksize(buf)", "ksize(buf) / 4", "(ksize() of itself - 16) / 8" for
 * capacity form iv of sibling sib (NULL: the object holding the field). */
static const char *cap_text(struct eng_tu *t, const char *sib,
			    const struct ival *iv)
{
	const char *k = sib ? kc_arena_printf(&t->arena, "ksize(%s)", sib) :
			      "ksize() of itself";

	if (!k)
		return NULL;
	if (iv->slo)
		k = kc_arena_printf(&t->arena, "(%s %c %lld)", k,
				    iv->slo < 0 ? '-' : '+',
				    iv->slo < 0 ? -iv->slo : iv->slo);
	if (k && iv->den > 1)
		k = kc_arena_printf(&t->arena, "%s / %d", k, iv->den);
	return k;
}

int eng_cap_target(struct eng_fn *f, const struct field_store *st, int obj,
		   unsigned *sib, const char **sib_name, int *self)
{
	const struct prov_obj *o;
	const struct eng_fn *g;
	size_t j;

	*sib = 0;
	*sib_name = NULL;
	*self = holds_obj(&st->base, obj);
	if (*self)
		return 1;
	/* in f, or before the call in a caller it is inlined into (init
	 * stores the buffer, then calls the helper that sizes it) */
	for (g = f; g; g = g->caller)
		for (j = 0; j < g->nstores; j++)
			if (holds_obj(&g->stores[j].v, obj)) {
				*sib = g->stores[j].fhash;
				*sib_name = g->stores[j].name;
				return 1;
			}
	o = ir_obj(&f->t->objs, obj);
	if (o && o->origin == PO_UNKNOWN && o->field) {
		*sib = o->field;
		*sib_name = path_last_name(o->alloc);
		return 1;
	}
	return 0;
}

/* Integer store st into a field: a capacity when its value is a form of
 * exactly one ksize() of a sibling pointer field or of the object that
 * holds the field; anything else breaks the capacity fact. */
static void classify_int(struct eng_fn *f, struct field_fact *ff,
			 const struct field_store *st)
{
	struct eng_tu *t = f->t;
	const struct ival *iv = &st->v.iv;
	const struct prov_sym *sym = NULL;
	unsigned sib = 0;
	const char *sib_name = NULL;
	int self = 0;

	if (!st->v.ptop && !st->v.np && iv->nt == 1 && iv->coef[0] == 1 &&
	    iv->slo == iv->shi)
		sym = ir_sym(&t->objs, iv->sym[0]);
	if (!sym || sym->kind != SYM_KSIZE) {
		ff->cap_bad++;
		add_site(ff, st, f->name, "a value that is not ksize()");
		return;
	}
	eng_cap_target(f, st, sym->obj, &sib, &sib_name, &self);
	if ((!sib && !self) ||
	    (ff->cap_ok && (ff->cap_sib != sib || ff->cap_self != self ||
			    ff->cap_form.den != iv->den ||
			    ff->cap_form.slo != iv->slo))) {
		ff->cap_bad++;
		add_site(ff, st, f->name, "ksize() of another object");
		return;
	}
	ff->cap_sib = sib;
	ff->cap_sib_name = sib_name;
	ff->cap_self = self;
	ff->cap_form = *iv;
	ff->cap_ok++;
	add_site(ff, st, f->name, cap_text(t, self ? NULL : sib_name, iv));
}

/* The owner of field fld: "struct foo", or NULL. */
static const char *owner_name(struct eng_tu *t, CXCursor fld)
{
	CXString sp;
	const char *r;

	if (clang_getCursorKind(fld) != CXCursor_FieldDecl)
		return NULL;
	sp = clang_getTypeSpelling(clang_getCursorType(
		clang_getCursorSemanticParent(fld)));
	r = kc_arena_strdup(&t->arena, clang_getCString(sp));
	clang_disposeString(sp);
	return r;
}

/* The fact of the field store st is into, with its owner and cursor;
 * NULL when out of memory. */
static struct field_fact *store_fact(struct eng_tu *t,
				     const struct field_store *st)
{
	struct field_fact *ff = fact_get(t, st->fhash, st->name);

	if (!ff)
		return NULL;
	if (!ff->owner)
		ff->owner = owner_name(t, st->fld);
	if (clang_Cursor_isNull(ff->fld))
		ff->fld = st->fld;
	return ff;
}

void eng_finish_facts(struct eng_fn *f)
{
	struct eng_tu *t = f->t;
	const char **sized = NULL;
	size_t i, j;
	long long c;

	if (!f->nstores)
		goto out;
	if (t->env->facts_out && eng_facts_export(t, f))
		kc_sink_oom(0);
	sized = calloc(f->nstores, sizeof(*sized));
	if (!sized) {
		kc_sink_oom(f->nstores * sizeof(*sized));
		goto out;
	}
	/* pointers first: which integer fields size them */
	for (i = 0; i < f->nstores; i++) {
		struct field_store *st = &f->stores[i];
		struct field_fact *ff;

		if (!st->ptr)
			continue;
		ff = store_fact(t, st);
		if (!ff)
			goto out;
		sized[i] = classify_ptr(f, ff, st);
	}
	for (i = 0; i < f->nstores; i++) {
		struct field_store *st = &f->stores[i];
		struct field_fact *ff;
		size_t len;
		int paired = 0;

		if (st->ptr)
			continue;
		ff = store_fact(t, st);
		if (!ff)
			goto out;
		/* the size of a sibling changes only with that sibling (or
		 * with its reset to NULL) in the same function */
		len = key_prefix(st->key, st->name);
		for (j = 0; len && j < f->nstores; j++) {
			const struct field_store *p = &f->stores[j];

			if (p->key && sibling_key(p->key, st->key, len) &&
			    ((sized[j] && !strcmp(sized[j], st->name)) ||
			     null_only(&p->v)))
				paired = 1;
		}
		if (!paired)
			ff->len_alone++;
		if (!st->v.ptop && iv_is_const(&st->v.iv, &c) && c == 0)
			continue;
		classify_int(f, ff, st);
	}
out:
	free(sized);
	free(f->stores);
	f->stores = NULL;
	f->nstores = f->capstores = 0;
}

/* Pointer field: a kmalloc object stands for the unknown content. */
int eng_fact_alloc(struct eng_tu *t, unsigned fh, struct prov_obj *o)
{
	const struct field_fact *ff = fact_find(t, fh);

	if (ff && t->pass == 1 && ff->alloc_nk && !ff->nk_mixed &&
	    ff->alloc_other == ff->alloc_nk && !ff->alloc_unrounded &&
	    !ff->alloc_rounded) {
		/* every store in the TU is memory of one other family */
		o->origin = PO_ALLOC;
		o->family = ff->nk_family;
		o->alloc = ff->nk_name ? ff->nk_name : "?";
		o->loc = ff->nk_loc;
		o->size = iv_range(ff->nk_lo, ff->nk_hi);
		return 1;
	}
	if (!ff || t->pass != 1 || ff->alloc_other ||
	    (!ff->alloc_unrounded && !ff->alloc_rounded))
		return 0;
	o->origin = PO_ALLOC;
	o->family = APIDB_FAM_KMALLOC;
	o->rounded = !ff->alloc_unrounded;
	o->alloc = ff->alloc_name ? ff->alloc_name : "kmalloc";
	o->loc = ff->alloc_loc;
	o->size = iv_range(0, IV_PINF);
	o->from_fact = 1;
	/* every store's requested size is a known constant */
	if (ff->req_n && !ff->req_var && !ff->size_ok && !ff->size_bad)
		o->size = iv_range(ff->req_lo, ff->req_hi);
	return 1;
}

const char *eng_fact_size_sib(const struct eng_tu *t, unsigned fh,
			      long long *coef)
{
	const struct field_fact *ff = fact_find(t, fh), *lf;
	size_t i;

	if (!ff || t->pass != 1 || ff->alloc_other || !ff->size_ok ||
	    ff->size_bad || ff->req_n || ff->req_var || !ff->size_sib_name)
		return NULL;
	/* the size field changes only with the pointer it sizes */
	for (i = 0, lf = NULL; i < t->nff && !lf; i++)
		if (!strcmp(t->ff[i].name, ff->size_sib_name) &&
		    t->ff[i].owner && ff->owner &&
		    !strcmp(t->ff[i].owner, ff->owner))
			lf = &t->ff[i];
	if (lf && lf->len_alone)
		return NULL;
	*coef = ff->size_coef;
	return ff->size_sib_name;
}

int eng_fact_relevant(const struct eng_tu *t, unsigned fh)
{
	const struct field_fact *ff = fact_find(t, fh);

	return ff && (ff->alloc_unrounded || ff->alloc_rounded ||
		      ff->alloc_nk || ff->cap_ok);
}

int eng_fact_mixed_obj(const struct eng_tu *t, const struct prov_obj *o)
{
	size_t i;
	int j;

	if (o->origin != PO_ALLOC || !o->site)
		return 0;
	for (i = 0; i < t->nff; i++) {
		const struct field_fact *ff = &t->ff[i];

		if (!ff->sites_mixed)
			continue;
		for (j = 0; j < ff->nsites; j++)
			if (ff->sites[j] == o->site)
				return 1;
	}
	return 0;
}

const struct field_fact *eng_fact_find(const struct eng_tu *t, unsigned fh)
{
	return fact_find(t, fh);
}
