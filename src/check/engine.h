/* engine.h - the analysis below the interpreter, shared by src/check:
 * the TU context (object table, interned keys, site records, field
 * facts), the function activation that every layer is handed, and the
 * layers 0-3 of docs/analysis.md (bookkeeping, paths, facts over the
 * state, sites). The interpreter itself, the one recursion, is declared
 * in check/interp/interp.h; nothing declared here calls into it.
 */
#ifndef KC_CHECK_ENGINE_H
#define KC_CHECK_ENGINE_H

#include <stdint.h>

#include "check/analyze.h"
#include "check/hidx.h"
#include "cx/cx.h"
#include "ir/path.h"
#include "ir/state.h"
#include "ir/val.h"
#include "util/vec.h"

/* What was seen at one ksize() call site, over every visit (recorded by
 * sites.c, judged by src/rules/ksize_provenance.c). */
struct ks_site {
	unsigned long long site;
	struct kc_loc loc;
	const char *function;
	const char *callee;      /* "ksize" / "__ksize" */
	struct val v;            /* joined argument provenance */
	int overflow_pel;        /* some visit had more elements than fit */
	int shared;              /* the argument was read from a[] (every
				  * element) holding several objects: no
				  * per-path verdicts */
};

/* Worst judgement at one access site (src/rules/access_bounds.c). */
struct acc_site {
	unsigned long long site;
	struct kc_loc loc;
	const char *function;
	int rule;                /* -1: judged fine; else KC_RULE_* */
	int judged, unbounded;
	int rank;                /* severity rank of rule */
	const char *msg;
	int obj;                 /* object id for the note */
	int ksize_bound;         /* the verdict's end is ksize() + delta */
	struct kc_slab_numbers slab;
};

/* One store behind a field fact, for the notes and the export. */
struct fact_site {
	struct kc_loc loc;          /* the store */
	const char *function;
	const char *what;           /* "kmalloc(700)", "ksize(buf)", ... */
};

#define FACT_SITES 4

/* What the TU stores into one struct field (first pass), so other
 * functions know that buf->cap holds ksize(buf->data) or that buf->data
 * is always a kmalloc object of a known requested size (docs/analysis.md,
 * "Field facts"). An invariant holds only when every store agrees. */
struct field_fact {
	unsigned fhash;            /* clang_hashCursor of the FieldDecl */
	const char *name;
	const char *owner;         /* "struct foo" (notes), or NULL */
	/* capacity: the value stored is cap_form with its one ksize() term
	 * taken of the sibling pointer field cap_sib (cap_self: of the
	 * object that holds the field) */
	unsigned cap_sib;
	const char *cap_sib_name;
	int cap_self;
	struct ival cap_form;
	int cap_ok, cap_bad;
	int alloc_unrounded, alloc_rounded, alloc_other;
	/* stores of one non-kmalloc family (vmalloc, kvmalloc, ...) at
	 * offset 0, counted in alloc_other too; nk_mixed: several */
	int alloc_nk, nk_family, nk_mixed;
	long long nk_lo, nk_hi;        /* requested sizes of those stores */
	struct kc_loc nk_loc;
	const char *nk_name;
	struct kc_loc alloc_loc;
	const char *alloc_name;
	/* kmalloc allocation sites stored (up to 8); sites_mixed:
	 * more than one site or different requested sizes */
	unsigned long long sites[8];
	int nsites, sites_mixed;
	struct ival site_size;
	/* requested sizes of the kmalloc objects stored: req_n constant
	 * ones in [req_lo, req_hi]; req_var others */
	int req_n, req_var;
	long long req_lo, req_hi;
	/* the requested size is size_coef times the sibling integer field
	 * size_sib_name of the same object, at every store (size_ok) */
	const char *size_sib_name;
	unsigned size_sib;
	long long size_coef;
	int size_ok, size_bad;
	/* integer field: stores made without a store of the pointer field
	 * it sizes in the same function (the size invariant needs none) */
	int len_alone;
	/* the stores, for notes (first FACT_SITES) */
	int nst;
	struct fact_site st[FACT_SITES];
	/* the whole-tree database (env->fields_in): the FieldDecl, asked
	 * already, and the tree's stores disagree (the field says nothing) */
	CXCursor fld;
	int db_asked, db_bad;
	int db_agreed;             /* the tree's stores were read and agree */
	int shared;                /* 1: the struct is declared in a header
				    * under include/ (other subsystems store
				    * into it), 0: not, -1: not known yet */
	const char *db_note;       /* the tree's stores the fact came from
				    * (fieldout.c), for notes */
};

