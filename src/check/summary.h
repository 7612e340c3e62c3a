/* summary.h - function summaries for the fact database (summary.c,
 * docs/factdb.md): what a function the TU defines does, as a
 * rules-format record, read off its analysis in pass 1. */
#ifndef KC_CHECK_SUMMARY_H
#define KC_CHECK_SUMMARY_H

#include "check/engine.h"
#include "check/tufacts.h"

/* Fills out->records (NULL-terminated, strings in the facts' arena) for
 * function f, whose body has just run on its own with exit state exit;
 * out->function, is_static and line are the caller's. Leaves the records
 * empty when nothing is proven (summary.c says when). */
void eng_summarise(struct eng_fn *f, const struct state *exit,
		   struct kc_fn_fact *out);

#endif
