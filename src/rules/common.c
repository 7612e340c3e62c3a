/* common.c - predicates that several rule families share (family.h). */
#include "rules/family.h"

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
