/* sites.c - where the rules plug in: the interpreter reports ksize()
 * calls (eng_note_ksize: the argument's provenance, joined over every
 * visit) and memory accesses (eng_access), and the TU's end (eng_emit);
 * each is handed to the rule families of the registry (rules/rule_list.h
 * names each rule's family, src/rules/<family>.c judges it).
 */
#include "check/engine.h"
#include "diag/diag.h"
#include "rules/family.h"
#include "util/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void eng_note_ksize(struct eng_fn *f, CXCursor call, const char *callee,
		    const struct val *arg, int shared)
{
	struct eng_tu *t = f->t;
	unsigned long long site = cx_site(call);
	struct ks_site *k;
	size_t i;

	if (t->pass != 1)
		return;
	for (i = 0; i < t->nks; i++)
		if (t->ks[i].site == site) {
			k = &t->ks[i];
			k->v = val_join(&k->v, arg);
			k->shared |= shared;
			return;
		}
	if (t->nks == t->capks &&
	    kc_vec_grow((void **)&t->ks, &t->capks, sizeof(*t->ks)))
		return;
	k = &t->ks[t->nks++];
	memset(k, 0, sizeof(*k));
	k->site = site;
	k->loc = cx_loc(&t->arena, call);
	k->function = f->name;
	k->callee = kc_arena_strdup(&t->arena, callee);
	k->v = *arg;
	k->shared = shared;
}

#define KC_RULE(e, id, sev, fix, family, ...) \
	extern const struct rule_family rule_family_##family;
#include "rules/rule_list.h"

/* The family of each rule, in registry order (a family appears once per
 * rule it reports). */
static const struct rule_family *const rule_families[] = {
#define KC_RULE(e, id, sev, fix, family, ...) &rule_family_##family,
#include "rules/rule_list.h"
};

#define NFAMILY_ROWS (sizeof(rule_families) / sizeof(rule_families[0]))

/* 1 if row i of rule_families is the first row naming its family: every
 * family is called once, in the order of its first rule. */
static int first_row(size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (rule_families[k] == rule_families[i])
			return 0;
	return 1;
}

static void access_event(struct eng_fn *f, const struct state *s,
			 const struct rule_access *a);

int eng_free_event(struct eng_tu *t, unsigned line, const char *name,
		   int inner)
{
	struct free_ev e;

	e.line = line;
	e.name = name;
	e.inner = inner;
	if (KC_VEC_PUSH(&t->frees, e))
		return 0;
	return (int)t->frees.n;
}

void eng_access(struct eng_fn *f, const struct state *s, CXCursor at,
		const struct val *ptr, struct ival extra, struct ival len,
		int write, const char *what)
{
	struct rule_access a;

	memset(&a, 0, sizeof(a));
	a.at = at;
	a.ptr = ptr;
	a.extra = extra;
	a.len = len;
	a.write = write;
	a.what = what;
	access_event(f, s, &a);
}

void eng_access_bounded(struct eng_fn *f, const struct state *s,
			CXCursor at, const struct val *ptr, struct ival len,
			struct ival claim, const char *what, int by_src)
{
	struct rule_access a;

	memset(&a, 0, sizeof(a));
	a.at = at;
	a.ptr = ptr;
	a.extra = iv_const(0);
	a.len = len;
	a.write = 1;
	a.what = what;
	a.bounded = 1;
	a.by_src = by_src;
	a.claim = claim;
	access_event(f, s, &a);
}

/* Hands access a to every family that judges accesses. */
static void access_event(struct eng_fn *f, const struct state *s,
			 const struct rule_access *a)
{
	size_t i;

	if (f->sink_evs_on && !f->caller && f->t->pass == 1) {
		struct sink_ev e;

		e.at = a->at;
		e.ptr = *a->ptr;
		e.extra = a->extra;
		e.len = a->len;
		e.claim = a->claim;
		e.write = a->write;
		e.bounded = a->bounded;
		/* a lost event withholds the record (summary.c) */
		if (KC_VEC_PUSH(&f->sink_evs, e))
			f->sink_evs_on = -1;
	}
	if (f->t->pass != 1 || f->t->quiet)
		return;
	for (i = 0; i < NFAMILY_ROWS; i++)
		if (rule_families[i]->on_access && first_row(i))
			rule_families[i]->on_access(f, s, a);
}

void eng_return(struct eng_fn *f, const struct state *s, CXCursor at,
		const struct val *ret, const char *ret_text,
		const struct apidb_fn *api, struct ival size,
		const char *size_text)
{
	struct rule_return r;
	size_t i;

	if (f->t->pass != 1 || f->t->quiet)
		return;
	memset(&r, 0, sizeof(r));
	r.at = at;
	r.ret = ret;
	r.ret_text = ret_text;
	r.api = api;
	r.size = size;
	r.size_text = size_text;
	for (i = 0; i < NFAMILY_ROWS; i++)
		if (rule_families[i]->on_return && first_row(i))
			rule_families[i]->on_return(f, s, &r);
}

int eng_emit(struct eng_tu *t)
{
	size_t i;
	int ret;

	for (i = 0; i < NFAMILY_ROWS; i++) {
		if (!rule_families[i]->emit || !first_row(i))
			continue;
		ret = rule_families[i]->emit(t);
		if (ret)
			return ret;
	}
	return t->out->oom ? -KC_ENOMEM : 0;
}
