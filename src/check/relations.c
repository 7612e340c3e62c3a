/* relations.c - the one relation mechanism: the range of a linear form,
 * stored in the state under the form's key (ir/path.h).
 *
 * Two kinds of form, one store:
 * - forms over paths, sum(coef * path) (PATH_REL): what a branch
 *   condition says about variables and fields (`j < end`); recorded and
 *   used by linfacts.c. A store to one of the paths removes the relation
 *   (st_kill_under), so it is always about the current values.
 * - forms over symbols, an ival's symbolic part (PATH_BOUND): the bound
 *   a guard puts on a value (`if (len + n + 1 > cap) return;`), recorded
 *   by eng_rel_record; an access whose end has that form is bounded by it
 *   (eng_rel_bound). Symbols never change, so only joins drop these.
 * Both are dropped by a join unless both sides hold them.
 */
#include "check/engine.h"

#include <stdio.h>
#include <string.h>

const char *eng_rel_path_key(struct eng_fn *f, int n,
			     const char *const *path, const long long *coef)
{
	char buf[640];

	if (path_rel_key(buf, sizeof(buf), n, path, coef))
		return NULL;
	return ir_intern(&f->t->keys, buf);
}

int eng_rel_path_terms(struct eng_fn *f, const char *key, int max,
		       const char **path, long long *coef)
{
	char buf[600];
	size_t pos = 0;
	long long c;
	int n = 0, r;

	for (;;) {
		r = path_rel_next(key, &pos, buf, sizeof(buf), &c);
		if (r <= 0)
			return r < 0 ? -1 : n;
		if (n == max)
			return -1;
		path[n] = ir_intern(&f->t->keys, buf);
		coef[n] = c;
		if (!path[n++])
			return -1;
	}
}

int eng_rel_any_path_form(const struct state *s)
{
	unsigned i;

	for (i = 0; i < s->n; i++)
		if (eng_rel_is_path_form(s->e[i].key))
			return 1;
	return 0;
}

const char *eng_rel_key(struct eng_fn *f, const struct ival *form)
{
	char buf[128];

	if (!form->nt)
		return NULL;
	path_bound_key(buf, sizeof(buf), form);
	return ir_intern(&f->t->keys, buf);
}

void eng_rel_record(struct eng_fn *f, struct state *s, const struct ival *a,
		    const struct ival *b, long long adj)
{
	const char *key;
	struct val v, *old;

	/* a is F + c exactly; b has a finite upper bound */
	if (!a->nt || a->den != 1 || a->slo != a->shi ||
	    a->slo <= IV_NINF || a->slo >= IV_PINF)
		return;
	if (!b->nt && b->hi >= IV_PINF)
		return;
	if (b->nt && b->shi >= IV_PINF)
		return;
	key = eng_rel_key(f, a);
	if (!key)
		return;
	v = val_int(iv_add(*b, iv_const(adj - a->slo)));
	v.iv.lo = IV_NINF;
	old = st_find(s, key);
	if (old && old->iv.nt && !v.iv.nt)
		return;
	st_set(s, key, &v);
}

/* 1 if form's terms all have coefficient 1 and it is not divided */
static int unit_sum(const struct ival *form)
{
	int i;

	if (form->den != 1)
		return 0;
	for (i = 0; i < form->nt; i++)
		if (form->coef[i] != 1)
			return 0;
	return form->nt > 0;
}

/* end <= (bound of end's form from a guard) + end's offset */
int eng_rel_bound(struct eng_fn *f, const struct state *s,
		     const struct ival *end, struct ival *out)
{
	const char *key;
	const struct val *v;

	if (!s || !end->nt || end->den != 1 || end->shi >= IV_PINF)
		return 0;
	key = eng_rel_key(f, end);
	v = key ? st_find(s, key) : NULL;
	if (!v)
		return 0;
	*out = iv_add(v->iv, iv_const(end->shi));
	/* a bound through a relation: its upper end is known to be reached
	 * only when the guard compared a sum of opaque values with a
	 * constant (`if (strlen(a) > 296) return;`: strlen(a) may be 296);
	 * not through a symbolic bound, nor a scaled form (2 * n) */
	out->reach = !v->iv.nt && unit_sum(end);
	out->sreach = 0;
	return 1;
}
