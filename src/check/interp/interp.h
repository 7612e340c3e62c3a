/* interp.h - the abstract interpreter: the one recursion of src/check.
 *
 * Expressions and statements recurse into each other (statement
 * expressions, calls analysed in the caller's context), so they live
 * together here, one job per file:
 *
 *   expr.c     eng_eval/eng_effect: dispatch by cursor kind, ?:, ({ })
 *   objects.c  the objects an address names (&x, literals, variables)
 *   lvalues.c  reads and writes of lvalues, which accesses are checked
 *   arith.c    binary and unary operators on intervals and pointers
 *   effects.c  apidb effects: allocation, free, sinks, size formulas
 *   calls.c    calls: apidb, ksize(), same-TU, noreturn, unknown
 *   inline.c   a same-TU callee run in the caller's context
 *   ptrdefs.c  `p = base + i` re-evaluated where p is used
 *   refine.c   narrowing values from one comparison
 *   assume.c   eng_assume (conditions), splits by a return value
 *   loops.c    while/do/for to a fixed point
 *   jumps.c    switch/case, goto/labels
 *   stmt.c     eng_exec dispatch, declarations, eng_run_body
 *
 * Everything here may call everything below it (engine.h: paths, facts,
 * relations, linfacts, strides, unify, sites, stats, visited); nothing
 * below calls up into this folder. analyze.c, above, calls only
 * eng_run_body. The layering is written down in docs/analysis.md.
 */
#ifndef KC_CHECK_INTERP_H
#define KC_CHECK_INTERP_H

#include "check/engine.h"

#define MAX_ARGS 16          /* call arguments evaluated */
#define LOOP_MAX_ROUNDS 8    /* loop rounds before giving up the fixpoint */
#define LOOP_WIDEN_AFTER 2   /* loop rounds before widening */
#define BACK_MAX_RUNS 6      /* runs of a body for backward gotos */
#define BACK_WIDEN_AFTER 2   /* runs before the label's state widens */

/* expr.c */
struct val eng_eval(struct eng_fn *f, struct state *s, CXCursor c);
/* Evaluates c for its side effects only. */
void eng_effect(struct eng_fn *f, struct state *s, CXCursor c);

/* objects.c */
/* The address &c (variables, members, elements, derefs). */
struct val eng_addr(struct eng_fn *f, struct state *s, CXCursor c);
/* The object of string literal c. */
struct val eng_literal_object(struct eng_fn *f, CXCursor c);
/* 1 if v may point to a heap object. */
int eng_has_heap(const struct val *v, const struct eng_tu *t);
unsigned eng_type_hash(CXType t);
/* Remembers the pointer type an allocation result is first stored as. */
void eng_note_ptr_type(struct eng_fn *f, CXType t, const struct val *v);

/* lvalues.c */
struct val eng_read_lvalue(struct eng_fn *f, struct state *s, CXCursor c);
/* Stores v into lvalue c (with a write check when it is memory). */
void eng_store(struct eng_fn *f, struct state *s, CXCursor c,
	       const struct val *v);

/* arith.c */
struct val eng_eval_binop(struct eng_fn *f, struct state *s, CXCursor c);
struct val eng_eval_unop(struct eng_fn *f, struct state *s, CXCursor c);

/* memslots.c: scalars stored into an allocation, by object, offset and
 * size, for reads through another pointer. A write of len bytes at addr
 * drops the slots it may overlap; */
void eng_mem_forget(struct eng_fn *f, struct state *s, const struct val *addr,
		    struct ival len);
/* a new allocation of obj's site drops all of obj's; */
void eng_mem_forget_obj(struct eng_fn *f, struct state *s, int obj);
/* a store of v (len bytes) at addr keeps v when addr is one place of a
 * trackable object; */
void eng_mem_store(struct eng_fn *f, struct state *s, const struct val *addr,
		   long long len, const struct val *v);
/* the value at addr when a slot holds it: 1 and *out, else 0; */
int eng_mem_load(struct eng_fn *f, const struct state *s,
		 const struct val *addr, long long len, struct val *out);
/* the objects v points to may now be reached by code not seen; */
void eng_mem_escape(struct eng_fn *f, const struct val *v);
/* an unknown function got arguments a: their objects and every escaped
 * one lose their slots; */
void eng_mem_unknown_call(struct eng_fn *f, struct state *s,
			  const struct val *a, int n);
/* dst's slots become src's (a callee's entry and exit). */
void eng_mem_copy(struct eng_fn *f, struct state *dst,
		  const struct state *src);

/* effects.c */
/* claims.c: `return v;` in state s of a function analysed on its own
 * whose name has an allocator record: reports the record's promise
 * (eng_return). */
void eng_return_claim(struct eng_fn *f, struct state *s, CXCursor ret,
		      const struct val *v);
/* The value of size formula e over arguments a (their cursors ac); s
 * (may be NULL) holds the string lengths known on the path. */
struct ival eng_formula(struct eng_fn *f, const struct state *s,
			const struct apidb_expr *e, const struct val *a,
			const CXCursor *ac, int n);
/* The object at addr v is written otherwise than by a string writer:
 * the lengths of strings known in it are forgotten. NULL v: every
 * object's (an unknown function got a pointer). */
void eng_strlen_forget(struct eng_fn *f, struct state *s,
		       const struct val *v);
/* Marks obj freed in s at line (of the current function), with free
 * event fev (engine.h, eng_free_event; 0: none). */
void eng_apply_free(struct state *s, int obj, unsigned line, int fev,
		    int must);
