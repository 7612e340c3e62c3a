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
#define R_FREE 8u               /* calls a free of the tables itself */

struct rel_fn {
	unsigned hash;
	unsigned own, all;
	KC_VEC(size_t) callees;     /* definition hashes while scanning,
				     * positions in rel->fn after */
	KC_VEC(unsigned) refs;      /* FieldDecl / file-static hashes */
	KC_VEC(CXCursor) refc;      /* those cursors, with a fact database */
	KC_VEC(unsigned) stores;    /* those it assigns */
	int reach;                  /* reached from a function that makes */
};

static size_t rel_pos(const struct rel *r, CXCursor def)
{
	return hidx_find(&r->ix, clang_hashCursor(def));
}

/* The field or file-static that lhs names (a null cursor if none). */
static CXCursor shared_target(CXCursor lhs)
{
	CXCursor d;

	lhs = eng_store_target(lhs);
	if (clang_getCursorKind(lhs) == CXCursor_ArraySubscriptExpr) {
		/* an element of an array field (a->q[i] = v) */
		struct cx_kids k;

		cx_children(lhs, &k);
		if (k.n != 2 || cx_canon_type(cx_strip(k.k[0])).kind !=
				CXType_ConstantArray)
			return clang_getNullCursor();
		lhs = cx_strip(k.k[0]);
		if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr)
			return clang_getNullCursor();
	}
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
	if (u == CXUnaryOperator_AddrOf) /* passed to a callee that may
					  * store into it */
		return shared_target(cx_first_child(c));
	if (u == CXUnaryOperator_PostInc || u == CXUnaryOperator_PreInc ||
	    u == CXUnaryOperator_PostDec || u == CXUnaryOperator_PreDec)
		return shared_target(cx_first_child(c));
	return clang_getNullCursor();
}

static void scan_call(struct rel *r, struct rel_fn *fn, CXCursor c)
{
	char nbuf[128];
	const char *name = cx_callee_name(c, nbuf, sizeof(nbuf));
	const struct apidb_fn *api = name ? apidb_lookup(r->api, name) : NULL;
	CXCursor def;

	if (api) {
		if (api->kind == APIDB_ALLOC || api->kind == APIDB_QUERY)
			fn->own |= R_MAKE;
		if (api->kind == APIDB_FREE)
			fn->own |= R_FREE;
		return;
	}
	/* the callee may be defined further down: its position is known
	 * once the walk is over (rel_finish) */
	def = clang_getCursorDefinition(cx_ref(c));
	if (!clang_Cursor_isNull(def) && cx_in_main_file(def) &&
	    KC_VEC_PUSH(&fn->callees, clang_hashCursor(def)))
		r->oom = 1;
}

void rel_visit(struct rel *r, CXCursor c)
{
	struct rel_fn *fn;
	enum CXCursorKind k;
	CXCursor d;

	if (r->cur == HIDX_NONE || r->oom)
		return;
	fn = &r->fn.v[r->cur];
	k = clang_getCursorKind(c);
	if (k == CXCursor_CallExpr) {
		scan_call(r, fn, c);
		return;
	}
	if (k == CXCursor_MemberRefExpr || k == CXCursor_DeclRefExpr) {
		d = cx_ref(c);
		if ((clang_getCursorKind(d) == CXCursor_FieldDecl ||
		     eng_file_static(d)) &&
		    KC_VEC_PUSH(&fn->refs, clang_hashCursor(d)))
			r->oom = 1;
		if (r->db && clang_getCursorKind(d) == CXCursor_FieldDecl &&
		    KC_VEC_PUSH(&fn->refc, d))
			r->oom = 1;
		return;
	}
	d = stored(c, k);
	if (!clang_Cursor_isNull(d) &&
	    KC_VEC_PUSH(&fn->stores, clang_hashCursor(d)))
		r->oom = 1;
}