struct field_store {
	unsigned fhash;
	const char *name;
	const char *key;           /* access path of the member, or NULL */
	CXCursor fld;              /* the FieldDecl / file-static */
	struct val v;
	struct val base;           /* the pointer the field is read through
				    * (p in p->f), else top */
	struct kc_loc loc;
	int elem;                  /* into an element of an array field */
	int ptr;                   /* the field (element) is a pointer */
};

struct eng_tu {
	const struct kc_analysis_env *env;
	const struct slab_config *config;
	CXTranslationUnit tu;
	struct kc_arena arena;
	struct ir_objs objs;
	struct ir_intern keys;
	struct kc_diag *out;
	struct kc_stats *stats;
	struct ks_site *ks;
	size_t nks, capks;
	struct acc_site *acc;
	size_t nacc, capacc;
	/* returns of realloc-like helpers that hand out an existing object
	 * up to its ksize() (access_bounds.c), judged at the TU's end */
	KC_VEC(struct ret_claim {
		unsigned long long site;
		struct kc_loc loc;
		const char *function;
		const char *msg;       /* the claim, without the verdict */
		long long past;        /* the promised end past ksize() */
		unsigned ptype;        /* the container's type, 0: unknown */
		int local_type;        /* defined in the main file */
		const char *type_name;
	}) claims;
	/* frees as messages name them: kfree() at line 34, or the helper
	 * called at line 57 whose chain is inner (ids from 1) */
	KC_VEC(struct free_ev {
		unsigned line;
		const char *name;
		int inner;
	}) frees;
	int pass;                   /* 0: collect field facts, 1: report */
	int quiet;                  /* > 0: inside loop rounds before the
				     * fixpoint, where accesses are not
				     * judged (interp/loops.c) */
	int tu_errors;              /* clang reported errors in this TU */
	int incomplete;             /* pass 1 stopped a function early or
				     * skipped one (budget, deadline): not
				     * every allocation of the TU was seen */
	unsigned *nr_hash;          /* callees known to return (0) or not */
	unsigned char *nr_val;
	size_t nnr, capnr;
	struct hidx visited;        /* hashes of function bodies analysed */
	struct field_fact *ff;
	size_t nff, capff;
	unsigned long long steps;   /* of the current top-level function */
	unsigned long long tu_steps; /* of the whole TU, both passes */
	unsigned long long tu_budget; /* beyond it calls are not inlined */
	double deadline;             /* kc_now() after which functions stop
				      * (env->time_limit), 0: none */
	int timed_out;               /* the deadline was hit */
	unsigned long long budget;
	int over_budget;
	int mem_slots;          /* some object has PATH_MEM slots (memslots.c) */
	unsigned max_depth;
	/* frame address at kc_analyze_tu's entry: eng_tick stops the
	 * analysis (as over budget) when recursion over a deep AST would
	 * use more than ENG_STACK_MAX bytes of stack */
	uintptr_t stack_base;
	/* strides.c: how variables step in a function or a loop, one
	 * walk per scope */
	struct hidx stride_ix;      /* scope hash -> position in scopes */
	KC_VEC(struct stride_scope) scopes;
	/* the working directory while the TU is analysed, asked once
	 * (fieldout.c's field keys leave it out); NULL: not yet asked */
	const char *cwd;
};

/* What one scope (a function, a `for`) does to one variable
 * (strides.c). */
struct stride_rec {
	int bad;            /* assigned from itself, stepped by a
			     * non-constant, or its address taken */
	long long step;     /* gcd of the constant steps, 0: none seen */
	int nonconst;       /* assigned a value that is not a constant */
	long long konst;    /* gcd of the constants assigned */
};

struct stride_var {
	CXCursor var;
	unsigned h;         /* clang_hashCursor(var) */
	struct stride_rec r;
};

/* Every variable one walk of scope saw assigned. */
struct stride_scope {
	CXCursor scope;
	KC_VEC(struct stride_var) vars;
	int oom;            /* the walk ran out of memory */
};

#define ENG_STACK_MAX (2u << 20)

struct jump {
	struct state brk, cont;
	int is_loop;
};

struct label_pend {
	unsigned long long site;
	struct state st;
	int seen;                   /* label already passed (backward goto) */
	struct state back;          /* joined states of backward gotos */
	int back_grew;              /* back grew during this run of the body */
};

/* One access event of a function analysed on its own (sites.c), kept
 * for its `sink` summary (summary.c). */
struct sink_ev {
	CXCursor at;
	struct val ptr;
	struct ival extra, len, claim;
	int write;
	int bounded;
};