/* An object of unknown origin may stand for a different object on each
 * loop round or call (one abstract object per read site), so its free
 * marks only the access path that was freed, not other holders. */
void eng_free_unknown_in_key(struct eng_fn *f, struct state *s,
			     const char *key, unsigned line, int fev);
/* A free through a function the fact database describes (api has
 * APIDB_F_FACT): the objects a may point to remember the fact and the
 * call, for the note of a finding that rests on it. */
void eng_note_free_fact(struct eng_fn *f, CXCursor c,
			const struct apidb_fn *api, const struct val *a);
void eng_do_free(struct eng_fn *f, struct state *s, const struct val *a,
		 unsigned line, int fev);
/* 1 if arg is read from an a[] key (all elements share it) and holds
 * several allocations: which element holds which is not known. */
int eng_elem_shared(struct eng_fn *f, CXCursor arg, const struct val *v);
struct val eng_do_alloc(struct eng_fn *f, struct state *s, CXCursor c,
			const struct apidb_fn *api, const char *name,
			const struct val *a, const CXCursor *ac, int n);
void eng_kill_arg(struct eng_fn *f, struct state *s, CXCursor arg);
struct val eng_do_sink(struct eng_fn *f, struct state *s, CXCursor c,
		       const struct apidb_fn *api, const char *name,
		       const struct val *a, const CXCursor *ac, int n);

/* calls.c */
/* The unknown result of call site c, the same on every visit. */
struct val eng_call_result(struct eng_fn *f, CXCursor c, const char *name);
struct val eng_eval_call(struct eng_fn *f, struct state *s, CXCursor c,
			 struct state *zero, struct state *nz);
/* Like eng_eval for a call to a same-TU function, also giving the caller
 * states for a zero and a nonzero return value (dead when impossible).
 * Returns 0 when c is not such a call (nothing evaluated). */
int eng_eval_split(struct eng_fn *f, struct state *s, CXCursor c,
		   struct val *out, struct state *zero, struct state *nz);

/* inline.c */
/* 1 if def is already being analysed in the call chain (recursion). */
int eng_on_stack(struct eng_fn *f, CXCursor def);
struct val eng_do_inline(struct eng_fn *f, struct state *s, CXCursor c,
			 CXCursor def, const char *name,
			 const struct val *a, const CXCursor *ac, int n,
			 struct state *zero, struct state *nz);

/* ptrdefs.c: `p = base + i` remembered while p, base and i keep their
 * values, so that an access through p sees i's later refinements */
void eng_def_record(struct eng_fn *f, struct state *s, const char *key,
		    CXCursor rhs);
void eng_def_narrow(struct eng_fn *f, struct state *s, const char *key,
		    struct val *v);

/* refine.c */
enum CXBinaryOperatorKind eng_op_negate(enum CXBinaryOperatorKind op);
enum CXBinaryOperatorKind eng_op_flip(enum CXBinaryOperatorKind op);
/* Keeps only the elements that pass keep(); returns the number left. */
unsigned eng_filter_pels(struct val *v, int keep_null, int keep_err,
			 int keep_obj);
void eng_refine_ptr(struct eng_fn *f, struct state *s, CXCursor e,
		    int nonnull);
void eng_refine_int(struct eng_fn *f, struct state *s, CXCursor e,
		    enum CXBinaryOperatorKind op, const struct val *other);
/* p < end with both into one object (end = buf + ksize(buf), a pointer
 * loop): narrows p's byte offset. A step of p++ is a unit of the offset
 * only for byte pointers. */
void eng_refine_ptr_cmp(struct eng_fn *f, struct state *s, CXCursor e,
			enum CXBinaryOperatorKind op,
			const struct val *other);
int eng_is_null_val(const struct val *v);

/* assume.c */
/* Refines s assuming c evaluates to truth (0/1); may make s dead. */
void eng_assume(struct eng_fn *f, struct state *s, CXCursor c, int truth);
void eng_split_clear(struct eng_fn *f);
/* Runs `lhs = call` (call of a same-TU function) keeping the split. */
int eng_split_assign(struct eng_fn *f, struct state *s, CXCursor lhs,
		     CXCursor rhs, const char *key);
/* After `key = call()` ran with exit states z (returned 0) and nz:
 * remembers them for a following test of key. */
void eng_split_keep(struct eng_fn *f, struct state *s, const char *key,
		    const struct val *vp, struct state *zp,
		    struct state *nzp);

/* loops.c */
void eng_run_loop(struct eng_fn *f, struct state *s, CXCursor cond,
		  CXCursor inc, CXCursor body, int do_while);
void eng_exec_for(struct eng_fn *f, struct state *s, CXCursor c);

/* jumps.c */
void eng_exec_switch(struct eng_fn *f, struct state *s, CXCursor c);
void eng_exec_case(struct eng_fn *f, struct state *s, CXCursor c);
/* A backward goto: the state joins the label's back state (widening
 * after BACK_WIDEN_AFTER runs); the body is run again while it grows. */
void eng_back_goto(struct eng_fn *f, struct label_pend *lp,
		   const struct state *s);
struct label_pend *eng_label_get(struct eng_fn *f, CXCursor label);

/* stmt.c */
void eng_exec(struct eng_fn *f, struct state *s, CXCursor c);
/* Runs function body fn with the state in *s (parameters bound); on
 * return *s is the joined exit state and f->retval the return value. */
void eng_run_body(struct eng_fn *f, struct state *s);

#endif
