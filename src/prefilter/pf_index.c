/* pf_index.c - the prefilter's name graph (pf_index.h).
 *
 * A definition is a record: the names it defines (owners), the names its
 * body mentions (refs), and conditional owners (c, a): a is defined by
 * the record when c is a function-like macro, for header code such as
 * DEFINE_THING(name, body) whose generated function is only named in the
 * macro's arguments. Attribute-like heads (__printf(1, 2), __alloc_size)
 * are not owners: a function's name is.
 *
 * This file holds the interned names and their flags, the closure that
 * makes triggers of the names that reach a root, and the queries;
 * pf_scan.c turns one header's text into records (pf_index_int.h).
 */
#include "prefilter/pf_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prefilter/pf_index_int.h"

static const char *const keywords[] = {
	"__attribute__", "__attribute", "__typeof__", "__typeof", "typeof",
	"sizeof", "_Alignas", "_Alignof", "__alignof__", "alignof",
	"__declspec", "asm", "__asm__", "__asm", "_Static_assert",
	"static_assert", "_Generic", "if", "while", "for", "switch",
	"return", "do", "else", "case", "goto", "break", "continue",
	"static", "inline", "__inline", "__inline__", "extern", "const",
	"volatile", "void", "char", "short", "int", "long", "unsigned",
	"signed", "float", "double", "_Bool", "struct", "union", "enum",
	"typedef", "register", "restrict", "__restrict", "auto", "default",
	"__builtin_expect", "__builtin_constant_p", "__extension__",
};

static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static uint32_t find(const struct pf_index *x, const char *s, size_t len)
{
	size_t m = x->nslot - 1, i = hash(s, len) & m;

	for (;; i = (i + 1) & m) {
		uint32_t id = x->slot[i];

		if (id == NONE)
			return NONE;
		if (!strncmp(x->str.v[id], s, len) && !x->str.v[id][len])
			return id;
	}
}

static int grow(struct pf_index *x)
{
	size_t n = x->nslot * 2;
	uint32_t *ns = malloc(n * sizeof(*ns));

	if (!ns)
		return -1;
	memset(ns, 0xff, n * sizeof(*ns));
	for (size_t id = 0; id < x->str.n; id++) {
		const char *s = x->str.v[id];
		size_t i = hash(s, strlen(s)) & (n - 1);

		while (ns[i] != NONE)
			i = (i + 1) & (n - 1);
		ns[i] = (uint32_t)id;
	}
	free(x->slot);
	x->slot = ns;
	x->nslot = n;
	return 0;
}

/* The id of s[0..len), added if new; NONE on OOM. */
uint32_t pf_index_intern(struct pf_index *x, const char *s, size_t len)
{
	uint32_t id = find(x, s, len);
	size_t i;
	char *copy;

	if (id != NONE)
		return id;
	if ((x->str.n + 1) * 2 > x->nslot && grow(x))
		return NONE;
	copy = kc_arena_strndup(&x->arena, s, len);
	if (!copy || KC_VEC_PUSH(&x->str, copy) ||
	    KC_VEC_PUSH(&x->flags, 0) || KC_VEC_PUSH(&x->attr_of, NONE) ||
	    KC_VEC_PUSH(&x->why, NONE))
		return NONE;
	id = (uint32_t)(x->str.n - 1);
	for (i = hash(s, len) & (x->nslot - 1); x->slot[i] != NONE;
	     i = (i + 1) & (x->nslot - 1))
		;
	x->slot[i] = id;
	return id;
}

struct pf_index *pf_index_new(void)
{
	struct pf_index *x = calloc(1, sizeof(*x));

	if (!x)
		return NULL;
	kc_arena_init(&x->arena);
	x->nslot = 1024;
	x->slot = malloc(x->nslot * sizeof(*x->slot));
	if (!x->slot) {
		free(x);
		return NULL;
	}
	memset(x->slot, 0xff, x->nslot * sizeof(*x->slot));
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		uint32_t id = pf_index_intern(x, keywords[i],
					      strlen(keywords[i]));

		if (id == NONE) {
			pf_index_free(x);
			return NULL;
		}
		x->flags.v[id] |= N_KEYWORD | N_ATTR;
	}
	return x;
}

void pf_index_free(struct pf_index *x)
{
	if (!x)
		return;
	KC_VEC_FREE(&x->str);
	KC_VEC_FREE(&x->flags);
	KC_VEC_FREE(&x->attr_of);
	KC_VEC_FREE(&x->why);
	KC_VEC_FREE(&x->recs);
	KC_VEC_FREE(&x->pool);
	KC_VEC_FREE(&x->paste);
	free(x->slot);
	kc_arena_release(&x->arena);
	free(x);
}

int pf_index_root(struct pf_index *x, const char *name)
{
	uint32_t id = pf_index_intern(x, name, strlen(name));

	if (id == NONE)
		return -1;
	x->flags.v[id] |= N_ROOT;
	return 0;
}

/* ---- closure ---- */

static int is_attr(struct pf_index *x, uint32_t id)
{
	/* __printf -> __attribute__((format...)): follow the first body
	 * identifier a few levels */
	for (int i = 0; i < 8 && id != NONE; i++) {
		if (x->flags.v[id] & N_ATTR)
			return 1;
		id = x->attr_of.v[id];
	}
	return 0;
}

