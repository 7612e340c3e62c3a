/* ptrdefs.c - pointers defined as sums, re-evaluated where they are used.
 *
 * `disk = conf->mirrors + i;` followed by `if (i < n && disk[n].rdev)`:
 * the offset of disk was computed before i was narrowed. A definition
 * whose right side is pure arithmetic on paths is remembered as state
 * entries that every store to the target or to one of the paths removes
 * (st_kill_under kills the slots naming a path), and a join keeps
 * only where both sides agree; a read of the target while they all hold
 * re-evaluates the right side and keeps the narrower offsets.
 *
 * Entries (ir/path.h PATH_DEF, PATH_DEF_SRC): the target's slot holds
 * the definition's index in f->defs; a slot per path of the right side
 * marks it with the same index.
 */
#include "check/interp/interp.h"

#include <stdio.h>
#include <string.h>

#define DEF_MAXSRC 4 /* = the size of ptr_def.src */

struct def_scan {
	struct eng_fn *f;
	const char *src[DEF_MAXSRC];
	int nsrc, bad, ints;
};

static void scan_rec(struct def_scan *d, CXCursor c, int depth)
{
	struct cx_kids k;
	const char *key;
	unsigned i;

	if (d->bad || depth > 12) {
		d->bad = 1;
		return;
	}
	switch (clang_getCursorKind(c)) {
	case CXCursor_IntegerLiteral:
		return;
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr:
		if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
		    clang_getCursorKind(cx_ref(c)) ==
		    CXCursor_EnumConstantDecl)
			return;
		key = eng_key(d->f, c);
		if (!key || path_has_step(key, PATH_STEP_ELEM) ||
		    path_has_step(key, PATH_STEP_DEREF)) {
			d->bad = 1;
			return;
		}
		for (i = 0; i < (unsigned)d->nsrc; i++)
			if (d->src[i] == key)
				return;
		if (d->nsrc == DEF_MAXSRC) {
			d->bad = 1;
			return;
		}
		d->src[d->nsrc++] = key;
		if (cx_is_integer(cx_type(c)))
			d->ints = 1;
		/* a member path's base is read too, and named by the key */
		return;
	case CXCursor_BinaryOperator:
		if (cx_binop(c) != CXBinaryOperator_Add &&
		    cx_binop(c) != CXBinaryOperator_Sub &&
		    cx_binop(c) != CXBinaryOperator_Mul) {
			d->bad = 1;
			return;
		}
		break;
	case CXCursor_UnaryOperator:
		if (cx_unop(c) != CXUnaryOperator_AddrOf) {
			d->bad = 1;
			return;
		}
		break;
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_UnexposedExpr:
		break;
	default:
		d->bad = 1;
		return;
	}
	cx_children(c, &k);
	if (!k.n && clang_getCursorKind(c) == CXCursor_UnexposedExpr) {
		d->bad = 1;
		return;
	}
	for (i = 0; i < k.n; i++)
		scan_rec(d, k.k[i], depth + 1);
}

/* The slot of definition index's target (index < 0: "the target") or
 * of a path it reads. */
static const char *entry_key(struct eng_fn *f, int index, const char *path)
{
	char buf[600];

	if (path_def_key(buf, sizeof(buf), index, path))
		return NULL;
	return ir_intern(&f->t->keys, buf);
}

void eng_def_record(struct eng_fn *f, struct state *s, const char *key,
		    CXCursor rhs)
{
	struct def_scan d;
	const char *dk;
	struct val idv;
	int i, id;

	if (s->dead || !key || f->in_def)
		return;
	memset(&d, 0, sizeof(d));
	d.f = f;
	scan_rec(&d, rhs, 0);
	/* only sums with an integer path in them can be narrowed later */
	if (d.bad || !d.ints)
		return;
	for (i = 0; i < d.nsrc; i++)
		if (d.src[i] == key)
			return;         /* p = p + 1: a step, not a definition */
	for (id = 0; id < f->ndefs; id++)
		if (f->defs[id].target == key &&
		    clang_equalCursors(f->defs[id].rhs, rhs))
			break;
	if (id == f->ndefs) {
		if (f->ndefs == (int)(sizeof(f->defs) / sizeof(f->defs[0])))
			return;
		f->defs[id].target = key;
		f->defs[id].rhs = rhs;
		memcpy(f->defs[id].src, d.src, sizeof(d.src));
		f->defs[id].nsrc = d.nsrc;
		f->ndefs++;
	}
	dk = entry_key(f, -1, key);
	if (!dk)
		return;
	idv = val_int(iv_const(id));
	st_set(s, dk, &idv);
	for (i = 0; i < d.nsrc; i++) {
		const char *sk = entry_key(f, id, d.src[i]);

		if (sk)
			st_set(s, sk, &idv);
	}
}

static int entry_is(const struct state *s, const char *key, int id)
{
	const struct val *v = key ? st_find(s, key) : NULL;
	long long c;

	return v && !v->np && !v->ptop && iv_is_const(&v->iv, &c) && c == id;
}

/* the numeric bounds only: a's symbolic form stays as it was */
static struct ival meet_off(struct ival a, const struct ival *b)
{
	if (b->lo > a.lo)
		a.lo = b->lo;
	if (b->hi < a.hi) {
		a.hi = b->hi;
		a.reach = b->reach;
	}
	return a;
}

void eng_def_narrow(struct eng_fn *f, struct state *s, const char *key,
		    struct val *v)
{
	const struct val *dv;
	const struct ptr_def *def;
	struct val nv;
	long long id;
	unsigned i, j;

	if (!f->ndefs || f->in_def || s->dead || v->ptop || !v->np)
		return;
	dv = st_find(s, entry_key(f, -1, key));
	if (!dv || dv->np || !iv_is_const(&dv->iv, &id) || id < 0 ||
	    id >= f->ndefs || f->defs[id].target != key)
		return;
	def = &f->defs[id];
	for (i = 0; i < (unsigned)def->nsrc; i++)
		if (!entry_is(s, entry_key(f, (int)id, def->src[i]), (int)id))
			return;
	f->in_def = 1;
	nv = eng_eval(f, s, def->rhs);
	f->in_def = 0;
	if (nv.ptop || nv.np != v->np)
		return;
	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind != PK_OBJ)
			continue;
		for (j = 0; j < nv.np; j++)
			if (nv.p[j].kind == PK_OBJ &&
			    nv.p[j].obj == v->p[i].obj)
				break;
		if (j == nv.np)
			return;
		v->p[i].off = meet_off(v->p[i].off, &nv.p[j].off);
	}
}
