/* unify.c - joining states whose objects come from the same allocation
 * site reached through different calling contexts (a helper that
 * reallocates a buffer, called on one branch). Before the join, the
 * second state's object is renamed to the first's, so relations such as
 * cap == ksize(buf) survive the merge point. */
#include "check/engine.h"

#include <stdint.h>
#include <string.h>

#define MAX_RENAME 8

struct rename {
	int from[MAX_RENAME], to[MAX_RENAME];
	int fsym[MAX_RENAME], tsym[MAX_RENAME];
	int n;
};


static int same_site(const struct prov_obj *a, const struct prov_obj *b)
{
	return a->origin == PO_ALLOC && b->origin == PO_ALLOC &&
	       a->family == b->family && a->loc.line == b->loc.line &&
	       a->loc.col == b->loc.col && a->loc.file && b->loc.file &&
	       !strcmp(a->loc.file, b->loc.file);
}

/* Two kmalloc objects in the same access path on the two sides of a
 * join (a buffer and its reallocation) are one object to the code. */
static int same_family(const struct prov_obj *a, const struct prov_obj *b)
{
	return a->origin == PO_ALLOC && b->origin == PO_ALLOC &&
	       a->family == APIDB_FAM_KMALLOC &&
	       b->family == APIDB_FAM_KMALLOC;
}

/* 1 if a value of s points into obj (PATH_MEM slots, which describe
 * its content, aside). */
static int holds(const struct state *s, int obj)
{
	unsigned i, j;

	for (i = 0; i < s->n; i++) {
		if (path_kind(s->e[i].key) == PATH_MEM)
			continue;
		for (j = 0; j < s->e[i].v.np; j++)
			if (s->e[i].v.p[j].obj == obj &&
			    (s->e[i].v.p[j].kind == PK_OBJ ||
			     s->e[i].v.p[j].kind == PK_FREED))
				return 1;
	}
	return 0;
}

static void rename_iv(struct ival *iv, const struct rename *r)
{
	int i, k;

	for (i = 0; i < iv->nt; i++)
		for (k = 0; k < r->n; k++)
			if (r->fsym[k] && iv->sym[i] == r->fsym[k])
				iv->sym[i] = r->tsym[k];
	/* keep the terms sorted */
	for (i = 1; i < iv->nt; i++)
		for (k = i; k > 0 && iv->sym[k - 1] > iv->sym[k]; k--) {
			int s = iv->sym[k], c = iv->coef[k];

			iv->sym[k] = iv->sym[k - 1];
			iv->coef[k] = iv->coef[k - 1];
			iv->sym[k - 1] = s;
			iv->coef[k - 1] = c;
		}
}

static void rename_val(struct val *v, void *data)
{
	const struct rename *r = data;
	unsigned i;
	int k;

	rename_iv(&v->iv, r);
	for (i = 0; i < v->np; i++) {
		rename_iv(&v->p[i].off, r);
		for (k = 0; k < r->n; k++)
			if (v->p[i].obj == r->from[k])
				v->p[i].obj = r->to[k];
	}
}

/* Copies into to the slots of from that to lacks while holding no
 * pointer to their object; 1 if it copied any, -1 on failure. */
static int fill_from(struct eng_fn *f, struct state *to,
		     const struct state *from)
{
	unsigned i;
	int any = 0;

	for (i = 0; i < from->n; i++) {
		long long off, len;
		int obj = path_mem_parse(from->e[i].key, &off, &len);

		if (!obj || st_find(to, from->e[i].key) || holds(to, obj))
			continue;
		if (st_set(to, from->e[i].key, &from->e[i].v))
			return -1;
		any = 1;
	}
	(void)f;
	return any;
}

/* Before dst = dst join src: a PATH_MEM slot (interp/memslots.c) that
 * one side lacks while it holds no pointer to the object (its
 * allocation failed or was not made on that path) is the other side's
 * there too. Fills dst; when src needs filling, fills a copy of it into
 * *copy and returns 1; 0 when src is fine as it is, -1 on failure. */
