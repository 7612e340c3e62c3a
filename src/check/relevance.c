/* relevance.c - which functions of the main file a pass has to run.
 *
 * The interpreter is the analysis's whole cost, and most functions of a
 * TU can give it nothing: a finding needs a kmalloc-family object (made
 * by an allocator call, or read from a field or file-static that the
 * field facts say holds one) or a size query (ksize()); the first pass
 * records only stores into fields and file-statics. A function can see
 * those only in its own body or in the main-file functions it calls (the
 * calls the interpreter inlines; calls it does not inline are unknown
 * calls and make nothing). So, per function:
 *   make:   its body calls an allocator or a size query of rules/;
 *   stores: the fields and file-statics its body assigns;
 *   refs:   the fields and file-statics it names;
 * each closed over the main-file callees (a fixpoint over the call graph,
 * so recursion needs no special case).
 * Pass 1 runs the functions that reach a make, or name a field whose
 * facts (from pass 0) hold an object or a capacity. Skipping the others
 * changes no finding: they reach no object and no query.
 * Pass 0 runs the functions that store into a field that some function
 * reached from a make also stores into. A field fact that says anything
 * (holds kmalloc objects, holds ksize() of a sibling) needs a store of an
 * object or a ksize() value, and in pass 0 those exist only under a
 * function that reaches a make; stores into other fields can only make
 * facts that say nothing, so the functions that only store those need
 * no pass 0 (pass 0 was about 60 % of the steps before this). */
#include "check/engine.h"
#include "check/relevance.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

#define R_STORE 1u              /* stores into a field pass 0 needs */
#define R_MAKE 2u
#define R_FACT 4u

struct rel_fn {
	unsigned hash;
	unsigned own, all;
	KC_VEC(size_t) callees;     /* positions in rel->fn */
	KC_VEC(unsigned) refs;      /* FieldDecl / file-static hashes */
	KC_VEC(unsigned) stores;    /* those it assigns */
	int reach;                  /* reached from a function that makes */
};

struct rel_scan {
	struct rel *r;
	const struct apidb *api;
	size_t cur;
	int oom;
};

static size_t rel_pos(const struct rel *r, CXCursor def)
{
	return hidx_find(&r->ix, clang_hashCursor(def));
}

/* The field or file-static that lhs names (a null cursor if none). */
static CXCursor shared_target(CXCursor lhs)
{
	CXCursor d;

	lhs = cx_strip(lhs);
	if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr &&
	    clang_getCursorKind(lhs) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	d = cx_ref(lhs);
	if (clang_getCursorKind(d) == CXCursor_FieldDecl ||
	    eng_file_static(d))
		return d;
	return clang_getNullCursor();
}

/* What c assigns when it is a store into a field or file-static (the
 * stores eng_store() records for the facts), else a null cursor. */
static CXCursor stored(CXCursor c, enum CXCursorKind k)
{
	enum CXUnaryOperatorKind u;

	if (k == CXCursor_CompoundAssignOperator ||
	    (k == CXCursor_BinaryOperator &&
	     cx_binop(c) == CXBinaryOperator_Assign))
		return shared_target(cx_first_child(c));
	if (k != CXCursor_UnaryOperator)
		return clang_getNullCursor();
	u = cx_unop(c);
	if (u == CXUnaryOperator_PostInc || u == CXUnaryOperator_PreInc ||
	    u == CXUnaryOperator_PostDec || u == CXUnaryOperator_PreDec)
		return shared_target(cx_first_child(c));
	return clang_getNullCursor();
}

static void scan_call(struct rel_scan *sc, struct rel_fn *fn, CXCursor c)
{
	char nbuf[128];
	const char *name = cx_callee_name(c, nbuf, sizeof(nbuf));
	const struct apidb_fn *api = name ? apidb_lookup(sc->api, name) : NULL;
	CXCursor def;
	size_t p;

	if (api) {
		if (api->kind == APIDB_ALLOC || api->kind == APIDB_QUERY)
			fn->own |= R_MAKE;
		return;
	}
	def = clang_getCursorDefinition(cx_ref(c));
	if (clang_Cursor_isNull(def) ||
	    (p = rel_pos(sc->r, def)) == HIDX_NONE)
		return;
	if (KC_VEC_PUSH(&fn->callees, p))
		sc->oom = 1;
}

static enum CXChildVisitResult scan_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct rel_scan *sc = data;
	struct rel_fn *fn = &sc->r->fn[sc->cur];
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_CallExpr) {
		scan_call(sc, fn, c);
	} else if (k == CXCursor_MemberRefExpr || k == CXCursor_DeclRefExpr) {
		CXCursor d = cx_ref(c);

		if ((clang_getCursorKind(d) == CXCursor_FieldDecl ||
		     eng_file_static(d)) &&
		    KC_VEC_PUSH(&fn->refs, clang_hashCursor(d)))
			sc->oom = 1;
	} else {
		CXCursor d = stored(c, k);

		if (!clang_Cursor_isNull(d) &&
		    KC_VEC_PUSH(&fn->stores, clang_hashCursor(d)))
			sc->oom = 1;
	}
	return sc->oom ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* all = own | all of every callee, to the fixpoint. */
