/* dbwrite.c - the parent's side of the fact database in a run
 * (docs/factdb.md, "In a run"): each TU's result carries its facts
 * ("facts" of tu.h's result, made by the worker or replayed from the
 * result cache), and the parent alone writes them, one transaction per
 * TU, into the database the run builds. One writer: the workers never
 * wait for each other's locks, and the run's file is only ever written
 * by this process.
 */
#include <json-c/json.h>
#include <string.h>

#include "driver/run.h"
#include "factdb/factdb.h"

/* Element i of array a, NULL when a is not an array or too short. */
static json_object *at(json_object *a, size_t i)
{
	return json_object_is_type(a, json_type_array) ?
	       json_object_array_get_idx(a, i) : NULL;
}

static const char *str_at(json_object *a, size_t i)
{
	const char *s = json_object_get_string(at(a, i));

	return s ? s : "";
}

static unsigned uint_at(json_object *a, size_t i)
{
	return (unsigned)json_object_get_int64(at(a, i));
}

/* The rows of one "facts" object; 0 or a negative KC_E* code. */
static int write_rows(struct factdb *db, json_object *facts,
		      struct kc_err *err)
{
	json_object *fns = NULL, *stores = NULL;
	int rc = 0;

	/* absent or not arrays (a damaged cache entry): none */
	if (!json_object_object_get_ex(facts, "fns", &fns) ||
	    !json_object_is_type(fns, json_type_array))
		fns = NULL;
	if (!json_object_object_get_ex(facts, "stores", &stores) ||
	    !json_object_is_type(stores, json_type_array))
		stores = NULL;
	for (size_t i = 0; !rc && fns && i < json_object_array_length(fns);
	     i++) {
		json_object *e = json_object_array_get_idx(fns, i);
		json_object *recs = at(e, 3);
		int is_static = (int)uint_at(e, 1);

		rc = factdb_add_def(db, str_at(e, 0), is_static, uint_at(e, 2),
				    err);
		for (size_t k = 0; !rc && json_object_is_type(recs,
			json_type_array) && k < json_object_array_length(recs);
		     k++)
			rc = factdb_add_fn(db, str_at(recs, k), is_static,
					   uint_at(e, 2), err);
	}
	for (size_t i = 0; !rc && stores &&
	     i < json_object_array_length(stores); i++) {
		json_object *e = json_object_array_get_idx(stores, i);
		struct factdb_store st = {
			.field = str_at(e, 0), .display = str_at(e, 1),
			.what = str_at(e, 2), .size = str_at(e, 3),
			.function = str_at(e, 4), .line = uint_at(e, 5),
		};

		rc = factdb_add_store(db, &st, err);
	}
	return rc;
}

int kc_db_write_tu(struct factdb *db, const char *path, json_object *res,
		   struct kc_err *err)
{
	json_object *facts = NULL, *v;
	const char *digest = "";
	int rc;

	if (res && json_object_object_get_ex(res, "facts_error", &v))
		return kc_err_set(err, KC_ENOMEM, path, 0, 0,
				  "out of memory while sending its facts");
	/* a TU without facts (prefiltered, failed, an internal error)
	 * still replaces its old rows, with none */
	if (res && json_object_object_get_ex(res, "facts", &facts) &&
	    json_object_object_get_ex(facts, "digest", &v))
		digest = json_object_get_string(v);
	rc = factdb_begin_tu(db, path, digest, err);
	if (rc)
		return rc;
	rc = facts ? write_rows(db, facts, err) : 0;
	if (rc) {
		factdb_end_tu(db, 0, NULL);
		return rc;
	}
	return factdb_end_tu(db, 1, err);
}
