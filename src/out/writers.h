/* writers.h - internal to src/out: the JSON and SARIF document writers
 * behind out_write(), and the JSON document builder merge reuses.
 */
#ifndef KC_OUT_WRITERS_H
#define KC_OUT_WRITERS_H

#include <json-c/json.h>

#include "out/output.h"

/* Each returns 0, -KC_ENOMEM or -KC_EIO. */
int out_write_json(const struct kc_diag *d, const struct out_run_info *run,
		   FILE *out);
int out_write_sarif(const struct kc_diag *d, const struct out_run_info *run,
		    FILE *out);

/* The --format=json document as a json-c object (caller puts it); NULL on
 * OOM. */
json_object *out_json_document(const struct kc_diag *d,
			       const struct out_run_info *run);

#endif