struct eng_fn {
	struct eng_tu *t;
	struct eng_fn *caller;
	CXCursor call;              /* the caller's call that runs this */
	CXCursor fn;
	const char *name;
	int depth;
	unsigned long long ctx;     /* call-context hash for object keys */
	struct state memo;          /* initial values of keys */
	struct state ret;           /* joined states at return */
	struct val retval;
	int have_ret;
	struct jump *jumps[64];
	int njumps;
	void *switches[32];         /* struct sw_ctx of interp/jumps.c */
	int nswitches;
	int tag_obj[32];            /* objects whose field a switch being
				     * run tests, with an unknown value: a
				     * view of them is the tag's (jumps.c) */
	int ntags;
	struct label_pend *labels;
	size_t nlabels, caplabels;
	int split;                  /* also keep exits by return value */
	int back_round;             /* run of the body (backward gotos) */
	struct state ret_zero, ret_nz;
	/* `x = call();` just ran: the states where call returned 0 / not 0,
	 * valid while the state still equals split_after */
	const char *split_key;
	struct state split_z, split_nz, split_after;
	struct field_store *stores; /* pass 0: stores into struct fields */
	size_t nstores, capstores;
	/* interp/ptrdefs.c: pointers defined as sums (disk = base + i) */
	struct ptr_def {
		const char *target;
		CXCursor rhs;
		const char *src[4];  /* the paths rhs reads */
		int nsrc;
	} defs[32];
	int ndefs;
	int in_def;                 /* re-evaluating a definition */
	CXCursor cur_for, cur_init; /* innermost `for` being run, its init */
	/* summary.c: the accesses of a function analysed on its own
	 * (caller NULL) in pass 1, kept when sink_evs_on is set */
	int sink_evs_on;
	KC_VEC(struct sink_ev) sink_evs;
};

/* ---- the layers below the interpreter (docs/analysis.md) ----
 * Bottom up: stats.c, visited.c, hidx.c; facts.c; paths.c; relations.c,
 * strides.c, unify.c, linfacts.c; sites.c. Each calls only files listed
 * before it (and src/ir, src/cx, src/model, src/rules); none calls the
 * interpreter (check/interp/interp.h). */

static inline unsigned long long eng_mix(unsigned long long a,
					 unsigned long long b)
{
	a ^= b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2);
	return a;
}

/* stats.c */
/* Counts one analysis step; 1 (and t->over_budget set) when the step
 * budget, the stack limit or the deadline is exhausted. */
int eng_tick(struct eng_fn *f);
/* Adds n to the stats counter name (when stats are collected). */
void eng_stat(struct eng_tu *t, const char *name, unsigned long long n);
/* sites.c: records a free as a message names it (name() at line; inner:
 * the free inside the helper name, or 0). Returns its id (from 1), or 0
 * when out of memory (the message then names the line only). */
int eng_free_event(struct eng_tu *t, unsigned line, const char *name,
		   int inner);

/* visited.c */
/* Records that the body of def was analysed in this pass. */
void eng_mark_visited(struct eng_tu *t, CXCursor def);
/* 1 if def's body was analysed in this pass. */
int eng_was_visited(const struct eng_tu *t, CXCursor def);

/* facts.c */
/* 1 if decl is a file-scope static variable (only this TU stores it). */
int eng_file_static(CXCursor decl);
/* Records, in pass 0, that f stores v into member (a MemberRefExpr or a
 * file-static's DeclRefExpr; elem: into an element of that array field),
 * whose access path is key and whose base pointer holds base (NULL:
 * none). */
void eng_record_store(struct eng_fn *f, CXCursor member, const char *key,
		      const struct val *v, const struct val *base, int elem);
/* Folds f's recorded stores into the TU's field facts. */
void eng_finish_facts(struct eng_fn *f);
/* What the ksize() in capacity store st (of f, before eng_finish_facts)
 * measures, object obj: the struct the field belongs to (*self), else
 * the first sibling field f, or a caller f is inlined into, stores
 * obj's start into (*sib, its hash and *sib_name), else the field obj was read from when its origin is
 * unknown. 1 when one is found. The TU's facts (facts.c) and the
 * database rows (fieldout.c) both ask it. */
int eng_cap_target(struct eng_fn *f, const struct field_store *st, int obj,
		   unsigned *sib, const char **sib_name, int *self);
/* Turns unknown object o read from field fh into the kmalloc object the
 * TU always stores there (requested size included when every store
 * agrees); 1 if it did. */
int eng_fact_alloc(struct eng_tu *t, unsigned fh, struct prov_obj *o);
/* The sibling field whose value is the requested size of objects read
 * from field fh (times *coef), or NULL. */
