/* pf_index.c - the prefilter's name graph (pf_index.h).
 *
 * A definition is a record: the names it defines (owners), the names its
 * body mentions (refs), and conditional owners (c, a): a is defined by
 * the record when c is a function-like macro, for header code such as
 * DEFINE_THING(name, body) whose generated function is only named in the
 * macro's arguments. Attribute-like heads (__printf(1, 2), __alloc_size)
 * are not owners: a function's name is.
 */
#include "prefilter/pf_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prefilter/pf_lex.h"
#include "util/arena.h"
#include "util/vec.h"

#define N_ROOT    0x01
#define N_TRIGGER 0x02
#define N_FNMACRO 0x04  /* defined as a function-like macro somewhere */
#define N_ATTR    0x08  /* a keyword or a macro that expands to an attribute */
#define N_KEYWORD 0x10
#define N_PASTE   0x20  /* a macro pasting a piece of a root's name */

#define NONE UINT32_MAX

struct pf_rec {
	uint32_t owners, nowners;   /* in pool */
	uint32_t refs, nrefs;       /* in pool */
	uint32_t cargs, ncargs;     /* pairs in pool */
};

struct pf_index {
	struct kc_arena arena;
	KC_VEC(const char *) str;      /* id -> name */
	KC_VEC(unsigned char) flags;   /* id -> N_* */
	KC_VEC(uint32_t) attr_of;      /* id -> first body ident of macro */
	KC_VEC(uint32_t) why;          /* id -> the trigger that made it one */
	uint32_t *slot;                /* open addressing: id, or NONE */
	size_t nslot;
	KC_VEC(struct pf_rec) recs;
	KC_VEC(uint32_t) pool;
	KC_VEC(uint32_t) paste;        /* macro id, piece id pairs */
	size_t ntrig;
	int closed;
};

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
static uint32_t intern(struct pf_index *x, const char *s, size_t len)
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
		uint32_t id = intern(x, keywords[i], strlen(keywords[i]));

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
	uint32_t id = intern(x, name, strlen(name));

	if (id == NONE)
		return -1;
	x->flags.v[id] |= N_ROOT;
	return 0;
}

/* ---- scanning one header ---- */

/* A record under construction: owners, refs and conditional owners are
 * collected in three scratch vectors, then copied to the pool. */
struct rec_build {
	KC_VEC(uint32_t) owners, refs, cargs;
};

static int rec_commit(struct pf_index *x, struct rec_build *b)
{
	struct pf_rec r;

	if (!b->refs.n)
		goto reset;
	r.owners = (uint32_t)x->pool.n;
	r.nowners = (uint32_t)b->owners.n;
	for (size_t i = 0; i < b->owners.n; i++)
		if (KC_VEC_PUSH(&x->pool, b->owners.v[i]))
			return -1;
	r.refs = (uint32_t)x->pool.n;
	r.nrefs = (uint32_t)b->refs.n;
	for (size_t i = 0; i < b->refs.n; i++)
		if (KC_VEC_PUSH(&x->pool, b->refs.v[i]))
			return -1;
	r.cargs = (uint32_t)x->pool.n;
	r.ncargs = (uint32_t)(b->cargs.n / 2);
	for (size_t i = 0; i < b->cargs.n; i++)
		if (KC_VEC_PUSH(&x->pool, b->cargs.v[i]))
			return -1;
	if (KC_VEC_PUSH(&x->recs, r))
		return -1;
reset:
	b->owners.n = b->refs.n = b->cargs.n = 0;
	return 0;
}

static int push_id(struct pf_index *x, void *vec, const struct pf_tok_t *t,
		   uint32_t *idp)
{
	KC_VEC(uint32_t) *v = vec;
	uint32_t id = intern(x, t->s, t->len);

	if (id == NONE)
		return -1;
	if (idp)
		*idp = id;
	return KC_VEC_PUSH(v, id);
}

static int is_param(const struct pf_tok_t *params, size_t np,
		    const struct pf_tok_t *t)
{
	for (size_t i = 0; i < np; i++)
		if (params[i].len == t->len &&
		    !strncmp(params[i].s, t->s, t->len))
			return 1;
	return 0;
}

