/* access_bounds.h - what the files of the access_bounds rule family
 * share: access_bounds.c (the judgement of accesses), access_messages.c
 * (their messages, slab numbers and report) and return_claims.c (the
 * promise at a realloc-like helper's return). Private to the family.
 */
#ifndef KC_RULES_ACCESS_BOUNDS_H
#define KC_RULES_ACCESS_BOUNDS_H

#include "rules/family.h"

enum { V_UNBOUNDED = -1, V_FINE = 0, V_SLACK = 1, V_OVERFLOW = 2 };

/* access_bounds.c: the verdict on one access to one object. */
struct judged {
	int verdict;
	long long end_hi;          /* worst access end, when numeric */
	long long req;             /* requested size used, -1 if symbolic */
	unsigned long long bucket; /* 0 if unknown */
	int ksize_bound;           /* end is ksize(obj) + delta */
	long long delta;
	int sym_bound;             /* end is the size symbol + delta */
	int definite;              /* every combination is past the request */
	int before;                /* starts before the object's first byte */
};

/* access_bounds.c: the record of access site `site` (created unjudged),
 * or NULL when out of memory. */
struct acc_site *ab_acc_get(struct eng_tu *t, unsigned long long site);

/* access_messages.c: the end of an access of len bytes at off in
 * object o under verdict j, in words, into buf of size bytes. */
void ab_describe_end(const struct eng_tu *t, const struct judged *j,
		     const struct prov_obj *o, struct ival off,
		     struct ival len, char *buf, size_t size);
/* The slab numbers of site a's finding: object o's request, bucket, and
 * an access of len bytes at off, under the judged configuration. */
void ab_set_slab(const struct eng_tu *t, struct acc_site *a,
		 const struct prov_obj *o, unsigned long long bucket,
		 struct ival off, struct ival len);
/* Keeps verdict j (slack or overflow) at site a when it is worse than
 * what a holds, with its message (in t's arena) and slab numbers. */
void ab_record_verdict(struct eng_tu *t, struct acc_site *a,
		       const struct prov_obj *o, int obj,
		       const struct judged *j, struct ival off,
		       struct ival len, int write, const char *what);
/* The emit hook: reports every access site of t with a verdict. 0 or
 * -KC_ENOMEM. */
int ab_emit(struct eng_tu *t);

/* return_claims.c: the on_return hook; records the claims of t. */
void ab_on_return(struct eng_fn *f, const struct state *s,
		  const struct rule_return *r);
/* Turns t's claims into verdicts on their sites (before the sites are
 * reported). 0 or -KC_ENOMEM. */
int ab_claims_judge(struct eng_tu *t);

#endif
