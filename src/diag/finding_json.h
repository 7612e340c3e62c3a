/* finding_json.h - one finding <-> one json-c object.
 *
 * The single JSON form of a finding, used for worker->parent IPC, the
 * --format=json output, and `ksizecheck merge`. Field names are part of
 * the documented schema (docs/json-schema.md); add, never rename.
 *
 *   {"rule": "slack-write", "severity": "warning",
 *    "file": "drivers/x.c", "line": 12, "col": 3, "function": "f",
 *    "message": "...", "fix": "ksize_slack",
 *    "notes": [{"kind": "allocation", "file": ..., "line": ..., "col": ...,
 *               "message": ...}],
 *    "slab": {"allocator": "kmalloc", "requested": "len", "req_lo": ..,
 *             "req_hi": .., "bucket_lo": .., "bucket_hi": ..,
 *             "access_off_lo": .., "access_off_hi": .., "access_len_lo": ..,
 *             "access_len_hi": .., "config": "x86_64 SLUB 6.1",
 *             "worst_config": ...},
 *    "fingerprint": "..."}
 */
#ifndef KC_DIAG_FINDING_JSON_H
#define KC_DIAG_FINDING_JSON_H

#include <json-c/json.h>

#include "diag/diag.h"

/* Returns a new object (caller owns one reference: json_object_put()), or
 * NULL on OOM. */
json_object *kc_finding_to_json(const struct kc_finding *f);

/* Adds the finding described by o to d. Returns 0, -KC_EPARSE (with err
 * naming the bad field) or -KC_ENOMEM. */
int kc_finding_from_json(struct kc_diag *d, json_object *o, struct kc_err *err);

/* Severity names used in JSON: "note", "warning", "error"; -1 if unknown. */
const char *kc_severity_name(int sev);
int kc_severity_by_name(const char *name);

#endif