/* #define NAME[(params)] body: one record owning NAME. Identifiers next
 * to ## that are not parameters are pasted pieces (x->paste). */
static int scan_define(struct pf_index *x, struct pf_lex *lx,
		       struct rec_build *b)
{
	KC_VEC(struct pf_tok_t) params = { 0 }, body = { 0 };
	struct pf_tok_t t, nt;
	uint32_t name, id;
	int ret = -1, first = 1, fnmacro = 0;
	size_t i;

	pf_lex_next(lx, &t);
	if (t.kind != PF_IDENT) {
		if (t.kind != PF_EOL)
			pf_lex_skip_directive(lx);
		return 0;
	}
	nt = t;
	pf_lex_next(lx, &t);
	if (t.kind == PF_PUNCT && t.s[0] == '(' && t.glued) {
		fnmacro = 1;
		for (;;) {
			pf_lex_next(lx, &t);
			if (t.kind == PF_EOL || t.kind == PF_EOF ||
			    (t.kind == PF_PUNCT && t.s[0] == ')'))
				break;
			if (t.kind == PF_IDENT && KC_VEC_PUSH(&params, t))
				goto out;
		}
		if (t.kind != PF_EOL && t.kind != PF_EOF)
			pf_lex_next(lx, &t);
	}
	for (; t.kind != PF_EOL && t.kind != PF_EOF; pf_lex_next(lx, &t))
		if (KC_VEC_PUSH(&body, t))
			goto out;
	/* register headers: millions of object-like macros of numbers */
	for (i = 0; i < body.n && body.v[i].kind != PF_IDENT; i++)
		;
	if (i == body.n && !fnmacro) {
		ret = 0;
		goto out;
	}
	name = intern(x, nt.s, nt.len);
	if (name == NONE || KC_VEC_PUSH(&b->owners, name))
		goto out;
	if (fnmacro)
		x->flags.v[name] |= N_FNMACRO;
	for (i = 0; i < body.n; i++) {
		struct pf_tok_t *bt = &body.v[i];

		if (bt->kind != PF_IDENT)
			continue;
		if (push_id(x, &b->refs, bt, &id))
			goto out;
		if (first) {
			if (x->flags.v[id] & N_ATTR)
				x->flags.v[name] |= N_ATTR;
			else
				x->attr_of.v[name] = id;
			first = 0;
		}
		if (((i > 0 && body.v[i - 1].len == 2 &&
		      body.v[i - 1].kind == PF_PUNCT) ||
		     (i + 1 < body.n && body.v[i + 1].len == 2 &&
		      body.v[i + 1].kind == PF_PUNCT)) &&
		    !is_param(params.v, params.n, bt) &&
		    (KC_VEC_PUSH(&x->paste, name) ||
		     KC_VEC_PUSH(&x->paste, id)))
			goto out;
	}
	ret = rec_commit(x, b);
out:
	KC_VEC_FREE(&params);
	KC_VEC_FREE(&body);
	return ret;
}

/* A header whose braces do not balance (an #if branch opening a
 * function twice): one record for the whole file, owning every name that
 * is followed by '(' and mentioning every identifier. */
static int coarse(struct pf_index *x, const char *buf, size_t len)
{
	struct rec_build b = { 0 };
	struct pf_lex lx;
	struct pf_tok_t t;
	uint32_t prev = NONE, id;
	int ret = -1;

	pf_lex_init(&lx, buf, len);
	for (pf_lex_next(&lx, &t); t.kind != PF_EOF; pf_lex_next(&lx, &t)) {
		if (t.kind == PF_IDENT) {
			if (push_id(x, &b.refs, &t, &id))
				goto out;
			prev = id;
			continue;
		}
		if (t.kind == PF_PUNCT && t.s[0] == '(' && prev != NONE &&
		    !(x->flags.v[prev] & N_KEYWORD) &&
		    KC_VEC_PUSH(&b.owners, prev))
			goto out;
		prev = NONE;
	}
	ret = rec_commit(x, &b);
out:
	KC_VEC_FREE(&b.owners);
	KC_VEC_FREE(&b.refs);
	KC_VEC_FREE(&b.cargs);
	return ret;
}

