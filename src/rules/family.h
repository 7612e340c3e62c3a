/* family.h - what a rule family implements, and the predicates families
 * share (common.c).
 *
 * A rule family is one file, src/rules/<family>.c, that judges one or
 * more rules of the registry (rules/rule_list.h names the family of each
 * rule): it defines `const struct rule_family rule_family_<family>`, and
 * keeps everything else static. The engine calls the hooks through
 * check/sites.c: on_access for every memory access the interpreter
 * reports, emit once when the TU's analysis is over. A family sits at
 * layer 3 of docs/analysis.md: it may call src/check's layers 0-2
 * (engine.h) and common.c, never the interpreter. The recipe for a new
 * rule: docs/adding-a-rule.md.
 */
#ifndef KC_RULES_FAMILY_H
#define KC_RULES_FAMILY_H

#include "apidb/apidb.h"
#include "check/engine.h"

/* One access the interpreter reports: len bytes at ptr + extra. */
struct rule_access {
	CXCursor at;             /* the expression, for the site and loc */
	const struct val *ptr;
	struct ival extra, len;
	int write;
	const char *what;        /* "memset" for an apidb sink, else NULL */
	/* a bounded writer whose output is known (snprintf of a literal
	 * format): len is the most it writes, claim its size argument */
	int bounded;
	int by_src;              /* bounded: len is the source string's
				  * length and its NUL (1, strscpy), or
				  * that after DST's string (2, strlcat),
				  * not the most its format produces (0) */
	struct ival claim;
};

/* A `return` of a function whose API record (rules/allocators.tbl or a --rules file: `alloc`)
 * promises size bytes at the pointer it returns: the claim the
 * function makes to its callers (interp/claims.c). */
struct rule_return {
	CXCursor at;                 /* the return statement */
	const struct val *ret;       /* the value returned */
	const char *ret_text;        /* "ptr", or NULL */
	const struct apidb_fn *api;  /* the function's record */
	struct ival size;            /* the record's SIZE over the
				      * parameters, in that state */
	const char *size_text;       /* the parameter SIZE names, or NULL */
};

struct rule_family {
	const char *name;
	/* An access in pass 1, outside the loop rounds before a fixed point
	 * (f->t->quiet == 0), in state s. NULL: not interested. */
	void (*on_access)(struct eng_fn *f, const struct state *s,
			  const struct rule_access *a);
	/* A return of a function with an allocator record (pass 1, the
	 * function analysed on its own, not inlined), in state s. NULL:
	 * not interested. */
	void (*on_return)(struct eng_fn *f, const struct state *s,
			  const struct rule_return *r);
	/* The TU's analysis is over: turn the family's records (and the
	 * ksize() sites, t->ks) into findings. 0 or -KC_ENOMEM. NULL: none. */
	int (*emit)(struct eng_tu *t);
};

/* common.c */
/* 1 if rule (enum kc_rule_id) is enabled for this run. */
int rule_on(const struct eng_tu *t, int rule);
/* 1 if o is an object the kmalloc slab model describes: a kmalloc or
 * kstrdup_const allocation, or a kvmalloc one below a page (which never
 * falls back to vmalloc). */
int rule_kmalloc_object(const struct eng_tu *t, const struct prov_obj *o);
/* The note at object o's allocation for a finding in function fn: where
 * it is (the call in fn of the helper that made it, or the allocator's
 * call) and "by" text for "allocated here by %s": "kmalloc(args)", or
 * "foo_alloc(), kmalloc(args) at line 12" (args: o's size text when
 * args is set). The text is in t's arena. */
struct kc_loc rule_alloc_loc(const struct prov_obj *o, const char *fn);
const char *rule_alloc_by(struct eng_tu *t, const struct prov_obj *o,
			  const char *fn, int args);
/* " by helper() (inner() at line 40, kfree() at line 34)" for free
 * event fev (engine.h) seen from the function where it is reported,
 * or "" for a free made there directly. */
const char *rule_free_via(struct eng_tu *t, int fev);

/* Adds to fd the note that o was allocated by a function the fact
 * database describes (its record, the TU and line it came from), when it
 * was: a finding that rests on another TU's fact says so. */
void rule_note_fact(struct eng_tu *t, struct kc_finding *fd,
		    const struct prov_obj *o);
/* The same for a free through such a function (ksize-after-free). */
void rule_note_free_fact(struct eng_tu *t, struct kc_finding *fd,
			 const struct prov_obj *o);

#endif
