/* relations.c - bounds that guards establish on symbolic expressions
 * (`if (len + n + 1 > cap) return;`): the state entry "#le" keyed by the
 * expression's form holds the bound, and an access whose end has that
 * form is bounded by it (eng_rel_bound). */
#include "check/engine.h"

#include <stdio.h>

const char *eng_rel_key(struct eng_fn *f, const struct ival *form)
{
	char buf[128];
	size_t n;
	int i;

	if (!form->nt)
		return NULL;
	n = (size_t)snprintf(buf, sizeof(buf), "#le");
	for (i = 0; i < form->nt && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, ":%d*%d",
				      form->sym[i], form->coef[i]);
	if (n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, "/%d", form->den);
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
	/* a bound through a relation: its upper end is not known to be
	 * reached (only ksize() and exact symbolic forms are judged) */
	out->reach = 0;
	out->sreach = 0;
	return 1;
}