struct hscan {
	struct pf_index *x;
	struct pf_lex lx;
	struct rec_build b;
	const char ***incs;
	size_t **inclen;
	size_t *nincs;
	size_t cap;
};

static int add_include(struct hscan *h, const char *s, size_t len)
{
	if (*h->nincs == h->cap) {
		size_t nc = h->cap ? h->cap * 2 : 8;
		const char **ni = realloc(*h->incs, nc * sizeof(*ni));
		size_t *nl;

		if (!ni)
			return -1;
		*h->incs = ni;
		nl = realloc(*h->inclen, nc * sizeof(*nl));
		if (!nl)
			return -1;
		*h->inclen = nl;
		h->cap = nc;
	}
	(*h->incs)[*h->nincs] = s;
	(*h->inclen)[(*h->nincs)++] = len;
	return 0;
}

/* After '#': #define records a macro (committing first whatever top-level
 * record was being built is not needed: macros use their own builder),
 * #include "x" is remembered, anything else is skipped. */
static int directive(struct hscan *h)
{
	struct pf_tok_t t;
	struct rec_build mb = { 0 };
	int ret = 0;

	pf_lex_next(&h->lx, &t);
	if (t.kind != PF_IDENT) {
		if (t.kind != PF_EOL)
			pf_lex_skip_directive(&h->lx);
		return 0;
	}
	if (t.len == 6 && !strncmp(t.s, "define", 6)) {
		ret = scan_define(h->x, &h->lx, &mb);
		KC_VEC_FREE(&mb.owners);
		KC_VEC_FREE(&mb.refs);
		KC_VEC_FREE(&mb.cargs);
		return ret;
	}
	if (t.len == 7 && !strncmp(t.s, "include", 7)) {
		const char *s;
		size_t len;

		if (pf_lex_include(&h->lx, &s, &len) == '"' &&
		    add_include(h, s, len))
			return -1;
	}
	pf_lex_skip_directive(&h->lx);
	return 0;
}

/* Ends an argument of a top-level call: a lone identifier may be the
 * name of what a macro defines. */
static int end_arg(struct pf_index *x, struct rec_build *b, uint32_t cand,
		   int ntok, uint32_t argid)
{
	if (ntok != 1 || argid == NONE || (x->flags.v[argid] & N_KEYWORD))
		return 0;
	if (KC_VEC_PUSH(&b->cargs, cand) || KC_VEC_PUSH(&b->cargs, argid))
		return -1;
	return 0;
}

/* A top-level ';' or a macro call on its own: refs are the candidates
 * and what the arguments call; no owners but the lone-identifier
 * arguments (b->cargs). */
static int end_call(struct pf_index *x, struct rec_build *b, void *vcalled)
{
	KC_VEC(uint32_t) *called = vcalled;

	for (size_t i = 0; i < called->n; i++)
		if (KC_VEC_PUSH(&b->refs, called->v[i]))
			return -1;
	called->n = 0;
	b->owners.n = 0;
	return rec_commit(x, b);
}

/*
 * The top level of a header: a head (names followed by '(' at depth 0,
 * the candidates) then either a body '{...}' (a function: the candidates
 * own it, the body's identifiers are its refs) or ';' (a declaration or
 * a macro call such as DEFINE_FREE(name, type, code): refs are the
 * candidates and the names called in the arguments, and a lone
 * identifier argument is owned when the candidate is a function-like
 * macro). '{' after '=' or without a candidate (initializers, struct
 * types) is skipped.
 */
