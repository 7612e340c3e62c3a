/* memslots.c - what was stored into an allocation, by its place in the
 * object rather than by the path it was written through.
 *
 * Paths name memory by the expression that reached it, so a store through
 * one pointer is not seen by a read through another pointer to the same
 * bytes: `ib_spec = (void *)(flow + 1); ib_spec->type = IB;` and then, in
 * an inlined callee, `switch (((union spec *)(attr + 1))->type)`. A
 * PATH_MEM slot (ir/path.h) keeps the scalar stored at object, offset and
 * size, and a read whose path the state does not hold takes it.
 *
 * Only objects the analysis allocated, one at a time (PO_ALLOC, not
 * several objects of one site, not read from a field), get slots: no
 * pointer the analysis does not see can reach them until they escape.
 * A slot is dropped by every write that may overlap it: a store at an
 * offset that is not one constant, a sink's range, a new allocation at
 * the same site, an unknown call that is given the object or any
 * object once it escaped (stored into memory or given to an unknown
 * call), and any write through a pointer whose set lost elements. */
#include "check/interp/interp.h"

#include <stdio.h>
#include <string.h>

struct mem_drop {
	int obj;            /* 0: every object's slots */
	long long lo, hi;   /* the bytes written, [lo, hi) */
	int escaped;        /* with obj 0: only escaped objects' */
	struct eng_tu *t;
};

static int drop_mem(const char *key, void *ctx)
{
	const struct mem_drop *d = ctx;
	long long off, len;
	int obj = path_mem_parse(key, &off, &len);

	if (!obj)
		return 0;
	if (!d->obj)
		return !d->escaped || ir_obj(&d->t->objs, obj)->escaped;
	return obj == d->obj && off < d->hi && off + len > d->lo;
}

static void drop(struct eng_fn *f, struct state *s, int obj, long long lo,
		 long long hi, int escaped)
{
	struct mem_drop d;

	if (!f->t->mem_slots)
		return;
	if (obj && !ir_obj(&f->t->objs, obj)->mem)
		return;
	d.obj = obj;
	d.lo = lo;
	d.hi = hi;
	d.escaped = escaped;
	d.t = f->t;
	st_drop_keys(s, drop_mem, &d);
}

/* The object that may hold slots, or NULL. */
static struct prov_obj *slot_obj(struct eng_fn *f, int id)
{
	struct prov_obj *o = ir_obj(&f->t->objs, id);

	if (!o || o->origin != PO_ALLOC || o->multi || o->from_fact)
		return NULL;
	return o;
}

void eng_mem_forget(struct eng_fn *f, struct state *s, const struct val *addr,
		    struct ival len)
{
	unsigned i;

	if (addr->ptop && addr->lost) {
		drop(f, s, 0, 0, 0, 0);
		return;
	}
	for (i = 0; i < addr->np; i++) {
		const struct pel *e = &addr->p[i];

		if (e->kind != PK_OBJ)
			continue;
		if (e->off.nt || e->off.lo == IV_NINF || e->off.hi == IV_PINF ||
		    len.nt || len.hi == IV_PINF)
			drop(f, s, e->obj, IV_NINF, IV_PINF, 0);
		else
			drop(f, s, e->obj, e->off.lo,
			     e->off.hi + (len.hi > 0 ? len.hi : 0), 0);
	}
}

void eng_mem_forget_obj(struct eng_fn *f, struct state *s, int obj)
{
	drop(f, s, obj, IV_NINF, IV_PINF, 0);
}

/* The one object and constant offset addr points to (NULL and ERR_PTR
 * aside), or 0. */
static int single_place(const struct val *addr, long long *off)
{
	struct ival o;
	int obj = val_one_obj(addr, &o);

	return obj && iv_is_const(&o, off) ? obj : 0;
}

static int known(const struct val *v)
{
	return v->np || (!v->ptop && (v->iv.nt || v->iv.lo != IV_NINF ||
				      v->iv.hi != IV_PINF));
}

void eng_mem_store(struct eng_fn *f, struct state *s, const struct val *addr,
		   long long len, const struct val *v)
{
	char buf[64];
	long long off;
	int obj;
	struct prov_obj *o;
	const char *key;

	eng_mem_forget(f, s, addr, iv_const(len));
	obj = single_place(addr, &off);
	if (!obj || len <= 0 || !v || !known(v) || !(o = slot_obj(f, obj)) ||
	    path_mem_key(buf, sizeof(buf), obj, off, len))
		return;
	key = ir_intern(&f->t->keys, buf);
	if (!key)
		return;
	o->mem = 1;
	f->t->mem_slots = 1;
	st_set(s, key, v);
}

int eng_mem_load(struct eng_fn *f, const struct state *s,
		 const struct val *addr, long long len, struct val *out)
{
	char buf[64];
	long long off;
	int obj;
	const char *key;
	struct val *v;

	if (!f->t->mem_slots)
		return 0;
	obj = single_place(addr, &off);
	if (!obj || !ir_obj(&f->t->objs, obj)->mem ||
	    path_mem_key(buf, sizeof(buf), obj, off, len))
		return 0;
	key = ir_intern(&f->t->keys, buf);
	v = key ? st_find(s, key) : NULL;
	if (!v || !known(v))
		return 0;
	*out = *v;
	return 1;
}

void eng_mem_escape(struct eng_fn *f, const struct val *v)
{
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == PK_OBJ)
			ir_obj(&f->t->objs, v->p[i].obj)->escaped = 1;
}

void eng_mem_unknown_call(struct eng_fn *f, struct state *s,
			  const struct val *a, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (a[i].ptop && a[i].lost) {
			drop(f, s, 0, 0, 0, 0);
			return;
		}
		eng_mem_escape(f, &a[i]);
	}
	drop(f, s, 0, 0, 0, 1);
}

static int is_mem(const char *key, void *ctx)
{
	(void)ctx;
	return path_kind(key) == PATH_MEM;
}

void eng_mem_copy(struct eng_fn *f, struct state *dst,
		  const struct state *src)
{
	unsigned i;

	if (!f->t->mem_slots)
		return;
	st_drop_keys(dst, is_mem, NULL);
	for (i = 0; i < src->n; i++)
		if (path_kind(src->e[i].key) == PATH_MEM)
			st_set(dst, src->e[i].key, &src->e[i].v);
}

