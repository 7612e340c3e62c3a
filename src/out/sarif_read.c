/* sarif_read.c - turns a SARIF log written by ksizecheck back into the
 * --format=json document, so `ksizecheck merge` accepts both.
 *
 * Everything a finding has survives the round trip (rule, level, message,
 * location, function, notes with their kinds, fingerprint, slab numbers,
 * fix script), as do suppressed results (with --sarif-suppressed), the
 * accounting and the parse notifications. Fixed baseline entries are only
 * notifications in SARIF and are not read back.
 */
#include "out/sarif_read.h"

#include <stdlib.h>
#include <string.h>

#include "out/jsonfile.h"

static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;

	if (!o || !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

static json_object *idx(json_object *a, size_t i)
{
	if (!a || !json_object_is_type(a, json_type_array) ||
	    i >= json_object_array_length(a))
		return NULL;
	return json_object_array_get_idx(a, i);
}

static const char *str(json_object *o)
{
	return o && json_object_is_type(o, json_type_string) ?
	       json_object_get_string(o) : NULL;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' :
	       c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* artifactLocation -> path (percent-decoded; file:// stripped). */
static int add_path(json_object *dst, const char *key, json_object *art)
{
	const char *uri = str(get(art, "uri"));
	char *buf;
	size_t n = 0;
	int ret;

	if (!uri)
		return out_jadd_str(dst, key, "");
	if (!strncmp(uri, "file://", 7))
		uri += 7;
	buf = malloc(strlen(uri) + 1);
	if (!buf)
		return -1;
	for (; *uri; uri++) {
		if (uri[0] == '%' && hexval(uri[1]) >= 0 &&
		    hexval(uri[2]) >= 0) {
			buf[n++] = (char)(hexval(uri[1]) * 16 + hexval(uri[2]));
			uri += 2;
		} else {
			buf[n++] = *uri;
		}
	}
	buf[n] = '\0';
	ret = out_jadd_str(dst, key, buf);
	free(buf);
	return ret;
}

/* file/line/col of a SARIF location into dst. */
static int add_loc(json_object *dst, json_object *loc)
{
	json_object *phys = get(loc, "physicalLocation");
	json_object *reg = get(phys, "region");
	int bad = 0;

	bad |= add_path(dst, "file", get(phys, "artifactLocation"));
	bad |= out_jadd_int(dst, "line",
			    reg ? json_object_get_int64(get(reg, "startLine")) : 0);
	bad |= out_jadd_int(dst, "col",
			    reg ? json_object_get_int64(get(reg, "startColumn")) : 0);
	return bad;
}

static json_object *finding(json_object *r)
{
	json_object *f = json_object_new_object();
	json_object *loc = idx(get(r, "locations"), 0), *rel, *props, *v;
	json_object *notes = json_object_new_array();
	const char *level = str(get(r, "level"));
	size_t i;
	int bad = 0;

	bad |= out_jadd_str(f, "rule", str(get(r, "ruleId")));
	bad |= out_jadd_str(f, "severity",
			    level && !strcmp(level, "none") ? "note" :
			    level ? level : "warning");
	bad |= add_loc(f, loc);
	bad |= out_jadd_str(f, "function",
		str(get(idx(get(loc, "logicalLocations"), 0), "name")));
	bad |= out_jadd_str(f, "message",
			    str(get(get(r, "message"), "text")));
	props = get(r, "properties");
	bad |= out_jadd_str(f, "fix", str(get(get(props, "fix"), "script")));
	bad |= out_jadd_str(f, "fingerprint",
		str(get(get(r, "partialFingerprints"), OUT_FINGERPRINT_KEY)));
	rel = get(r, "relatedLocations");
	for (i = 0; (v = idx(rel, i)); i++) {
		json_object *n = json_object_new_object();
		const char *kind = str(get(get(v, "properties"), "kind"));

		bad |= out_jadd_str(n, "kind", kind ? kind : "note");
		bad |= add_loc(n, v);
		bad |= out_jadd_str(n, "message",
				    str(get(get(v, "message"), "text")));
		bad |= out_jadd(notes, NULL, n);
	}
	bad |= out_jadd(f, "notes", notes);
	v = get(props, "slab");
	if (v)
		bad |= out_jadd(f, "slab", json_object_get(v));
	if (bad) {
		json_object_put(f);
		return NULL;
	}
	return f;
}

static int notifications(json_object *doc, json_object *inv)
{
	json_object *arr = json_object_new_array(), *n;
	size_t i;
	int bad = 0;

	for (i = 0; (n = idx(get(inv, "toolExecutionNotifications"), i));
	     i++) {
		const char *id = str(get(get(n, "descriptor"), "id"));
		json_object *o, *loc = idx(get(n, "locations"), 0);

		if (!id || !strcmp(id, "baseline-fixed"))
			continue;
		o = json_object_new_object();
		bad |= add_path(o, "file", get(get(loc, "physicalLocation"),
					       "artifactLocation"));
		if (!strcmp(id, "suppression"))
			bad |= out_jadd_int(o, "line", json_object_get_int64(
				get(get(get(loc, "physicalLocation"), "region"),
				    "startLine")));
		bad |= out_jadd_str(o, "level", str(get(n, "level")));
		bad |= out_jadd_str(o, "message",
				    str(get(get(n, "message"), "text")));
		bad |= out_jadd(arr, NULL, o);
	}
	return bad | out_jadd(doc, "notifications", arr);
}

int out_sarif_to_doc(json_object *sarif, json_object **doc_out,
		     struct kc_err *err)
{
	json_object *run = idx(get(sarif, "runs"), 0);
	json_object *inv = idx(get(run, "invocations"), 0);
	json_object *drv = get(get(run, "tool"), "driver");
	json_object *doc, *tool, *findings, *suppressed, *r, *acc;
	const char *name = str(get(drv, "name"));
	size_t i;
	int bad = 0;

	*doc_out = NULL;
	if (!run || !name || strcmp(name, "ksizecheck"))
		return kc_err_set(err, KC_EPARSE, NULL, 0, 0,
				  "not a SARIF log written by ksizecheck");
	doc = json_object_new_object();
	tool = json_object_new_object();
	findings = json_object_new_array();
	suppressed = json_object_new_array();
	bad |= out_jadd_int(doc, "version", OUT_JSON_VERSION);
	bad |= out_jadd_str(tool, "name", "ksizecheck");
	bad |= out_jadd_str(tool, "version", str(get(drv, "version")));
	bad |= out_jadd(doc, "tool", tool);
	bad |= out_jadd_str(doc, "config", str(get(get(inv, "properties"),
						  "slabConfiguration")));
	{
		json_object *sp = get(get(run, "properties"), "slabPreset");

		if (sp)
			bad |= out_jadd(doc, "slab_preset", json_object_get(sp));
	}
	for (i = 0; (r = idx(get(run, "results"), i)) && !bad; i++) {
		json_object *f = finding(r), *sup = idx(get(r, "suppressions"), 0);

		if (!sup) {
			bad |= out_jadd(findings, NULL, f);
			continue;
		}
		{
			json_object *s = json_object_new_object();
			const char *kind = str(get(sup, "kind"));
			int ext = kind && !strcmp(kind, "external");

			bad |= out_jadd(s, "finding", f);
			bad |= out_jadd_str(s, "kind",
					    ext ? "baseline" : "inSource");
			if (!ext) {
				json_object *loc = get(sup, "location");

				bad |= out_jadd_str(s, "reason",
					str(get(sup, "justification")));
				if (loc) {
					json_object *tmp;

					tmp = json_object_new_object();

					bad |= add_loc(tmp, loc);
					bad |= out_jadd(s, "file", json_object_get(
						get(tmp, "file")));
					bad |= out_jadd(s, "line", json_object_get(
						get(tmp, "line")));
					json_object_put(tmp);
				}
			}
			bad |= out_jadd(suppressed, NULL, s);
		}
	}
	bad |= out_jadd(doc, "findings", findings);
	bad |= out_jadd(doc, "suppressed", suppressed);
	bad |= notifications(doc, inv);
	acc = get(get(inv, "properties"), "accounting");
	if (acc)
		bad |= out_jadd(doc, "accounting", json_object_get(acc));
	if (bad) {
		json_object_put(doc);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	*doc_out = doc;
	return 0;
}
