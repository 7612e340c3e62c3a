/* facts.c - field facts: a first pass over the TU records what is stored
 * into struct fields, so that the second pass knows, in any function,
 * that buf->cap holds ksize(buf->data) (a capacity field) and that
 * buf->data always holds a kmalloc object whose requested size was not
 * rounded up (so writing up to the capacity writes into the slack). */
#include "check/engine.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

static struct field_fact *fact_find(const struct eng_tu *t, unsigned fh)
{
	size_t i;

	for (i = 0; i < t->nff; i++)
		if (t->ff[i].fhash == fh)
			return &t->ff[i];
	return NULL;
}

static struct field_fact *fact_get(struct eng_tu *t, unsigned fh,
				   const char *name)
{
	struct field_fact *ff = fact_find(t, fh);

	if (ff)
		return ff;
	if (t->nff == t->capff &&
	    kc_vec_grow((void **)&t->ff, &t->capff, sizeof(*t->ff)))
		return NULL;
	ff = &t->ff[t->nff++];
	memset(ff, 0, sizeof(*ff));
	ff->fhash = fh;
	ff->name = name;
	return ff;
}

int eng_file_static(CXCursor decl)
{
	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       clang_Cursor_getStorageClass(decl) == CX_SC_Static &&
	       clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	       CXCursor_TranslationUnit;
}

void eng_record_store(struct eng_fn *f, CXCursor member, const struct val *v)
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
	st->fhash = clang_hashCursor(fld);
	st->name = cx_spelling(&t->arena, fld);
	st->v = *v;
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

static void classify_ptr(struct eng_tu *t, struct field_fact *ff,
			 const struct val *v)
{
	int unrounded = 0, n = 0;
	unsigned i;
	const struct prov_obj *first = NULL;

	if (v->ptop) {
		ff->alloc_other++;
		return;
	}
	for (i = 0; i < v->np; i++) {
		const struct prov_obj *o;

		if (v->p[i].kind == PK_NULL || v->p[i].kind == PK_ERR)
			continue;
		o = v->p[i].kind == PK_OBJ ? ir_obj(&t->objs, v->p[i].obj) :
					     NULL;
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
			return;
		}
		if (!o || o->origin != PO_ALLOC ||
		    o->family != APIDB_FAM_KMALLOC ||
		    !iv_is_const(&v->p[i].off, NULL) || v->p[i].off.lo) {
			ff->alloc_other++;
			return;
		}
		n++;
		note_site(ff, o);
		if (!o->rounded) {
			unrounded = 1;
			if (!first)
				first = o;
		}
	}
	if (!n)
		return;
	if (unrounded) {
		if (!ff->alloc_unrounded && first) {
			ff->alloc_loc = first->loc;
			ff->alloc_name = first->alloc;
		}
		ff->alloc_unrounded++;
	} else {
		ff->alloc_rounded++;
	}
}

void eng_finish_facts(struct eng_fn *f)
{
	struct eng_tu *t = f->t;
	size_t i, j;

	for (i = 0; i < f->nstores; i++) {
		struct field_store *st = &f->stores[i];
		struct field_fact *ff = fact_get(t, st->fhash, st->name);
		const struct prov_sym *sym;
		unsigned sib = 0;
		const char *sib_name = NULL;
		long long c;

		if (!ff)
			break;
		if (st->v.np || st->v.ptop) {
			classify_ptr(t, ff, &st->v);
			continue;
		}
		if (iv_is_const(&st->v.iv, &c) && c == 0)
			continue;
		sym = ir_sym(&t->objs, iv_single_sym(&st->v.iv));
		if (!sym || sym->kind != SYM_KSIZE || st->v.iv.slo ||
		    st->v.iv.shi) {
			ff->cap_bad++;
			continue;
		}
		for (j = 0; j < f->nstores; j++)
			if (holds_obj(&f->stores[j].v, sym->obj)) {
				sib = f->stores[j].fhash;
				sib_name = f->stores[j].name;
			}
		if (!sib) {
			const struct prov_obj *o = ir_obj(&t->objs, sym->obj);

			if (o && o->origin == PO_UNKNOWN && o->field) {
				sib = o->field;
				sib_name = path_last_name(o->alloc);
			}
		}
		if (!sib || (ff->cap_sib && ff->cap_sib != sib)) {
			ff->cap_bad++;
			continue;
		}
		ff->cap_sib = sib;
		ff->cap_sib_name = sib_name;
		ff->cap_ok++;
	}
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
	return 1;
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
