/* free.c - the effects of apidb functions that free: the freed object
 * marked in every value that points to it (eng_apply_free, eng_do_free),
 * the free of an object of unknown origin on one access path, and the
 * note of a free that the fact database describes. */
#include "check/interp/interp.h"

#include <stdio.h>

struct free_ctx {
	int obj;
	unsigned line;
	int fev;
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
		e.fev = fc->fev;
		e.more = 0;
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

void eng_apply_free(struct state *s, int obj, unsigned line, int fev,
		    int must)
{
	struct free_ctx fc = { obj, line, fev, must };

	st_map(s, free_one, &fc);
}

/* An object of unknown origin may stand for a different object on each
 * loop round or call (one abstract object per read site), so its free
 * marks only the access path that was freed, not other holders. */
void eng_free_unknown_in_key(struct eng_fn *f, struct state *s,
				const char *key, unsigned line, int fev)
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
		if (path_has_step(key, PATH_STEP_ELEM))
			continue;
		e = v->p[i];
		e.kind = PK_FREED;
		e.line = line;
		e.fev = fev;
		e.more = 0;
		e.off = iv_const(0);
		if (nobj == 1 && !v->ptop) {
			v->p[i] = e;
		} else {
			val_add_pel(v, &e);
		}
	}
}

void eng_do_free(struct eng_fn *f, struct state *s, const struct val *a,
		    unsigned line, int fev)
{
	unsigned i, nobj = 0;

	for (i = 0; i < a->np; i++)
		if (a->p[i].kind == PK_OBJ)
			nobj++;
	for (i = 0; i < a->np; i++)
		if (a->p[i].kind == PK_OBJ &&
		    ir_obj(&f->t->objs, a->p[i].obj)->origin != PO_UNKNOWN &&
		    !ir_obj(&f->t->objs, a->p[i].obj)->multi)
			eng_apply_free(s, a->p[i].obj, line, fev,
				   nobj == 1 && !a->ptop);
}

void eng_note_free_fact(struct eng_fn *f, CXCursor c,
			const struct apidb_fn *api, const struct val *a)
{
	struct eng_tu *t = f->t;
	const char *note;
	struct kc_loc loc;

	if (!(api->flags & APIDB_F_FACT))
		return;
	note = kc_arena_printf(&t->arena, "%s() frees its argument $%d "
			       "(fact from %s:%u, ksizecheck database)",
			       api->name, api->arg, api->file, api->line);
	loc = cx_loc(&t->arena, c);
	for (unsigned i = 0; note && i < a->np; i++) {
		struct prov_obj *o;

		if (a->p[i].kind != PK_OBJ)
			continue;
		o = ir_obj(&t->objs, a->p[i].obj);
		o->free_fact = note;
		o->free_loc = loc;
	}
}