static int mark(struct pf_index *x, uint32_t id, void *queue, uint32_t why)
{
	KC_VEC(uint32_t) *q = queue;

	if (x->flags.v[id] & N_TRIGGER)
		return 0;
	x->why.v[id] = why;
	x->flags.v[id] |= N_TRIGGER;
	x->ntrig++;
	return KC_VEC_PUSH(q, id);
}

int pf_index_close(struct pf_index *x)
{
	KC_VEC(uint32_t) q = { 0 };
	uint32_t *start = NULL, *list = NULL;
	unsigned char *fired = NULL;
	size_t n = x->str.n, total = 0;
	int ret = -1;

	/* reverse edges, compressed: start[id]..start[id+1] in list */
	start = calloc(n + 1, sizeof(*start));
	fired = calloc(x->recs.n + 1, 1);
	if (!start || !fired)
		goto out;
	for (size_t r = 0; r < x->recs.n; r++)
		for (uint32_t i = 0; i < x->recs.v[r].nrefs; i++)
			start[x->pool.v[x->recs.v[r].refs + i] + 1]++;
	for (size_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	total = start[n];
	list = malloc((total + 1) * sizeof(*list));
	if (!list)
		goto out;
	{
		uint32_t *fill = calloc(n + 1, sizeof(*fill));

		if (!fill)
			goto out;
		for (size_t r = 0; r < x->recs.n; r++)
			for (uint32_t i = 0; i < x->recs.v[r].nrefs; i++) {
				uint32_t id = x->pool.v[x->recs.v[r].refs + i];

				list[start[id] + fill[id]++] = (uint32_t)r;
			}
		free(fill);
	}
	for (size_t id = 0; id < n; id++)
		if ((x->flags.v[id] & N_ROOT) && mark(x, (uint32_t)id, &q, NONE))
			goto out;
	/* macros that paste a piece of a root's name may form it */
	for (size_t i = 0; i + 1 < x->paste.n; i += 2) {
		const char *piece = x->str.v[x->paste.v[i + 1]];

		size_t pl = strlen(piece);

		for (size_t id = 0; id < n; id++)
			if ((x->flags.v[id] & N_ROOT) && pl >= 3 &&
			    strspn(piece, "_") < pl &&
			    strlen(x->str.v[id]) > pl &&
			    (!strncmp(x->str.v[id], piece, pl) ||
			     !strcmp(x->str.v[id] + strlen(x->str.v[id]) - pl,
				     piece))) {
				if (mark(x, x->paste.v[i], &q, x->paste.v[i + 1]))
					goto out;
				break;
			}
	}
	while (q.n) {
		uint32_t id = q.v[--q.n];

		for (uint32_t k = start[id]; k < start[id + 1]; k++) {
			const struct pf_rec *r = &x->recs.v[list[k]];

			if (fired[list[k]])
				continue;
			fired[list[k]] = 1;
			for (uint32_t i = 0; i < r->nowners; i++) {
				uint32_t o = x->pool.v[r->owners + i];

				if (!is_attr(x, o) && mark(x, o, &q, id))
					goto out;
			}
			for (uint32_t i = 0; i < r->ncargs; i++) {
				uint32_t c = x->pool.v[r->cargs + 2 * i];
				uint32_t a = x->pool.v[r->cargs + 2 * i + 1];

				if ((x->flags.v[c] & N_FNMACRO) &&
				    !(x->flags.v[a] & N_KEYWORD) &&
				    mark(x, a, &q, id))
					goto out;
			}
		}
	}
	if (getenv("KC_PREFILTER_DUMP")) {
		FILE *f = fopen(getenv("KC_PREFILTER_DUMP"), "w");

		for (size_t id = 0; f && id < n; id++)
			if (x->flags.v[id] & N_TRIGGER)
				fprintf(f, "%s %s\n", x->str.v[id],
					x->why.v[id] == NONE ? "-" :
					x->str.v[x->why.v[id]]);
		if (f)
			fclose(f);
	}
	x->closed = 1;
	ret = 0;
out:
	KC_VEC_FREE(&q);
	free(start);
	free(list);
	free(fired);
	return ret;
}

int pf_index_is_trigger(const struct pf_index *x, const char *s, size_t len)
{
	uint32_t id = find(x, s, len);

	return id != NONE && (x->flags.v[id] & N_TRIGGER);
}

void pf_index_counts(const struct pf_index *x, size_t *names, size_t *defs,
		     size_t *triggers)
{
	*names = x->str.n;
	*defs = x->recs.n;
	*triggers = x->ntrig;
}

int pf_index_foreach_trigger(const struct pf_index *x,
			     int (*fn)(const char *name, void *data),
			     void *data)
{
	for (size_t id = 0; id < x->str.n; id++)
		if (x->flags.v[id] & N_TRIGGER) {
			int r = fn(x->str.v[id], data);

			if (r)
				return r;
		}
	return 0;
}

int pf_index_load_trigger(struct pf_index *x, const char *s, size_t len)
{
	uint32_t id = pf_index_intern(x, s, len);

	if (id == NONE)
		return -1;
	if (!(x->flags.v[id] & N_TRIGGER)) {
		x->flags.v[id] |= N_TRIGGER;
		x->ntrig++;
	}
	x->closed = 1;
	return 0;
}
