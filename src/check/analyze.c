/* analyze.c - kc_analyze_tu(): finds the functions defined in the main
 * file, decides which are analysed on their own (static helpers that are
 * only ever called directly are analysed in their callers' contexts
 * instead), runs the interpreter on each and emits the findings. */
#include "check/engine.h"
#include "check/interp/interp.h"
#include "check/relevance.h"
#include "check/summary.h"
#include "util/clock.h"
#include "util/sink.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

/* interpretation steps per function. Measured on 2026-11-26: 400,000
 * and 100,000 (and 50,000) give the same findings on the 36 files of
 * 6.1 and 6.12 with findings and the same verdicts on every ksize() site
 * of both trees, and 100,000 takes the analysis of a random sample of
 * 116 analysed 6.1 TUs from 13.5 % to 9.2 % of their parse time (the
 * few functions that exhaust it are interrupt handlers and state
 * machines that inline large callees) */
#define DEFAULT_BUDGET 100000ULL
#define DEFAULT_DEPTH 3
/* after this many function budgets in one TU, calls are no longer
 * analysed in their callers' contexts (they become unknown calls) */
#define DEFAULT_TU_FACTOR 10

struct fn_use {
	unsigned hash;
	unsigned calls, refs;
};

struct scan {
	struct fn_use *v;
	size_t n, cap;
	struct hidx ix;             /* fn_use hash -> index in v */
	CXCursor *defs;
	size_t ndefs, capdefs;
	struct rel *rel;            /* what each function reaches, on the
				     * same walk (relevance.c) */
	int oom;
};

/* Returns the use counts of decl's canonical declaration (owned by sc),
 * adding zeroed counts on first sight; NULL when out of memory. */
static struct fn_use *use_get(struct scan *sc, CXCursor decl)
{
	unsigned h = clang_hashCursor(clang_getCanonicalCursor(decl));
	size_t i = hidx_find(&sc->ix, h);

	if (i != HIDX_NONE)
		return &sc->v[i];
	if (sc->n == sc->cap &&
	    kc_vec_grow((void **)&sc->v, &sc->cap, sizeof(*sc->v))) {
		sc->oom = 1;
		return NULL;
	}
	if (hidx_add(&sc->ix, h, sc->n)) {
		sc->oom = 1;
		return NULL;
	}
	memset(&sc->v[sc->n], 0, sizeof(sc->v[0]));
	sc->v[sc->n].hash = h;
	return &sc->v[sc->n++];
}

static enum CXChildVisitResult scan_body(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct scan *sc = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor ref;
	struct fn_use *u;

	(void)parent;
	rel_visit(sc->rel, c);
	if (k == CXCursor_CallExpr || k == CXCursor_DeclRefExpr) {
		ref = cx_ref(c);
		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl &&
		    (u = use_get(sc, ref))) {
			if (k == CXCursor_CallExpr)
				u->calls++;
			else
				u->refs++;
		}
	}
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult scan_top(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct scan *sc = data;

	(void)parent;
	if (!cx_in_main_file(c))
		return CXChildVisit_Continue;
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl &&
	    clang_isCursorDefinition(c)) {
		if (sc->ndefs == sc->capdefs &&
		    kc_vec_grow((void **)&sc->defs, &sc->capdefs,
				sizeof(*sc->defs))) {
			sc->oom = 1;
			return CXChildVisit_Break;
		}
		sc->defs[sc->ndefs++] = c;
		if (rel_add(sc->rel, c))
			sc->oom = 1;
	} else {
		rel_leave(sc->rel);
	}
	clang_visitChildren(c, scan_body, sc);
	return CXChildVisit_Continue;
}

/* A static function whose every reference is a direct call is analysed
 * only where it is called, with the caller's arguments. */
static int only_called(struct scan *sc, CXCursor def)
{
	struct fn_use *u;

	if (clang_Cursor_getStorageClass(def) != CX_SC_Static)
		return 0;
	u = use_get(sc, def);
	return u && u->calls > 0 && u->refs <= u->calls;
}

/* Lists every definition of the main file in facts (the fact database's
 * fn_def rows: the agreement rule needs the definitions without records
 * too). Out of memory is the sink's (util/sink.h). */
