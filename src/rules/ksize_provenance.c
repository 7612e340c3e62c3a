/* ksize_provenance.c - the rule family of ksize() arguments:
 * ksize-non-kmalloc, ksize-maybe-non-kmalloc, ksize-interior and
 * ksize-after-free (one checker, several bug types, as the clang
 * analyzer's MallocChecker).
 *
 * The interpreter records the provenance of every ksize() argument,
 * joined over every visit of the call (check/sites.c eng_note_ksize,
 * struct ks_site). When the TU ends, each site's provenance set is
 * classified element by element (ks_class) and judged: freed elements,
 * an element with a nonzero offset, elements that are never kmalloc
 * memory, or only on some paths.
 */
#include "rules/family.h"

/* "vmalloc memory from vzalloc()": what object o is, for messages. */
static const char *kind_text(struct eng_tu *t, const struct prov_obj *o)
{
	switch (o->origin) {
	case PO_STACK:
		return kc_arena_printf(&t->arena, "the stack variable '%s'",
				       o->alloc);
	case PO_GLOBAL:
		return kc_arena_printf(&t->arena, "the global '%s'",
				       o->alloc);
	case PO_LITERAL:
		return "a string literal (.rodata)";
	case PO_UNKNOWN:
		return "memory of unknown origin";
	}
	switch (o->family) {
	case APIDB_FAM_KMEM_CACHE:
		return kc_arena_printf(&t->arena, "a kmem_cache object from "
				       "%s()", o->alloc);
	case APIDB_FAM_VMALLOC:
		return kc_arena_printf(&t->arena, "vmalloc memory from %s()",
				       o->alloc);
	case APIDB_FAM_DEVM:
	case APIDB_FAM_DEVM_CONST:
		return kc_arena_printf(&t->arena, "a devres buffer from %s() "
				       "(it starts after the devres header)",
				       o->alloc);
	case APIDB_FAM_PAGE:
		return kc_arena_printf(&t->arena, "page allocator memory "
				       "from %s()", o->alloc);
	case APIDB_FAM_PERCPU:
		return kc_arena_printf(&t->arena, "per-CPU memory from %s()",
				       o->alloc);
	case APIDB_FAM_DMA:
		return kc_arena_printf(&t->arena, "DMA coherent memory from "
				       "%s()", o->alloc);
	case APIDB_FAM_KVMALLOC:
		return kc_arena_printf(&t->arena, "%s() memory, which is "
				       "vmalloc memory when the size is above "
				       "a page", o->alloc);
	case APIDB_FAM_KCONST:
		return kc_arena_printf(&t->arena, "the result of %s(), which "
				       "may be its .rodata argument",
				       o->alloc);
	}
	return kc_arena_printf(&t->arena, "memory from %s()", o->alloc);
}

/* How ksize() treats an element of the argument's provenance. */
enum { KS_GOOD, KS_BAD, KS_MAYBE, KS_UNKNOWN };

static int ks_class(const struct eng_tu *t, const struct prov_obj *o)
{
	if (o->origin == PO_UNKNOWN)
		return KS_UNKNOWN;
	if (o->origin != PO_ALLOC)
		return KS_BAD;
	switch (o->family) {
	case APIDB_FAM_KMALLOC:
		return KS_GOOD;
	case APIDB_FAM_KVMALLOC:
		if (rule_kmalloc_object(t, o))
			return KS_GOOD;
		return KS_MAYBE;
	case APIDB_FAM_KCONST:
		return KS_MAYBE;
	default:
		return KS_BAD;
	}
}

/* 1 if off, the offset of a pointer into allocation o, starts at the
 * object and reaches into it on some path: a numeric range [0, hi] whose
 * hi is attained (a loop's &a[i], i from 0). An object of unknown origin
 * does not count (the code may be stepping over objects it was given). */
static int sometimes_interior(const struct prov_obj *o,
			      const struct ival *off)
{
	return o && o->origin == PO_ALLOC && !off->nt && off->lo == 0 &&
	       off->hi > 0 && off->hi != IV_PINF && off->reach;
}

/* Judges ksize() site k and reports its findings. A shared site
 * (k->shared: the argument was read from a[], whose elements hold
 * several objects) gives no per-path verdict: only a verdict that holds
 * for every element is reported. An interior offset of an object of
 * unknown origin counts only when positive (the code may step back from
 * an interior pointer it was given). */
