/* finding_json.c - finding <-> json-c (see finding_json.h). */
#include "diag/finding_json.h"

#include <string.h>

#include "diag/json_util.h"

const char *kc_severity_name(int sev)
{
	return sev == KC_SEV_ERROR ? "error" :
	       sev == KC_SEV_WARNING ? "warning" : "note";
}

int kc_severity_by_name(const char *name)
{
	if (!strcmp(name, "error"))
		return KC_SEV_ERROR;
	if (!strcmp(name, "warning"))
		return KC_SEV_WARNING;
	if (!strcmp(name, "note"))
		return KC_SEV_NOTE;
	return -1;
}

static json_object *slab_to_json(const struct kc_slab_numbers *s)
{
	json_object *o = json_object_new_object();
	int bad = 0;

	if (!o)
		return NULL;
	bad |= kc_jadd_str(o, "allocator", s->allocator);
	bad |= kc_jadd_str(o, "requested", s->requested_expr);
	bad |= kc_jadd_u64(o, "req_lo", s->req_lo);
	bad |= kc_jadd_u64(o, "req_hi", s->req_hi);
	bad |= kc_jadd_u64(o, "bucket_lo", s->bucket_lo);
	bad |= kc_jadd_u64(o, "bucket_hi", s->bucket_hi);
	bad |= kc_jadd_int(o, "access_off_lo", s->acc_off_lo);
	bad |= kc_jadd_int(o, "access_off_hi", s->acc_off_hi);
	bad |= kc_jadd_u64(o, "access_len_lo", s->acc_len_lo);
	bad |= kc_jadd_u64(o, "access_len_hi", s->acc_len_hi);
	bad |= kc_jadd_str(o, "config", s->config);
	bad |= kc_jadd_str(o, "worst_config", s->worst_config);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

json_object *kc_finding_to_json(const struct kc_finding *f)
{
	json_object *o = json_object_new_object();
	json_object *notes;
	int bad = 0;
	unsigned i;

	if (!o)
		return NULL;
	bad |= kc_jadd_str(o, "rule", kc_rule_info(f->rule)->id);
	bad |= kc_jadd_str(o, "severity", kc_severity_name(f->severity));
	bad |= kc_jadd_str(o, "file", f->loc.file);
	bad |= kc_jadd_int(o, "line", f->loc.line);
	bad |= kc_jadd_int(o, "col", f->loc.col);
	bad |= kc_jadd_str(o, "function", f->function);
	bad |= kc_jadd_str(o, "message", f->message);
	bad |= kc_jadd_str(o, "fix", f->fix);
	bad |= kc_jadd_str(o, "fingerprint", f->fingerprint);
	notes = json_object_new_array();
	if (!notes || json_object_object_add(o, "notes", notes))
		bad = 1;
	for (i = 0; i < f->nnotes && !bad; i++) {
		const struct kc_note *n = &f->notes[i];
		json_object *no = json_object_new_object();

		if (!no) {
			bad = 1;
			break;
		}
		bad |= kc_jadd_str(no, "kind", n->kind);
		bad |= kc_jadd_str(no, "file", n->loc.file);
		bad |= kc_jadd_int(no, "line", n->loc.line);
		bad |= kc_jadd_int(no, "col", n->loc.col);
		bad |= kc_jadd_str(no, "message", n->msg);
		if (json_object_array_add(notes, no)) {
			json_object_put(no);
			bad = 1;
		}
	}
	if (!bad && f->slab.valid) {
		json_object *s = slab_to_json(&f->slab);

		if (!s || json_object_object_add(o, "slab", s))
			bad = 1;
	}
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

/* Field readers: missing optional fields leave the default. */
static int get_str(json_object *o, const char *key, const char **out,
		   int required, struct kc_err *err)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null)) {
		if (required)
			return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
					  "finding has no '%s'", key);
		return 0;
	}
	if (!json_object_is_type(v, json_type_string))
		return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
				  "finding field '%s' is not a string", key);
	*out = json_object_get_string(v);
	return 0;
}

static int get_num(json_object *o, const char *key, long long *out,
		   struct kc_err *err)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return 0;
	if (!json_object_is_type(v, json_type_int))
		return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
				  "finding field '%s' is not an integer", key);
	*out = json_object_get_int64(v);
	return 0;
}

static int get_unum(json_object *o, const char *key, unsigned long long *out,
		    struct kc_err *err)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return 0;
	if (!json_object_is_type(v, json_type_int))
		return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
				  "finding field '%s' is not an integer", key);
	*out = json_object_get_uint64(v);
	return 0;
}