static void list_defs(struct kc_tu_facts *facts, const struct scan *sc)
{
	for (size_t i = 0; i < sc->ndefs; i++) {
		struct kc_fn_fact ff;

		memset(&ff, 0, sizeof(ff));
		ff.function = cx_spelling(&facts->arena, sc->defs[i]);
		ff.is_static = clang_Cursor_getStorageClass(sc->defs[i]) ==
			       CX_SC_Static;
		ff.line = cx_line(sc->defs[i]);
		if (!ff.function || KC_VEC_PUSH(&facts->fns, ff))
			return;
	}
}

/* The fact entry of definition i when this pass summarises (pass 1 of a
 * run that writes the fact database), else NULL. */
static struct kc_fn_fact *fact_of(const struct eng_tu *t, size_t i)
{
	struct kc_tu_facts *facts = t->env->facts_out;

	return t->pass == 1 && facts && i < facts->fns.n ? &facts->fns.v[i] :
							     NULL;
}

static void analyse_fn(struct eng_tu *t, CXCursor def,
		       struct kc_fn_fact *fact)
{
	struct eng_fn f;
	struct state s;

	if (kc_sink_failed()) /* the TU is an internal error already */
		return;
	memset(&f, 0, sizeof(f));
	f.t = t;
	f.fn = def;
	f.cur_for = f.cur_init = clang_getNullCursor();
	f.name = cx_spelling(&t->arena, def);
	st_init(&f.memo);
	st_init_dead(&f.ret);
	st_init(&s);
	t->steps = 0;
	t->over_budget = 0;
	eng_mark_visited(t, def);
	f.sink_evs_on = fact && eng_sink_shape(t, def) ? 1 : 0;
	eng_run_body(&f, &s);
	if (fact)
		eng_summarise(&f, &s, fact);
	if (t->pass == 1) {
		eng_stat(t, "functions-analysed", 1);
		if (t->over_budget) {
			eng_stat(t, "functions-over-budget", 1);
			t->incomplete = 1;
		}
	}
	KC_VEC_FREE(&f.sink_evs);
	st_release(&s);
	st_release(&f.memo);
	st_release(&f.ret);
}

/* 1 if the current pass has to run def (relevance.c); the functions it
 * skips are counted. A run that writes the fact database also runs, in
 * pass 1, the external functions that free something, for their `free`
 * summaries (summary.c): such a function alone makes no finding. */
static int needed(struct eng_tu *t, const struct rel *rel, CXCursor def)
{
	if (rel_needed(rel, def, t->pass))
		return 1;
	if (t->pass == 1 && t->env->facts_out && rel_frees(rel, def) &&
	    clang_Cursor_getStorageClass(def) != CX_SC_Static)
		return 1;
	/* and those shaped as sink wrappers, for their `sink` summaries */
	if (t->pass == 1 && t->env->facts_out && eng_sink_shape(t, def))
		return 1;
	eng_stat(t, t->pass ? "functions-irrelevant" : "functions-no-facts",
		 1);
	return 0;
}

/* 1 once the pass is past its deadline (the first pass, facts, gets
 * half of env->time_limit, the second the rest); each function not
 * analysed then is counted (pass 1). Sets the deadline eng_tick()
 * checks inside a function. */
static int out_of_time(struct eng_tu *t, const struct kc_analysis_env *env,
		       double t0)
{
	if (!env->time_limit)
		return 0;
	t->deadline = t0 + env->time_limit * (t->pass ? 1.0 : 0.5);
	if (kc_now() < t->deadline && !t->timed_out)
		return 0;
	if (t->pass == 1) {
		eng_stat(t, "functions-skipped-time", 1);
		t->incomplete = 1;
	}
	return 1;
}

int kc_analyze_tu(const struct kc_analysis_env *env, CXTranslationUnit tu,
		  const char *main_file, struct kc_diag *out,
		  struct kc_stats *stats, struct kc_err *err)
{
	struct eng_tu t;
	struct scan sc;
	struct rel rel;
	struct kc_sink sink;
	size_t i;
	int ret;
	double t0;