static void emit_site(struct eng_tu *t, struct ks_site *k)
{
	const struct val *v = &k->v;
	int ngood = 0, nbad = 0, nmaybe = 0, nunk = v->ptop, nfreed = 0;
	int bad = 0, maybe = 0, freed = 0, interior = 0, total = 0;
	int some_interior = 0;
	unsigned freed_line = 0, i;
	int freed_fev = 0, freed_more = 0;
	struct kc_finding *fd;
	const struct prov_obj *o;
	char ob[64];

	eng_stat(t, "ksize-calls", 1);
	for (i = 0; i < v->np; i++) {
		const struct pel *e = &v->p[i];

		if (e->kind == PK_NULL || e->kind == PK_ERR)
			continue;
		total++;
		if (e->kind == PK_FREED) {
			nfreed++;
			if (!freed) {
				freed = e->obj;
				freed_line = e->line;
				freed_fev = e->fev;
			}
			if (e->obj != freed || e->line != freed_line ||
			    e->more)
				freed_more = 1;
			continue;
		}
		o = ir_obj(&t->objs, e->obj);
		switch (ks_class(t, o)) {
		case KS_GOOD:
			ngood++;
			break;
		case KS_BAD:
			nbad++;
			if (!bad)
				bad = e->obj;
			break;
		case KS_MAYBE:
			nmaybe++;
			if (!maybe)
				maybe = e->obj;
			break;
		default:
			nunk++;
		}
		/* a pointer of unknown origin may itself be an interior
		 * pointer that the code steps back from (ptr -= hdr) */
		if (!interior && (e->off.lo > 0 ||
				  (e->off.hi < 0 && o->origin != PO_UNKNOWN)))
			interior = (int)i + 1;
		/* an offset that runs from the start into the object (a
		 * loop's &a[i]): interior on every path but the first */
		if (!some_interior && sometimes_interior(o, &e->off))
			some_interior = (int)i + 1;
	}
	eng_stat(t, nunk ? "ksize-unresolved" : "ksize-resolved", 1);
	if (nfreed && rule_on(t, KC_RULE_KSIZE_AFTER_FREE) &&
	    (!k->shared || (nfreed == total && !nunk))) {
		int all = nfreed == total && !nunk;

		o = ir_obj(&t->objs, freed);
		const char *via = rule_free_via(t, freed_fev);

		/* every path frees: at one line, or at several */
		if (all && !freed_more)
			fd = kc_report(t->out, KC_RULE_KSIZE_AFTER_FREE,
				       k->loc, "%s() on memory that was freed "
				       "at line %u%s, on every path",
				       k->callee, freed_line, via);
		else if (all)
			fd = kc_report(t->out, KC_RULE_KSIZE_AFTER_FREE,
				       k->loc, "%s() on memory that was freed "
				       "on every path: at line %u%s or at "
				       "another line", k->callee, freed_line,
				       via);
		else
			fd = kc_report(t->out, KC_RULE_KSIZE_AFTER_FREE,
				       k->loc, "%s() on memory that is freed "
				       "on the path through line %u%s",
				       k->callee, freed_line, via);
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o && o->loc.file)
				kc_note(t->out, fd, "allocation",
					rule_alloc_loc(o, k->function),
					"allocated here by %s",
					rule_alloc_by(t, o, k->function, 0));
			rule_note_fact(t, fd, o);
			rule_note_free_fact(t, fd, o);
		}
	}
	if (!interior && some_interior && !k->shared)
		interior = -some_interior;
	if (interior && rule_on(t, KC_RULE_KSIZE_INTERIOR)) {
		const struct pel *e = &v->p[(interior > 0 ? interior :
					     -interior) - 1];

		o = ir_obj(&t->objs, e->obj);
		if (interior > 0)
			fd = kc_report(t->out, KC_RULE_KSIZE_INTERIOR, k->loc,
				       "%s() on a pointer %s bytes into %s; "
				       "ksize() needs the start of the object",
				       k->callee,
				       iv_str(&e->off, ob, sizeof(ob)),
				       kind_text(t, o));
		else
			fd = kc_report(t->out, KC_RULE_KSIZE_INTERIOR, k->loc,
				       "%s() on a pointer %lld to %lld bytes "
				       "into %s: interior whenever the offset "
				       "is not 0 (it reaches %lld); ksize() "
				       "needs the start of the object",
				       k->callee, e->off.lo, e->off.hi,
				       kind_text(t, o), e->off.hi);
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o->loc.file)
				kc_note(t->out, fd, "allocation", o->loc,
					"object starts here (%s)", o->alloc);
			rule_note_fact(t, fd, o);
		}
	}
	if (nbad && !ngood && !nmaybe && !nunk && !nfreed &&
	    rule_on(t, KC_RULE_KSIZE_NON_KMALLOC)) {
		o = ir_obj(&t->objs, bad);
		fd = kc_report(t->out, KC_RULE_KSIZE_NON_KMALLOC, k->loc,
			       "%s() on %s, not a kmalloc object", k->callee,
			       kind_text(t, o));
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o->loc.file)
				kc_note(t->out, fd, "allocation", o->loc,
					"%s here", o->origin == PO_ALLOC ?
					"allocated" : "declared");
			rule_note_fact(t, fd, o);
		}
	} else if ((nbad || nmaybe) && (!k->shared || (!ngood && !nunk)) &&
		   rule_on(t, KC_RULE_KSIZE_MAYBE_NON_KMALLOC)) {
		o = ir_obj(&t->objs, nbad ? bad : maybe);
		if (nbad)
			fd = kc_report(t->out, KC_RULE_KSIZE_MAYBE_NON_KMALLOC,
				       k->loc, "%s() on %s on the path "
				       "through line %u", k->callee,
				       kind_text(t, o), o->loc.line);
		else
			fd = kc_report(t->out, KC_RULE_KSIZE_MAYBE_NON_KMALLOC,
				       k->loc, "%s() on %s", k->callee,
				       kind_text(t, o));
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o->loc.file)
				kc_note(t->out, fd, "allocation",
					rule_alloc_loc(o, k->function),
					"allocated here by %s",
					rule_alloc_by(t, o, k->function, 0));
			rule_note_fact(t, fd, o);
		}
	}
}

static int emit(struct eng_tu *t)
{
	size_t i;

	for (i = 0; i < t->nks; i++)
		emit_site(t, &t->ks[i]);
	return 0;
}

const struct rule_family rule_family_ksize_provenance = {
	.name = "ksize_provenance",
	.on_access = NULL,
	.emit = emit,
};
