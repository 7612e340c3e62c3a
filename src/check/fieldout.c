/* fieldout.c - the field part of a TU's exported facts (check/tufacts.h,
 * docs/factdb.md): one struct factdb_store per store into a struct field
 * that pass 0 sees. Layer 0 (bookkeeping), beside facts.c. */
#include "check/engine.h"

int eng_facts_export(struct eng_tu *t, struct eng_fn *f)
{
	(void)t;
	(void)f;
	return 0;
}
