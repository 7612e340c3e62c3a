/* rule_text.h - internal to src/out: the longer rule texts that SARIF's
 * fullDescription and help need, from the registry (rules/rule_list.h;
 * docs/rules/<id>.md holds the full pages).
 */
#ifndef KC_OUT_RULE_TEXT_H
#define KC_OUT_RULE_TEXT_H

#include <stddef.h>

/* The full description of rule (enum kc_rule_id); the summary when none. */
const char *out_rule_full_text(int rule);
/* How to fix findings of rule, one sentence. */
const char *out_rule_fix_text(int rule);
/* "KsizeNonKmalloc" for "ksize-non-kmalloc" into buf. Returns buf. */
const char *out_rule_pascal_name(int rule, char *buf, size_t size);

#endif