static int get_loc(json_object *o, struct kc_loc *loc, struct kc_err *err)
{
	long long line = 0, col = 0;
	int ret;

	ret = get_str(o, "file", &loc->file, 1, err);
	if (!ret)
		ret = get_num(o, "line", &line, err);
	if (!ret)
		ret = get_num(o, "col", &col, err);
	if (ret)
		return ret;
	if (line < 0 || col < 0 || line > 0xffffffffLL || col > 0xffffffffLL)
		return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
				  "finding has a bad line or column");
	loc->line = (unsigned)line;
	loc->col = (unsigned)col;
	return 0;
}

static int slab_from_json(json_object *s, struct kc_slab_numbers *n,
			  struct kc_err *err)
{
	int ret = 0;

	n->valid = 1;
	ret |= get_str(s, "allocator", &n->allocator, 0, err);
	ret |= get_str(s, "requested", &n->requested_expr, 0, err);
	ret |= get_unum(s, "req_lo", &n->req_lo, err);
	ret |= get_unum(s, "req_hi", &n->req_hi, err);
	ret |= get_unum(s, "bucket_lo", &n->bucket_lo, err);
	ret |= get_unum(s, "bucket_hi", &n->bucket_hi, err);
	ret |= get_num(s, "access_off_lo", &n->acc_off_lo, err);
	ret |= get_num(s, "access_off_hi", &n->acc_off_hi, err);
	ret |= get_unum(s, "access_len_lo", &n->acc_len_lo, err);
	ret |= get_unum(s, "access_len_hi", &n->acc_len_hi, err);
	ret |= get_str(s, "config", &n->config, 0, err);
	ret |= get_str(s, "worst_config", &n->worst_config, 0, err);
	return ret ? -KC_EPARSE : 0;
}

int kc_finding_from_json(struct kc_diag *d, json_object *o, struct kc_err *err)
{
	struct kc_finding tmp;
	struct kc_note notes[64];
	const char *rule = NULL, *sev = NULL;
	json_object *v;
	int r, ret;
	size_t i, n;

	if (!json_object_is_type(o, json_type_object))
		return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
				  "finding is not a JSON object");
	memset(&tmp, 0, sizeof(tmp));
	ret = get_str(o, "rule", &rule, 1, err);
	if (ret)
		return ret;
	r = kc_rule_by_id(rule);
	if (r < 0)
		return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
				  "unknown rule '%s'", rule);
	tmp.rule = r;
	tmp.severity = kc_rule_info(r)->severity;
	if ((ret = get_str(o, "severity", &sev, 0, err)))
		return ret;
	if (sev) {
		tmp.severity = kc_severity_by_name(sev);
		if (tmp.severity < 0)
			return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
					  "unknown severity '%s'", sev);
	}
	if ((ret = get_loc(o, &tmp.loc, err)) ||
	    (ret = get_str(o, "function", &tmp.function, 0, err)) ||
	    (ret = get_str(o, "message", &tmp.message, 1, err)) ||
	    (ret = get_str(o, "fix", &tmp.fix, 0, err)) ||
	    (ret = get_str(o, "fingerprint", &tmp.fingerprint, 0, err)))
		return ret;
	if (json_object_object_get_ex(o, "notes", &v)) {
		if (!json_object_is_type(v, json_type_array))
			return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
					  "finding 'notes' is not an array");
		n = json_object_array_length(v);
		if (n > sizeof(notes) / sizeof(notes[0]))
			n = sizeof(notes) / sizeof(notes[0]);
		for (i = 0; i < n; i++) {
			json_object *no = json_object_array_get_idx(v, i);

			memset(&notes[i], 0, sizeof(notes[i]));
			if (!json_object_is_type(no, json_type_object))
				return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
						  "finding note is not an object");
			if ((ret = get_str(no, "kind", &notes[i].kind, 0, err)) ||
			    (ret = get_loc(no, &notes[i].loc, err)) ||
			    (ret = get_str(no, "message", &notes[i].msg, 1, err)))
				return ret;
			/* writers compare the kind: never leave it NULL */
			if (!notes[i].kind)
				notes[i].kind = "note";
		}
		tmp.notes = notes;
		tmp.nnotes = (unsigned)n;
		tmp.notes_cap = (unsigned)n;
	}
	if (json_object_object_get_ex(o, "slab", &v)) {
		if (!json_object_is_type(v, json_type_object))
			return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
					  "finding 'slab' is not an object");
		if ((ret = slab_from_json(v, &tmp.slab, err)))
			return ret;
	}
	return kc_diag_copy(d, &tmp) ? 0 : -KC_ENOMEM;
}
