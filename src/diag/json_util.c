/* json_util.c - json-c builders and lenient readers (json_util.h). */
#include "diag/json_util.h"

int kc_jadd(json_object *o, const char *key, json_object *v)
{
	if (!o || !v) {
		json_object_put(v);
		return -1;
	}
	if (!key) {
		if (json_object_array_add(o, v)) {
			json_object_put(v);
			return -1;
		}
		return 0;
	}
	return json_object_object_add(o, key, v) ? -1 : 0;
}

int kc_jadd_str(json_object *o, const char *key, const char *val)
{
	if (!val)
		return 0;
	return kc_jadd(o, key, json_object_new_string(val));
}

int kc_jadd_int(json_object *o, const char *key, long long val)
{
	return kc_jadd(o, key, json_object_new_int64(val));
}

int kc_jadd_u64(json_object *o, const char *key, unsigned long long val)
{
	return kc_jadd(o, key, json_object_new_uint64(val));
}

int kc_jadd_bool(json_object *o, const char *key, int val)
{
	return kc_jadd(o, key, json_object_new_boolean(val ? 1 : 0));
}

json_object *kc_jget(json_object *o, const char *key)
{
	json_object *v = NULL;

	if (!o || !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

const char *kc_jstr(json_object *o, const char *key)
{
	json_object *v = kc_jget(o, key);

	if (!v || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

long long kc_jint(json_object *o, const char *key)
{
	json_object *v = kc_jget(o, key);

	if (!v || !json_object_is_type(v, json_type_int))
		return 0;
	return json_object_get_int64(v);
}