const char *eng_fact_size_sib(const struct eng_tu *t, unsigned fh,
			      long long *coef);
/* A note naming the stores behind field fact fh ("field rx_buf of struct
 * foo: kmalloc(1500) at f.c:120, 1 of 1 stores"), in t's arena; cap: the
 * capacity fact. NULL if none. */
const char *eng_fact_describe(struct eng_tu *t, unsigned fh, int cap);
/* The facts record of field fld, created when absent (NULL: out of
 * memory), with the database's stores folded in (pass 1). */
struct field_fact *eng_fact_get(struct eng_tu *t, CXCursor fld);
/* Folds the tree's stores into ff from env->fields_in (fieldout.c). */
void eng_fact_import(struct eng_tu *t, struct field_fact *ff);
/* The field called name of the struct that holds field fld, or a null
 * cursor. */
CXCursor eng_field_sibling(CXCursor fld, const char *name);
/* Appends the TU's stores to env->facts_out (tufacts.h); 0 or
 * -KC_ENOMEM. */
int eng_facts_export(struct eng_tu *t, struct eng_fn *f);
/* 1 if reading field (or file-static) fh can give an object or a
 * capacity through the field facts (relevance.c). */
int eng_fact_relevant(const struct eng_tu *t, unsigned fh);
/* The facts on field (or file-static) fh, or NULL. */
const struct field_fact *eng_fact_find(const struct eng_tu *t, unsigned fh);
/* 1 if allocation object o was stored into a field (or file static) that
 * also receives objects of other sites or sizes. */
int eng_fact_mixed_obj(const struct eng_tu *t, const struct prov_obj *o);

/* paths.c */
/* The interned access path of lvalue c, or NULL. It depends on c alone
 * and lives as long as the TU's keys (built once per cursor). */
const char *eng_key(struct eng_fn *f, CXCursor c);
/* Starts b at the root of variable decl (file-scope or local). */
void eng_var_path(CXCursor decl, struct path_buf *b);
/* The lvalue that c names: X for `*(volatile T *)&X` (the READ_ONCE(),
 * WRITE_ONCE() and smp_store_release() forms), else c without parens. */
CXCursor eng_store_target(CXCursor c);
/* 1 for static, extern and file-scope variables. */
int eng_is_global_var(CXCursor decl);
/* 1 if base, a member expression's base, is a pointer (p->f). */
int eng_is_arrow(CXCursor base);
/* The value of key (state, else its initial value). */
struct val eng_read_key(struct eng_fn *f, struct state *s, const char *key,
			CXType type);
/* eng_read_key of key read as field (or file-static) fh: an unknown
 * pointer there is created from fh's facts (0: none). */
struct val eng_read_key_field(struct eng_fn *f, struct state *s,
			      const char *key, CXType type, unsigned fh);
/* A pointer read of key, created from field fh's facts when unknown. */
struct val eng_read_key_ptr(struct eng_fn *f, struct state *s,
			    const char *key, unsigned fh);
/* The initial value of key in f (the st_join callback of unify.c). */
struct val eng_initial(void *fctx, const char *key);
/* Initial value of member read c (key) from the field facts; 0 if none. */
int eng_fact_initial(struct eng_fn *f, struct state *s, CXCursor c,
		     const char *key, struct val *out);

/* relations.c: the one relation mechanism, the range of a linear form
 * stored under the form's key; forms over paths (linfacts.c) and forms
 * over symbols (guard bounds). */
/* The key of the form sum(coef[i] * path[i]) (canonical order is the
 * caller's), or NULL. */
const char *eng_rel_path_key(struct eng_fn *f, int n,
			     const char *const *path, const long long *coef);
/* The terms of path-form key, at most max: their number, or -1. */
int eng_rel_path_terms(struct eng_fn *f, const char *key, int max,
		       const char **path, long long *coef);
/* 1 if key is a form over paths (inline: linfacts.c asks it of every key
 * of a state; path_is_slot rules out most keys without a call). */
static inline int eng_rel_is_path_form(const char *key)
{
	return path_is_slot(key) && path_kind(key) == PATH_REL;
}
/* 1 if s holds some form over paths. */
int eng_rel_any_path_form(const struct state *s);
/* The key of the symbolic part of form (a form over symbols), or NULL. */
const char *eng_rel_key(struct eng_fn *f, const struct ival *form);
void eng_rel_record(struct eng_fn *f, struct state *s, const struct ival *a,
		    const struct ival *b, long long adj);
/* end <= (bound of end's form from a guard) + end's offset: 1 and *out
 * when s holds a relation on end's form. */
