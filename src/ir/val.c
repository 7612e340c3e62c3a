/* val.c - the object and symbol tables and provenance values (pointer
 * sets over objects, NULL and ERR_PTR); integer intervals are in ival.c
 * (val.h). */
#include "ir/val.h"

#include <stdlib.h>
#include <string.h>

void ir_objs_init(struct ir_objs *t, struct kc_arena *a)
{
	memset(t, 0, sizeof(*t));
	t->arena = a;
}

void ir_objs_release(struct ir_objs *t)
{
	free(t->obj);
	free(t->sym);
	memset(t, 0, sizeof(*t));
}

struct prov_obj *ir_obj_get(struct ir_objs *t, unsigned long long key,
			    int origin, int *id)
{
	struct prov_obj *o;
	int i;

	/* recent objects first: the same site is usually asked again soon */
	for (i = t->nobj; i > 0 && i > t->nobj - 4096; i--)
		if (t->obj[i]->key == key && t->obj[i]->origin == origin) {
			*id = i;
			return t->obj[i];
		}
	if (t->nobj + 1 >= t->capobj) {
		int nc = t->capobj ? t->capobj * 2 : 256;
		struct prov_obj **nv = realloc(t->obj, nc * sizeof(*nv));

		if (!nv)
			return NULL;
		t->obj = nv;
		t->capobj = nc;
	}
	o = kc_arena_alloc(t->arena, sizeof(*o));
	if (!o)
		return NULL;
	o->origin = origin;
	o->key = key;
	o->size = iv_top();
	t->obj[++t->nobj] = o;
	*id = t->nobj;
	return o;
}

struct prov_obj *ir_obj(const struct ir_objs *t, int id)
{
	if (id <= 0 || id > t->nobj)
		return NULL;
	return t->obj[id];
}

int ir_sym_new(struct ir_objs *t, int kind, int obj, const char *name)
{
	struct prov_sym *s;

	if (t->nsym + 1 >= t->capsym) {
		int nc = t->capsym ? t->capsym * 2 : 256;
		struct prov_sym **nv = realloc(t->sym, nc * sizeof(*nv));

		if (!nv)
			return 0;
		t->sym = nv;
		t->capsym = nc;
	}
	s = kc_arena_alloc(t->arena, sizeof(*s));
	if (!s)
		return 0;
	s->kind = kind;
	s->obj = obj;
	s->name = name;
	t->sym[++t->nsym] = s;
	return t->nsym;
}

const struct prov_sym *ir_sym(const struct ir_objs *t, int id)
{
	if (id <= 0 || id > t->nsym)
		return NULL;
	return t->sym[id];
}

int ir_ksize_sym(struct ir_objs *t, int obj)
{
	struct prov_obj *o = ir_obj(t, obj);

	if (!o)
		return 0;
	if (!o->ksize_sym)
		o->ksize_sym = ir_sym_new(t, SYM_KSIZE, obj, NULL);
	return o->ksize_sym;
}

/* ---- values ---- */

struct val val_top(void)
{
	struct val v;

	memset(&v, 0, sizeof(v));
	v.iv = iv_top();
	v.ptop = 1;
	return v;
}

struct val val_int(struct ival iv)
{
	struct val v;

	memset(&v, 0, sizeof(v));
	v.iv = iv;
	return v;
}

struct val val_null(void)
{
	struct val v = val_int(iv_const(0));

	v.np = 1;
	v.p[0].kind = PK_NULL;
	v.p[0].off = iv_const(0);
	return v;
}

struct val val_obj(int obj, struct ival off)
{
	struct val v = val_int(iv_top());

	v.np = 1;
	v.p[0].kind = PK_OBJ;
	v.p[0].obj = obj;
	v.p[0].off = off;
	return v;
}

static int pel_same(const struct pel *a, const struct pel *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == PK_OBJ || a->kind == PK_FREED)
		return a->obj == b->obj;
	return 1;
}

void val_add_pel(struct val *v, const struct pel *e)
{
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (pel_same(&v->p[i], e)) {
			v->p[i].off = iv_join(v->p[i].off, e->off);
			if (e->kind == PK_FREED && e->line != v->p[i].line) {
				v->p[i].more = 1;
				if (e->line < v->p[i].line) {
					v->p[i].line = e->line;
					v->p[i].fev = e->fev;
				}
			}
			if (e->kind == PK_FREED && e->more)
				v->p[i].more = 1;
			return;
		}
	if (v->np < VAL_MAXP) {
		v->p[v->np++] = *e;
	} else {
		v->ptop = 1;
		v->lost = 1;
	}
}

struct val val_join(const struct val *a, const struct val *b)
{
	struct val r = *a;
	unsigned i;

	r.iv = iv_join(a->iv, b->iv);
	r.ptop = a->ptop || b->ptop;
	r.lost = a->lost || b->lost;
	for (i = 0; i < b->np; i++)
		val_add_pel(&r, &b->p[i]);
	return r;
}

struct val val_widen(const struct val *old, const struct val *nw)
{
	struct val r = val_join(old, nw);
	unsigned i, j;

	r.iv = iv_widen(old->iv, nw->iv);
	for (i = 0; i < r.np; i++)
		for (j = 0; j < old->np; j++)
			if (pel_same(&r.p[i], &old->p[j]))
				r.p[i].off = iv_widen(old->p[j].off,
						      r.p[i].off);
	return r;
}

int val_equal(const struct val *a, const struct val *b)
{
	unsigned i, j;

	if (!iv_equal(&a->iv, &b->iv) || a->np != b->np ||
	    a->ptop != b->ptop || a->lost != b->lost)
		return 0;
	for (i = 0; i < a->np; i++) {
		for (j = 0; j < b->np; j++)
			if (pel_same(&a->p[i], &b->p[j]) &&
			    iv_equal(&a->p[i].off, &b->p[j].off))
				break;
		if (j == b->np)
			return 0;
	}
	return 1;
}

struct val val_ptr_add(const struct val *v, struct ival delta)
{
	struct val r = *v;
	unsigned i;

	for (i = 0; i < r.np; i++)
		if (r.p[i].kind == PK_OBJ)
			r.p[i].off = iv_add(r.p[i].off, delta);
	r.iv = iv_top();
	return r;
}

int val_is_pointer(const struct val *v)
{
	return v->np > 0;
}

int val_one_obj(const struct val *v, struct ival *off)
{
	int obj = 0;
	unsigned i;

	if (v->ptop)
		return 0;
	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind == PK_NULL || v->p[i].kind == PK_ERR)
			continue;
		if (v->p[i].kind != PK_OBJ || obj)
			return 0;
		obj = v->p[i].obj;
		if (off)
			*off = v->p[i].off;
	}
	return obj;
}