int pf_index_header(struct pf_index *x, const char *buf, size_t len,
		    const char ***incs, size_t **inclen, size_t *nincs)
{
	struct hscan h = { .x = x, .incs = incs, .inclen = inclen,
			   .nincs = nincs };
	KC_VEC(uint32_t) called = { 0 };
	struct pf_tok_t t;
	int depth = 0, pdepth = 0, body = 0, last = 0, ret = -1, ntok = 0;
	int chunk = 0, lead = 0, pending = 0;
	uint32_t prev = NONE, cand = NONE, argid = NONE, id;

	*incs = NULL;
	*inclen = NULL;
	*nincs = 0;
	pf_lex_init(&h.lx, buf, len);
	for (;;) {
		pf_lex_next(&h.lx, &t);
		if (t.kind == PF_EOF)
			break;
		if (t.kind == PF_HASH) {
			if (directive(&h))
				goto out;
			continue;
		}
		if (t.kind == PF_EOL)
			continue;
		if (depth > 0) {
			/* inside a function body (refs) or a skipped block */
			if (t.kind == PF_IDENT && body &&
			    push_id(x, &h.b.refs, &t, NULL))
				goto out;
			if (t.kind == PF_PUNCT && t.s[0] == '{')
				depth++;
			else if (t.kind == PF_PUNCT && t.s[0] == '}' &&
				 depth == 1 && !body)
				depth = 0;
			else if (t.kind == PF_PUNCT && t.s[0] == '}' &&
				 --depth == 0 && body) {
				if (rec_commit(x, &h.b))
					goto out;
				body = 0;
				pdepth = 0;
				cand = prev = NONE;
				called.n = 0;
			}
			continue;
		}
		/* NAME(...) that opened the chunk and is not followed by a
		 * body or ';' is a macro call of its own (DEFINE_FREE(...)
		 * on its line): close it before the next declaration */
		if (pending && !(t.kind == PF_PUNCT &&
				 (t.s[0] == '{' || t.s[0] == ';'))) {
			if (end_call(x, &h.b, &called))
				goto out;
			chunk = 0;
		}
		pending = 0;
		if (pdepth == 0)
			chunk++;
		if (pdepth >= 1 && !(pdepth == 1 && t.kind == PF_PUNCT &&
				     (t.s[0] == ',' || t.s[0] == ')')))
			ntok++;
		if (t.kind == PF_IDENT) {
			/* heads are not refs: only named */
			id = intern(x, t.s, t.len);
			if (id == NONE)
				goto out;
			argid = id;
			prev = id;
			last = 'a';
			continue;
		}
		if (t.kind != PF_PUNCT) {
			last = '0';
			prev = NONE;
			continue;
		}
		switch (t.s[0]) {
		case '}':
			/* braces split by #if branches: no longer trust
			 * the structure of this file */
			ret = coarse(x, buf, len);
			goto out;
		case '(':
			if (pdepth == 0 && prev != NONE) {
				lead = chunk == 2;
				cand = prev;
				ntok = 0;
				argid = NONE;
				if (KC_VEC_PUSH(&h.b.owners, prev) ||
				    KC_VEC_PUSH(&called, prev))
					goto out;
			} else if (prev != NONE && cand != NONE &&
				   KC_VEC_PUSH(&called, prev)) {
				goto out;
			}
			pdepth++;
			break;
		case ',':
			if (pdepth == 1 && cand != NONE) {
				if (end_arg(x, &h.b, cand, ntok, argid))
					goto out;
				ntok = 0;
				argid = NONE;
			}
			break;
		case ')':
			if (pdepth == 1 && cand != NONE &&
			    end_arg(x, &h.b, cand, ntok, argid))
				goto out;
			if (pdepth > 0 && --pdepth == 0) {
				cand = NONE;
				pending = lead;
				lead = 0;
			}
			break;
		case ';':
			if (pdepth == 0) {
				if (end_call(x, &h.b, &called))
					goto out;
				chunk = 0;
				continue;
			}
			break;
		case '{':
			depth = 1;
			chunk = 0;
			body = h.b.owners.n > 0 && last != '=';
			called.n = 0;
			if (!body)
				h.b.owners.n = h.b.cargs.n = 0;
			break;
		}
		last = t.s[0];
		prev = NONE;
	}
	ret = depth ? coarse(x, buf, len) : 0;
out:
	KC_VEC_FREE(&called);
	KC_VEC_FREE(&h.b.owners);
	KC_VEC_FREE(&h.b.refs);
	KC_VEC_FREE(&h.b.cargs);
	return ret;
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
	uint32_t id = intern(x, s, len);

	if (id == NONE)
		return -1;
	if (!(x->flags.v[id] & N_TRIGGER)) {
		x->flags.v[id] |= N_TRIGGER;
		x->ntrig++;
	}
	x->closed = 1;
	return 0;
}
