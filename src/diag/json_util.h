/* json_util.h - the one set of json-c helpers every layer above diag
 * uses: builders that add a member (or an array element) and report OOM,
 * and lenient readers that answer NULL/0 for a missing member or one of
 * another type (callers that must report the error check the type
 * themselves).
 */
#ifndef KC_DIAG_JSON_UTIL_H
#define KC_DIAG_JSON_UTIL_H

#include <json-c/json.h>

/* Builders: add v under key to object o (or append it to array o when key
 * is NULL); v is released on failure. A NULL string value adds nothing.
 * Return 0, or -1 on OOM. */
int kc_jadd(json_object *o, const char *key, json_object *v);
int kc_jadd_str(json_object *o, const char *key, const char *val);
int kc_jadd_int(json_object *o, const char *key, long long val);
int kc_jadd_u64(json_object *o, const char *key, unsigned long long val);
int kc_jadd_bool(json_object *o, const char *key, int val);

/* Readers: member key of o (NULL when o is NULL or has none), its string
 * (NULL unless a string), its integer (0 unless an integer). */
json_object *kc_jget(json_object *o, const char *key);
const char *kc_jstr(json_object *o, const char *key);
long long kc_jint(json_object *o, const char *key);

#endif
