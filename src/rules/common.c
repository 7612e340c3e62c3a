/* common.c - predicates that several rule families share (family.h). */
#include "rules/family.h"

#include <stdio.h>
#include <string.h>

int rule_on(const struct eng_tu *t, int rule)
{
	return !t->env->enabled_rules_mask ||
	       (t->env->enabled_rules_mask & (1u << rule));
}

int rule_kmalloc_object(const struct eng_tu *t, const struct prov_obj *o)
{
	if (o->origin != PO_ALLOC)
		return 0;
	if (o->family == APIDB_FAM_KMALLOC || o->family == APIDB_FAM_KCONST)
		return 1;
	/* kvmalloc below a page never falls back to vmalloc */
	if (o->family == APIDB_FAM_KVMALLOC && o->size.hi != IV_PINF &&
	    t->config &&
	    (unsigned long long)o->size.hi <=
	    slab_config_page_size(t->config))
		return 1;
	return 0;
}

/* 1 if o was made by a helper called from fn (the finding's function):
 * the note names that call. A finding inside the helper itself, or in
 * another one, gets the allocator's call. */
static int via_fn(const struct prov_obj *o, const char *fn)
{
	return o->via && o->via_loc.file && o->via_top && fn &&
	       !strcmp(o->via_top, fn);
}

struct kc_loc rule_alloc_loc(const struct prov_obj *o, const char *fn)
{
	return via_fn(o, fn) ? o->via_loc : o->loc;
}

const char *rule_alloc_by(struct eng_tu *t, const struct prov_obj *o,
			  const char *fn, int args)
{
	const char *a = args && o->size_text ? o->size_text : "";

	if (via_fn(o, fn))
		return kc_arena_printf(&t->arena, "%s(), %s(%s) at line %u",
				       o->via, o->alloc, a, o->loc.line);
	return kc_arena_printf(&t->arena, "%s(%s)", o->alloc, a);
}

const char *rule_free_via(struct eng_tu *t, int fev)
{
	char buf[256];
	size_t len;
	const struct free_ev *e;
	int depth = 0;

	if (fev <= 0 || (size_t)fev > t->frees.n)
		return "";
	e = &t->frees.v[fev - 1];
	if (!e->inner)
		return "";
	snprintf(buf, sizeof(buf), " by %s() (", e->name);
	for (fev = e->inner; fev > 0 && (size_t)fev <= t->frees.n &&
	     depth < 8; fev = e->inner, depth++) {
		e = &t->frees.v[fev - 1];
		len = strlen(buf);
		snprintf(buf + len, sizeof(buf) - len, "%s%s() at line %u",
			 depth ? ", " : "", e->name, e->line);
	}
	len = strlen(buf);
	snprintf(buf + len, sizeof(buf) - len, ")");
	return kc_arena_strdup(&t->arena, buf);
}

void rule_note_fact(struct eng_tu *t, struct kc_finding *fd,
		    const struct prov_obj *o)
{
	if (fd && o && o->fact && o->loc.file)
		kc_note(t->out, fd, "fact", o->loc, "%s", o->fact);
}

void rule_note_free_fact(struct eng_tu *t, struct kc_finding *fd,
			 const struct prov_obj *o)
{
	if (fd && o && o->free_fact && o->free_loc.file)
		kc_note(t->out, fd, "fact", o->free_loc, "%s", o->free_fact);
}
