/* sarif_read.h - internal to src/out: a ksizecheck SARIF log back into the
 * --format=json document (for `ksizecheck merge`).
 */
#ifndef KC_OUT_SARIF_READ_H
#define KC_OUT_SARIF_READ_H

#include <json-c/json.h>

#include "out/output.h"

/* Converts sarif (borrowed) into a new version-1 JSON document (*doc, the
 * caller puts it). Returns 0, -KC_EPARSE (not a ksizecheck SARIF log) or
 * -KC_ENOMEM. */
int out_sarif_to_doc(json_object *sarif, json_object **doc,
		     struct kc_err *err);

#endif
