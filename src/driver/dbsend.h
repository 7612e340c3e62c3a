/* dbsend.h - the worker's side of the fact database (dbsend.c): what a
 * TU hands the parent in its result's "facts" member (tu.h):
 *   {"digest": HEX, "fns": [[name, is_static, line, [record...]], ...],
 *    "stores": [[field, display, what, size, function, line], ...]}
 * or "facts_error": true when they could not be formed (the parent then
 * counts the TU as not written, and the round keeps the old database).
 */
#ifndef KC_DRIVER_DBSEND_H
#define KC_DRIVER_DBSEND_H

#include <json-c/json.h>

#include "check/tufacts.h"
#include "driver/run.h"

/* The facts f of the analysed TU file (flags args[0..nargs), status
 * enum kc_tu_status) into res. With clang errors only the definitions
 * are kept: a body clang could not parse may do what the analysis did
 * not see. */
void kc_facts_to_result(json_object *res, const struct kc_tu_facts *f,
			const char *file, const char *const *args, int nargs,
			int status);

/* The facts of a TU the prefilter skipped (not parsed): the definitions
 * its text spells (prefilter/pf_defs.h), without records or stores. */
void kc_facts_prefiltered(json_object *res, const struct kc_tu *tu);

#endif
