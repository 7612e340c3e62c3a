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
	const char *uri = str(kc_jget(art, "uri"));
	char *buf;
	size_t n = 0;
	int ret;

	if (!uri)
		return kc_jadd_str(dst, key, "");
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
	ret = kc_jadd_str(dst, key, buf);
	free(buf);
	return ret;
}

/* file/line/col of a SARIF location into dst. */
static int add_loc(json_object *dst, json_object *loc)
{
	json_object *phys = kc_jget(loc, "physicalLocation");
	json_object *reg = kc_jget(phys, "region");
	int bad = 0;

	bad |= add_path(dst, "file", kc_jget(phys, "artifactLocation"));
	bad |= kc_jadd_int(dst, "line",
			    reg ? json_object_get_int64(kc_jget(reg, "startLine")) : 0);
	bad |= kc_jadd_int(dst, "col",
			    reg ? json_object_get_int64(kc_jget(reg, "startColumn")) : 0);
	return bad;
}

static json_object *finding(json_object *r)
{
	json_object *f = json_object_new_object();
	json_object *loc = idx(kc_jget(r, "locations"), 0), *rel, *props, *v;
	json_object *notes = json_object_new_array();
	const char *level = str(kc_jget(r, "level"));
	size_t i;
	int bad = 0;

	bad |= kc_jadd_str(f, "rule", str(kc_jget(r, "ruleId")));
	bad |= kc_jadd_str(f, "severity",
			    level && !strcmp(level, "none") ? "note" :
			    level ? level : "warning");
	bad |= add_loc(f, loc);
	bad |= kc_jadd_str(f, "function",
		str(kc_jget(idx(kc_jget(loc, "logicalLocations"), 0), "name")));
	bad |= kc_jadd_str(f, "message",
			    str(kc_jget(kc_jget(r, "message"), "text")));
	props = kc_jget(r, "properties");
	bad |= kc_jadd_str(f, "fix", str(kc_jget(kc_jget(props, "fix"), "script")));
	bad |= kc_jadd_str(f, "fingerprint",
		str(kc_jget(kc_jget(r, "partialFingerprints"), OUT_FINGERPRINT_KEY)));
	rel = kc_jget(r, "relatedLocations");
	for (i = 0; (v = idx(rel, i)); i++) {
		json_object *n = json_object_new_object();
		const char *kind = str(kc_jget(kc_jget(v, "properties"), "kind"));

		bad |= kc_jadd_str(n, "kind", kind ? kind : "note");
		bad |= add_loc(n, v);
		bad |= kc_jadd_str(n, "message",
				    str(kc_jget(kc_jget(v, "message"), "text")));
		bad |= kc_jadd(notes, NULL, n);
	}
	bad |= kc_jadd(f, "notes", notes);
	v = kc_jget(props, "slab");
	if (v)
		bad |= kc_jadd(f, "slab", json_object_get(v));
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

	for (i = 0; (n = idx(kc_jget(inv, "toolExecutionNotifications"), i));
	     i++) {
		const char *id = str(kc_jget(kc_jget(n, "descriptor"), "id"));
		json_object *o, *loc = idx(kc_jget(n, "locations"), 0);

		if (!id || !strcmp(id, "baseline-fixed"))
			continue;
		o = json_object_new_object();
		bad |= add_path(o, "file", kc_jget(kc_jget(loc, "physicalLocation"),
					       "artifactLocation"));
		if (!strcmp(id, "suppression"))
			bad |= kc_jadd_int(o, "line", json_object_get_int64(
				kc_jget(kc_jget(kc_jget(loc, "physicalLocation"), "region"),
				    "startLine")));
		bad |= kc_jadd_str(o, "level", str(kc_jget(n, "level")));
		bad |= kc_jadd_str(o, "message",
				    str(kc_jget(kc_jget(n, "message"), "text")));
		bad |= kc_jadd(arr, NULL, o);
	}
	return bad | kc_jadd(doc, "notifications", arr);
}

int out_sarif_to_doc(json_object *sarif, json_object **doc_out,
		     struct kc_err *err)
{
	json_object *run = idx(kc_jget(sarif, "runs"), 0);
	json_object *inv = idx(kc_jget(run, "invocations"), 0);
	json_object *drv = kc_jget(kc_jget(run, "tool"), "driver");
	json_object *doc, *tool, *findings, *suppressed, *r, *acc;
	const char *name = str(kc_jget(drv, "name"));
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
	bad |= kc_jadd_int(doc, "version", OUT_JSON_VERSION);
	bad |= kc_jadd_str(tool, "name", "ksizecheck");
	bad |= kc_jadd_str(tool, "version", str(kc_jget(drv, "version")));
	bad |= kc_jadd(doc, "tool", tool);
	bad |= kc_jadd_str(doc, "config", str(kc_jget(kc_jget(inv, "properties"),
						  "slabConfiguration")));
	{
		json_object *sp = kc_jget(kc_jget(run, "properties"), "slabPreset");

		if (sp)
			bad |= kc_jadd(doc, "slab_preset", json_object_get(sp));
	}
	for (i = 0; (r = idx(kc_jget(run, "results"), i)) && !bad; i++) {
		json_object *f = finding(r), *sup = idx(kc_jget(r, "suppressions"), 0);

		if (!sup) {
			bad |= kc_jadd(findings, NULL, f);
			continue;
		}
		{
			json_object *s = json_object_new_object();
			const char *kind = str(kc_jget(sup, "kind"));
			int ext = kind && !strcmp(kind, "external");

			bad |= kc_jadd(s, "finding", f);
			bad |= kc_jadd_str(s, "kind",
					    ext ? "baseline" : "inSource");
			if (!ext) {
				json_object *loc = kc_jget(sup, "location");

				bad |= kc_jadd_str(s, "reason",
					str(kc_jget(sup, "justification")));
				if (loc) {
					json_object *tmp;

					tmp = json_object_new_object();

					bad |= add_loc(tmp, loc);
					bad |= kc_jadd(s, "file", json_object_get(
						kc_jget(tmp, "file")));
					bad |= kc_jadd(s, "line", json_object_get(
						kc_jget(tmp, "line")));
					json_object_put(tmp);
				}
			}
			bad |= kc_jadd(suppressed, NULL, s);
		}
	}
	bad |= kc_jadd(doc, "findings", findings);
	bad |= kc_jadd(doc, "suppressed", suppressed);
	bad |= notifications(doc, inv);
	acc = kc_jget(kc_jget(inv, "properties"), "accounting");
	if (acc)
		bad |= kc_jadd(doc, "accounting", json_object_get(acc));
	if (bad) {
		json_object_put(doc);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	*doc_out = doc;
	return 0;
}
