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
/* The HTML report of the run into run->html->dir (html_report.c).
 * Returns 0 or a negative KC_E* with err. */
int out_write_html(const struct kc_diag *d, const struct out_run_info *run,
		   struct kc_err *err);

/* The --format=json document as a json-c object (caller puts it); NULL on
 * OOM. */
json_object *out_json_document(const struct kc_diag *d,
			       const struct out_run_info *run);
/* {"id", "reason"} of run->slab_preset (JSON slab_preset, SARIF
 * slabPreset); NULL on OOM. */
json_object *out_slab_preset_json(const struct out_run_info *run);

/* SARIF pieces shared by sarif.c and sarif_fix.c; NULL on OOM. */
json_object *out_sarif_artifact_location(const char *file);
json_object *out_sarif_message(const char *text);

struct out_src_cache;
struct apidb;
/* The exact fix of f as a SARIF fix object, or NULL when none is known
 * (sarif_fix.c). api (may be NULL) tells which argument is the size. */
json_object *out_sarif_exact_fix(struct out_src_cache *c,
				 const struct kc_finding *f,
				 const struct apidb *api);

#endif