static void rel_close(struct rel *r)
{
	int changed = 1;
	size_t i, j;

	for (i = 0; i < r->n; i++)
		r->fn[i].all = r->fn[i].own;
	while (changed) {
		changed = 0;
		for (i = 0; i < r->n; i++) {
			struct rel_fn *fn = &r->fn[i];
			unsigned a = fn->all;

			for (j = 0; j < fn->callees.n; j++)
				a |= r->fn[fn->callees.v[j]].all;
			if (a != fn->all) {
				fn->all = a;
				changed = 1;
			}
		}
	}
}

static void mark_reach(struct rel *r, size_t i)
{
	size_t j;

	if (r->fn[i].reach)
		return;
	r->fn[i].reach = 1;
	for (j = 0; j < r->fn[i].callees.n; j++)
		mark_reach(r, r->fn[i].callees.v[j]);
}

/* R_STORE for the functions that store into a field that a function
 * reached from a make stores into (the fields whose facts can say
 * something); then closed over the callees again. Returns 0 or -1. */
static int mark_stores(struct rel *r)
{
	struct hidx made;               /* those fields' hashes */
	size_t i, j;
	int ret = 0;

	memset(&made, 0, sizeof(made));
	for (i = 0; i < r->n; i++)
		if (r->fn[i].all & R_MAKE)
			mark_reach(r, i);
	for (i = 0; i < r->n && !ret; i++)
		for (j = 0; r->fn[i].reach && j < r->fn[i].stores.n; j++) {
			unsigned h = r->fn[i].stores.v[j];

			if (hidx_find(&made, h) == HIDX_NONE &&
			    hidx_add(&made, h, 0)) {
				ret = -1;
				break;
			}
		}
	for (i = 0; i < r->n && !ret; i++)
		for (j = 0; j < r->fn[i].stores.n; j++)
			if (hidx_find(&made, r->fn[i].stores.v[j]) !=
			    HIDX_NONE) {
				r->fn[i].own |= R_STORE;
				break;
			}
	hidx_release(&made);
	rel_close(r);
	return ret;
}

int rel_build(struct rel *r, const struct apidb *api, const CXCursor *defs,
	      size_t n)
{
	struct rel_scan sc = { r, api, 0, 0 };
	size_t i;

	memset(r, 0, sizeof(*r));
	r->fn = calloc(n ? n : 1, sizeof(*r->fn));
	if (!r->fn)
		return -1;
	r->n = n;
	for (i = 0; i < n; i++) {
		size_t p;

		r->fn[i].hash = clang_hashCursor(defs[i]);
		p = hidx_find(&r->ix, r->fn[i].hash);
		/* two functions with one hash: both find the first, which
		 * is then never skipped */
		if (p != HIDX_NONE)
			r->fn[p].own |= R_STORE | R_MAKE | R_FACT;
		else if (hidx_add(&r->ix, r->fn[i].hash, i))
			return -1;
	}
	for (i = 0; i < n && !sc.oom; i++) {
		if (rel_pos(r, defs[i]) != i)
			continue;
		sc.cur = i;
		clang_visitChildren(defs[i], scan_cb, &sc);
	}
	if (sc.oom)
		return -1;
	rel_close(r);
	return mark_stores(r);
}

void rel_facts_known(struct rel *r, const struct eng_tu *t)
{
	size_t i, j;

	for (i = 0; i < r->n; i++) {
		struct rel_fn *fn = &r->fn[i];

		for (j = 0; j < fn->refs.n && !(fn->own & R_FACT); j++)
			if (eng_fact_relevant(t, fn->refs.v[j]))
				fn->own |= R_FACT;
	}
	rel_close(r);
}

int rel_needed(const struct rel *r, CXCursor def, int pass)
{
	size_t i = rel_pos(r, def);
	const struct rel_fn *fn;

	if (i == HIDX_NONE)
		return 1;
	fn = &r->fn[i];
	return pass == 0 ? (fn->all & R_STORE) != 0 :
			   (fn->all & (R_MAKE | R_FACT)) != 0;
}

void rel_release(struct rel *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		KC_VEC_FREE(&r->fn[i].callees);
		KC_VEC_FREE(&r->fn[i].refs);
		KC_VEC_FREE(&r->fn[i].stores);
	}
	free(r->fn);
	hidx_release(&r->ix);
	memset(r, 0, sizeof(*r));
}
