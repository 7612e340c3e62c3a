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

/* 1 if def, an external function of the main file, has the shape of a
 * sink wrapper (summary.c: a void function whose body is one call to a
 * sink of the apidb, declarations without effects and a final return),
 * so that its accesses are kept for a `sink` record; else 0. */
int eng_sink_shape(struct eng_tu *t, CXCursor def);
/* The rules-format formula of iv over f's parameters at its entry
 * (`1500`, `$1*8+16`): the one spelling of a size in function records
 * and field store rows. 0, or -1 when iv is no such formula. */
int eng_size_formula(struct eng_fn *f, const struct ival *iv, char *buf,
		     size_t size);

#endif
