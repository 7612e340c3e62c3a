/* pf_scan.c - the prefilter's name graph (pf_index.h): scanning one
 * header's text into records of its definitions (pf_index_header): the
 * names each defines, the names its body mentions, the conditional owners
 * of function-like macro calls, and the header's quoted #includes. The
 * records' format is described in pf_index.c (pf_index_int.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prefilter/pf_index_int.h"
#include "prefilter/pf_lex.h"

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
	uint32_t id = pf_index_intern(x, t->s, t->len);

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
	name = pf_index_intern(x, nt.s, nt.len);
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
			id = pf_index_intern(x, t.s, t.len);
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