int eng_rel_bound(struct eng_fn *f, const struct state *s,
		  const struct ival *end, struct ival *out);

/* interp/refine.c */
/* 1 if a has a ksize(obj) symbol (SYM_KSIZE) among its terms. */
/* 1 if a switch being run (in f or a caller it is inlined into) tests
 * a field of object obj whose value it does not know (interp/jumps.c):
 * which view of obj is valid there is its case's, a tag the analysis
 * does not relate to the size. */
static inline int eng_tag_tested(const struct eng_fn *f, int obj)
{
	int i;

	for (; f; f = f->caller)
		for (i = 0; i < f->ntags; i++)
			if (f->tag_obj[i] == obj)
				return 1;
	return 0;
}
int eng_has_ksize_term(const struct eng_tu *t, const struct ival *a);

/* strides.c */
/* Frees t's stride records. */
void eng_strides_release(struct eng_tu *t);
/* The steps of variable e in f: returns 1 when it changes only by
 * constant steps and plain assignments of values not computed from
 * itself (and its address is not taken), with *step the gcd of the steps
 * (1 for ++/--, 0 when it never steps; 1 for lvalues that are not
 * variables) and *based set when every value it is given (initializer
 * included) is a known multiple of that step. */
int eng_var_steps(struct eng_fn *f, CXCursor e, long long *step,
		  int *based);
/* The same inside the innermost `for` being run when its init gives e a
 * constant (`for (i = 0; i < n; i += 4)` in a function that also runs i
 * by ones elsewhere): 1 and *step when all steps there are constant. */
int eng_loop_steps(struct eng_fn *f, CXCursor e, long long *step,
		   int *based);
/* A `for` whose condition is `i < n` (or `n > i`), i and n local
 * variables or parameters whose address the function never takes, inc
 * `i++`/`++i`/`i += 1`, a body that never assigns i and a loop that
 * never assigns n: 1, with the condition's cursors of i and n. Then i
 * <= n holds at every test when it holds on entry, so the exit through
 * the condition has i == n (interp/loops.c). */
int eng_loop_exit_index(struct eng_fn *f, CXCursor loop, CXCursor cond,
			CXCursor inc, CXCursor body, CXCursor *iv,
			CXCursor *nv);

/* unify.c: dst = dst join src, renaming src's objects that come from the
 * same allocation site as dst's first. 0 or -KC_ENOMEM. */
int eng_join(struct eng_fn *f, struct state *dst, const struct state *src,
	     int widen);
/* eng_join without widening; running out of memory is left to the
 * error sink (util/sink.h), which ends the TU. */
void eng_join_into(struct eng_fn *f, struct state *dst,
		   const struct state *src);

/* linfacts.c: relations between variables from branch conditions */
void eng_lin_assume(struct eng_fn *f, struct state *s, CXCursor a,
		    CXCursor b, enum CXBinaryOperatorKind op);
void eng_lin_narrow(struct eng_fn *f, struct state *s, CXCursor c,
		    struct val *v);
/* sites.c: where the rules plug in (src/rules/family.h) */
/* Records a ksize() call's argument provenance, joined over visits
 * (pass 1); the ksize rule family judges the sites at the end. */
void eng_note_ksize(struct eng_fn *f, CXCursor call, const char *callee,
		    const struct val *arg, int shared);
/* An access of len bytes at ptr + extra: handed to every rule family's
 * on_access (pass 1, outside loop rounds before the fixed point). */
void eng_access(struct eng_fn *f, const struct state *s, CXCursor at,
		const struct val *ptr, struct ival extra, struct ival len,
		int write, const char *what);
/* A write by a bounded writer what() through ptr whose output is known:
 * it writes at most len bytes, told claim (its size argument). by_src
 * says what bounds len: 0 its format (snprintf), 1 the string it copies
 * (strscpy), 2 the string at ptr and the one it appends (strlcat). */
void eng_access_bounded(struct eng_fn *f, const struct state *s,
			CXCursor at, const struct val *ptr, struct ival len,
			struct ival claim, const char *what, int by_src);
/* A return of f's own body (f has an allocator record api): the claim
 * that ret is usable for size bytes, handed to every family's
 * on_return (pass 1, outside loop rounds). */
struct apidb_fn;
void eng_return(struct eng_fn *f, const struct state *s, CXCursor at,
		const struct val *ret, const char *ret_text,
		const struct apidb_fn *api, struct ival size,
		const char *size_text);
/* Calls every rule family's emit, which turns the TU's site records
 * into findings; 0 or -KC_ENOMEM. */
int eng_emit(struct eng_tu *t);

#endif