static int mem_join_fill(struct eng_fn *f, struct state *dst,
			 const struct state *src, struct state *copy)
{
	unsigned i;
	int need = 0;

	if (!f->t->mem_slots || dst->dead || src->dead)
		return 0;
	if (fill_from(f, dst, src) < 0)
		return -1;
	for (i = 0; i < dst->n && !need; i++) {
		long long off, len;
		int obj = path_mem_parse(dst->e[i].key, &off, &len);

		need = obj && !st_find(src, dst->e[i].key) &&
		       !holds(src, obj);
	}
	if (!need)
		return 0;
	if (st_copy(copy, src))
		return -1;
	if (fill_from(f, copy, dst) < 0) {
		st_release(copy);
		return -1;
	}
	return 1;
}

int eng_join(struct eng_fn *f, struct state *dst, const struct state *src,
	     int widen)
{
	struct eng_tu *t = f->t;
	struct rename r;
	struct state tmp, fill;
	unsigned i, j;
	int ret, k, filled;

	if (dst->dead || src->dead)
		return st_join(dst, src, eng_initial, f, widen);
	filled = mem_join_fill(f, dst, src, &fill);
	if (filled < 0)
		return -KC_ENOMEM;
	if (filled) {
		ret = eng_join(f, dst, &fill, widen);
		st_release(&fill);
		return ret;
	}
	memset(&r, 0, sizeof(r));
	for (i = 0, j = 0; i < dst->n || j < src->n;) {
		struct val av, bv;
		const struct val *a, *b;
		int o1, o2;

		/* keys missing on one side hold their initial value there */
		if (j >= src->n || (i < dst->n &&
				    (uintptr_t)dst->e[i].key <
				    (uintptr_t)src->e[j].key)) {
			a = &dst->e[i].v;
			bv = eng_initial(f, dst->e[i++].key);
			b = &bv;
		} else if (i >= dst->n || (uintptr_t)src->e[j].key <
					  (uintptr_t)dst->e[i].key) {
			av = eng_initial(f, src->e[j].key);
			a = &av;
			b = &src->e[j++].v;
		} else {
			a = &dst->e[i++].v;
			b = &src->e[j++].v;
		}
		o1 = val_one_obj(a, NULL);
		o2 = val_one_obj(b, NULL);
		if (!o1 || !o2 || o1 == o2 || r.n == MAX_RENAME)
			continue;
		if (!same_site(ir_obj(&t->objs, o1), ir_obj(&t->objs, o2)) &&
		    !(same_family(ir_obj(&t->objs, o1),
				  ir_obj(&t->objs, o2)) &&
		      !holds(dst, o2) && !holds(src, o1)))
			continue;
		for (k = 0; k < r.n; k++)
			if (r.from[k] == o2)
				break;
		if (k < r.n)
			continue;
		r.from[r.n] = o2;
		r.to[r.n] = o1;
		r.fsym[r.n] = ir_obj(&t->objs, o2)->ksize_sym;
		r.tsym[r.n] = r.fsym[r.n] ? ir_ksize_sym(&t->objs, o1) : 0;
		r.n++;
	}
	if (!r.n)
		return st_join(dst, src, eng_initial, f, widen);
	for (k = 0; k < r.n; k++) {
		struct prov_obj *a = ir_obj(&t->objs, r.to[k]);
		const struct prov_obj *b = ir_obj(&t->objs, r.from[k]);

		a->size = iv_join(a->size, b->size);
		a->rounded = a->rounded && b->rounded;
	}
	if (st_copy(&tmp, src))
		return -KC_ENOMEM;
	st_map(&tmp, rename_val, &r);
	ret = st_join(dst, &tmp, eng_initial, f, widen);
	st_release(&tmp);
	return ret;
}

void eng_join_into(struct eng_fn *f, struct state *dst,
		   const struct state *src)
{
	(void)eng_join(f, dst, src, 0); /* failure: the sink's */
}