/* all = own | all of every callee, to the fixpoint. */
static void rel_close(struct rel *r)
{
	int changed = 1;
	size_t i, j;

	for (i = 0; i < r->fn.n; i++)
		r->fn.v[i].all = r->fn.v[i].own;
	while (changed) {
		changed = 0;
		for (i = 0; i < r->fn.n; i++) {
			struct rel_fn *fn = &r->fn.v[i];
			unsigned a = fn->all;

			for (j = 0; j < fn->callees.n; j++)
				a |= r->fn.v[fn->callees.v[j]].all;
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

	if (r->fn.v[i].reach)
		return;
	r->fn.v[i].reach = 1;
	for (j = 0; j < r->fn.v[i].callees.n; j++)
		mark_reach(r, r->fn.v[i].callees.v[j]);
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
	for (i = 0; i < r->fn.n; i++)
		if (r->fn.v[i].all & R_MAKE)
			mark_reach(r, i);
	for (i = 0; i < r->fn.n && !ret; i++) {
		const struct rel_fn *fn = &r->fn.v[i];

		for (j = 0; fn->reach && j < fn->stores.n && !ret; j++)
			if (hidx_find(&made, fn->stores.v[j]) == HIDX_NONE &&
			    hidx_add(&made, fn->stores.v[j], 0))
				ret = -1;
	}
	for (i = 0; i < r->fn.n && !ret; i++) {
		struct rel_fn *fn = &r->fn.v[i];

		for (j = 0; j < fn->stores.n; j++)
			if (hidx_find(&made, fn->stores.v[j]) != HIDX_NONE)
				fn->own |= R_STORE;
	}
	hidx_release(&made);
	rel_close(r);
	return ret;
}

void rel_init(struct rel *r, const struct apidb *api)
{
	memset(r, 0, sizeof(*r));
	r->api = api;
	r->cur = HIDX_NONE;
}

int rel_add(struct rel *r, CXCursor def)
{
	struct rel_fn fn;
	size_t p;

	memset(&fn, 0, sizeof(fn));
	fn.hash = clang_hashCursor(def);
	if (KC_VEC_PUSH(&r->fn, fn)) {
		r->oom = 1;
		return -1;
	}
	r->cur = r->fn.n - 1;
	p = hidx_find(&r->ix, fn.hash);
	/* two functions with one hash: both find the first, which is
	 * then never skipped */
	if (p != HIDX_NONE)
		r->fn.v[p].own |= R_STORE | R_MAKE | R_FACT;
	else if (hidx_add(&r->ix, fn.hash, r->cur))
		r->oom = 1;
	return r->oom ? -1 : 0;
}

void rel_leave(struct rel *r)
{
	r->cur = HIDX_NONE;
}

/* Turns the callees' definition hashes into positions, dropping the
 * functions not defined in the main file. */
static void resolve_callees(struct rel *r)
{
	size_t i, j, n;

	for (i = 0; i < r->fn.n; i++) {
		struct rel_fn *fn = &r->fn.v[i];

		for (j = n = 0; j < fn->callees.n; j++) {
			size_t p = hidx_find(&r->ix,
					     (unsigned)fn->callees.v[j]);

			if (p != HIDX_NONE)
				fn->callees.v[n++] = p;
		}
		fn->callees.n = n;
	}
}

int rel_finish(struct rel *r)
{
	r->cur = HIDX_NONE;
	if (r->oom)
		return -1;
	resolve_callees(r);
	rel_close(r);
	return mark_stores(r);
}

void rel_facts_known(struct rel *r, struct eng_tu *t)
{
	size_t i, j;

	for (i = 0; i < r->fn.n; i++) {
		struct rel_fn *fn = &r->fn.v[i];

		/* fields whose facts only the database has */
		for (j = 0; j < fn->refc.n; j++)
			eng_fact_get(t, fn->refc.v[j]);
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
	fn = &r->fn.v[i];
	if (pass == 0 && r->export_all && fn->stores.n)
		return 1;
	return pass == 0 ? (fn->all & R_STORE) != 0 :
			   (fn->all & (R_MAKE | R_FACT)) != 0;
}

int rel_frees(const struct rel *r, CXCursor def)
{
	size_t i = rel_pos(r, def);

	return i != HIDX_NONE && (r->fn.v[i].all & R_FREE);
}

void rel_release(struct rel *r)
{
	size_t i;

	for (i = 0; i < r->fn.n; i++) {
		KC_VEC_FREE(&r->fn.v[i].callees);
		KC_VEC_FREE(&r->fn.v[i].refs);
		KC_VEC_FREE(&r->fn.v[i].refc);
		KC_VEC_FREE(&r->fn.v[i].stores);
	}
	KC_VEC_FREE(&r->fn);
	hidx_release(&r->ix);
	memset(r, 0, sizeof(*r));
}