	(void)main_file;
	if (!env || !env->api || !tu || !out)
		return kc_err_set(err, KC_EINTERNAL, main_file, 0, 0,
				  "kc_analyze_tu called without an API "
				  "database or translation unit");
	if (kc_sink_bind(&sink)) /* src/util/sink.h: one error policy */
		return kc_err_set(err, KC_EINTERNAL, NULL, 0, 0,
				  "analysis entered twice");
	cx_tu_begin(); /* the TU's caches (cx.h); a failure is in the sink */
	memset(&t, 0, sizeof(t));
	t0 = kc_now();
	t.stack_base = (uintptr_t)__builtin_frame_address(0);
	t.env = env;
	t.tu = tu;
	t.out = out;
	t.stats = stats;
	t.config = env->config;
	if (!t.config && env->model)
		t.config = slab_model_default(env->model, 0, 0);
	t.budget = env->step_budget ? env->step_budget : DEFAULT_BUDGET;
	t.tu_budget = t.budget * DEFAULT_TU_FACTOR;
	t.max_depth = env->max_inline_depth ? env->max_inline_depth :
					       DEFAULT_DEPTH;
	for (i = 0; i < clang_getNumDiagnostics(tu) && !t.tu_errors; i++) {
		CXDiagnostic dg = clang_getDiagnostic(tu, (unsigned)i);

		if (clang_getDiagnosticSeverity(dg) >= CXDiagnostic_Error)
			t.tu_errors = 1;
		clang_disposeDiagnostic(dg);
	}
	kc_arena_init(&t.arena);
	ir_objs_init(&t.objs, &t.arena);
	ir_intern_init(&t.keys, &t.arena);
	memset(&sc, 0, sizeof(sc));
	rel_init(&rel, env->api);
	rel.db = env->fields_in != NULL;
	rel.export_all = env->facts_out != NULL;
	sc.rel = &rel;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), scan_top,
			    &sc);
	if (!sc.oom && rel_finish(&rel))
		sc.oom = 1;
	if (env->facts_out && !sc.oom)
		list_defs(env->facts_out, &sc);
	for (t.pass = 0; t.pass < 2; t.pass++) {
		/* the second pass starts with fresh objects and symbols, so
		 * unknown objects pick up the field facts */
		ir_objs_release(&t.objs);
		ir_objs_init(&t.objs, &t.arena);
		hidx_clear(&t.visited);
		t.timed_out = 0;
		if (t.pass == 1 && !sc.oom)
			rel_facts_known(&rel, &t);
		for (i = 0; i < sc.ndefs && !sc.oom; i++)
			if (!only_called(&sc, sc.defs[i]) &&
			    needed(&t, &rel, sc.defs[i]) &&
			    !out_of_time(&t, env, t0))
				analyse_fn(&t, sc.defs[i], fact_of(&t, i));
		/* helpers no caller reached within the inlining depth are
		 * analysed on their own */
		for (i = 0; i < sc.ndefs && !sc.oom; i++)
			if (only_called(&sc, sc.defs[i]) &&
			    !eng_was_visited(&t, sc.defs[i]) &&
			    needed(&t, &rel, sc.defs[i]) &&
			    !out_of_time(&t, env, t0))
				analyse_fn(&t, sc.defs[i], fact_of(&t, i));
	}
	t.pass = 1;
	eng_stat(&t, "analysis-steps", t.tu_steps);
	ret = eng_emit(&t);
	if (sc.oom)
		ret = -KC_ENOMEM;
	if (ret)
		kc_err_set(err, -ret, main_file, 0, 0,
			   "out of memory while analysing");
	rel_release(&rel);
	free(sc.v);
	hidx_release(&sc.ix);
	free(sc.defs);
	free(t.ks);
	free(t.ff);
	hidx_release(&t.visited);
	eng_strides_release(&t);
	free(t.nr_hash);
	free(t.nr_val);
	free(t.acc);
	KC_VEC_FREE(&t.claims);
	KC_VEC_FREE(&t.frees);
	ir_intern_release(&t.keys);
	ir_objs_release(&t.objs);
	kc_arena_release(&t.arena);
	/* the caches' cursors die with the TU: their memory goes back now */
	cx_tu_end();
	return kc_sink_unbind(&sink, ret, NULL, err);
}
