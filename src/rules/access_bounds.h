/* access_bounds.h - what the two files of the access_bounds rule family
 * share: access_bounds.c (accesses) and return_claims.c (the promise at
 * a realloc-like helper's return). Private to the family.
 */
#ifndef KC_RULES_ACCESS_BOUNDS_H
#define KC_RULES_ACCESS_BOUNDS_H

#include "rules/family.h"

enum { V_UNBOUNDED = -1, V_FINE = 0, V_SLACK = 1, V_OVERFLOW = 2 };

/* access_bounds.c: the record of access site `site` (created unjudged),
 * or NULL when out of memory. */
struct acc_site *ab_acc_get(struct eng_tu *t, unsigned long long site);

/* return_claims.c: the on_return hook; records the claims of t. */
void ab_on_return(struct eng_fn *f, const struct state *s,
		  const struct rule_return *r);
/* Turns t's claims into verdicts on their sites (before the sites are
 * reported). 0 or -KC_ENOMEM. */
int ab_claims_judge(struct eng_tu *t);

#endif
