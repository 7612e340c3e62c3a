/* state.c - abstract states as sorted key/value arrays (state.h). */
#include "ir/state.h"
#include "ir/path.h"
#include "util/err.h"
#include "util/sink.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void st_init(struct state *s)
{
	memset(s, 0, sizeof(*s));
}

void st_init_dead(struct state *s)
{
	memset(s, 0, sizeof(*s));
	s->dead = 1;
}

void st_release(struct state *s)
{
	free(s->e);
	memset(s, 0, sizeof(*s));
	s->dead = 1;
}

int st_copy(struct state *dst, const struct state *src)
{
	dst->dead = src->dead;
	dst->n = src->n;
	dst->cap = src->n;
	dst->e = NULL;
	if (!src->n)
		return 0;
	dst->e = malloc(src->n * sizeof(*dst->e));
	if (!dst->e) {
		dst->n = dst->cap = 0;
		return -KC_ENOMEM;
	}
	memcpy(dst->e, src->e, src->n * sizeof(*dst->e));
	return 0;
}

void st_move(struct state *dst, struct state *src)
{
	free(dst->e);
	*dst = *src;
	memset(src, 0, sizeof(*src));
	src->dead = 1;
}

static unsigned st_pos(const struct state *s, const char *key, int *found)
{
	unsigned lo = 0, hi = s->n;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;

		if ((uintptr_t)s->e[mid].key < (uintptr_t)key)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < s->n && s->e[lo].key == key;
	return lo;
}

struct val *st_find(const struct state *s, const char *key)
{
	int found;
	unsigned i = st_pos(s, key, &found);

	return found ? &s->e[i].v : NULL;
}

int st_set(struct state *s, const char *key, const struct val *v)
{
	int found;
	unsigned i;

	/* keys are interned strings: a NULL one (a failed ir_intern()) must
	 * not be stored, st_kill_under() would read it */
	if (!KC_ASSERT(key))
		return -KC_EINTERNAL;
	i = st_pos(s, key, &found);
	if (found) {
		s->e[i].v = *v;
		return 0;
	}
	if (s->n == s->cap) {
		unsigned nc = s->cap ? s->cap * 2 : 16;
		struct st_ent *ne = realloc(s->e, nc * sizeof(*ne));

		if (!ne)
			return -KC_ENOMEM;
		s->e = ne;
		s->cap = nc;
	}
	memmove(&s->e[i + 1], &s->e[i], (s->n - i) * sizeof(*s->e));
	s->e[i].key = key;
	s->e[i].v = *v;
	s->n++;
	return 0;
}

static void kill(struct state *s, const char *prefix, int vals)
{
	size_t len = strlen(prefix);
	unsigned i, j = 0;

	for (i = 0; i < s->n; i++) {
		const char *k = s->e[i].key;

		/* the first two characters ("v" and the first hex digit of
		 * the variable's hash) rule out most keys without a call */
		if (vals && k[0] == prefix[0] && (len < 2 || k[1] == prefix[1]) &&
		    path_is_under(k, prefix, len))
			continue;
		if (path_is_slot(k) && path_slot_names(k, prefix, len))
			continue;
		s->e[j++] = s->e[i];
	}
	s->n = j;
}

void st_kill_under(struct state *s, const char *prefix)
{
	kill(s, prefix, 1);
}

void st_kill_rels(struct state *s, const char *prefix)
{
	kill(s, prefix, 0);
}

void st_drop_keys(struct state *s, int (*drop)(const char *key, void *ctx),
		  void *ctx)
{
	unsigned i, j = 0;

	for (i = 0; i < s->n; i++)
		if (!drop(s->e[i].key, ctx))
			s->e[j++] = s->e[i];
	s->n = j;
}

void st_map(struct state *s, void (*fn)(struct val *v, void *ctx),
	    void *ctx)
{
	unsigned i;

	for (i = 0; i < s->n; i++)
		fn(&s->e[i].v, ctx);
}

int st_join(struct state *dst, const struct state *src, st_default_fn def,
	    void *ctx, int widen)
{
	struct st_ent *out;
	unsigned i = 0, j = 0, n = 0;

	if (src->dead)
		return 0;
	if (dst->dead) {
		struct state tmp;

		if (st_copy(&tmp, src))
			return -KC_ENOMEM;
		st_move(dst, &tmp);
		return 0;
	}
	out = malloc((dst->n + src->n + 1) * sizeof(*out));
	if (!out)
		return -KC_ENOMEM;
	while (i < dst->n || j < src->n) {
		const char *k;
		const struct val *pa, *pb;
		struct val d;

		if (j >= src->n || (i < dst->n &&
				    (uintptr_t)dst->e[i].key <
				    (uintptr_t)src->e[j].key)) {
			k = dst->e[i].key;
			pa = &dst->e[i++].v;
			d = def(ctx, k);
			pb = &d;
		} else if (i >= dst->n || (uintptr_t)src->e[j].key <
					  (uintptr_t)dst->e[i].key) {
			k = src->e[j].key;
			d = def(ctx, k);
			pa = &d;
			pb = &src->e[j++].v;
		} else {
			k = dst->e[i].key;
			pa = &dst->e[i++].v;
			pb = &src->e[j++].v;
			/* the same bytes on both sides (a copy of one
			 * state): the join is the value itself */
			if (!memcmp(pa, pb, sizeof(*pa))) {
				out[n].key = k;
				out[n++].v = *pa;
				continue;
			}
		}
		out[n].key = k;
		out[n].v = widen ? val_widen(pa, pb) : val_join(pa, pb);
		n++;
	}
	free(dst->e);
	dst->e = out;
	dst->n = n;
	dst->cap = dst->n + src->n + 1 > n ? n : n;
	dst->cap = n ? n : 0;
	if (!n) {
		free(out);
		dst->e = NULL;
	}
	return 0;
}

int st_equal(const struct state *a, const struct state *b)
{
	unsigned i;

	if (a->dead != b->dead)
		return 0;
	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->e[i].key != b->e[i].key ||
		    !val_equal(&a->e[i].v, &b->e[i].v))
			return 0;
	return 1;
}

/* ---- interning ---- */

void ir_intern_init(struct ir_intern *in, struct kc_arena *a)
{
	memset(in, 0, sizeof(*in));
	in->arena = a;
}

void ir_intern_release(struct ir_intern *in)
{
	free(in->slot);
	memset(in, 0, sizeof(*in));
}

static size_t str_hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

const char *ir_intern(struct ir_intern *in, const char *s)
{
	size_t i;

	if ((in->n + 1) * 2 > in->nslot) {
		size_t nn = in->nslot ? in->nslot * 2 : 1024, k;
		const char **ns = calloc(nn, sizeof(*ns));

		if (!ns)
			return NULL;
		for (k = 0; k < in->nslot; k++) {
			if (!in->slot[k])
				continue;
			i = str_hash(in->slot[k]) & (nn - 1);
			while (ns[i])
				i = (i + 1) & (nn - 1);
			ns[i] = in->slot[k];
		}
		free(in->slot);
		in->slot = ns;
		in->nslot = nn;
	}
	i = str_hash(s) & (in->nslot - 1);
	while (in->slot[i]) {
		if (!strcmp(in->slot[i], s))
			return in->slot[i];
		i = (i + 1) & (in->nslot - 1);
	}
	in->slot[i] = kc_arena_strdup(in->arena, s);
	if (!in->slot[i])
		return NULL;
	in->n++;
	return in->slot[i];
}
