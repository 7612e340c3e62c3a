/* json_out.c - the versioned --format=json document (docs/json-schema.md).
 *
 * Each finding is kc_finding_to_json() (diag/finding_json.h), the one JSON
 * form of a finding; this file only wraps the findings with the tool, the
 * parse accounting, notifications, suppressed findings and fixed baseline
 * entries.
 */
#include "out/writers.h"

#include "diag/finding_json.h"
#include "out/jsonfile.h"

static int add_removed(json_object *arr, const struct out_removed *r,
		       size_t n, const char *kind)
{
	size_t i;

	for (i = 0; i < n; i++) {
		json_object *o = json_object_new_object();
		int bad = 0;

		bad |= kc_jadd(o, "finding", kc_finding_to_json(r[i].f));
		bad |= kc_jadd_str(o, "kind", kind);
		if (r[i].file) {
			bad |= kc_jadd_str(o, "reason", r[i].why);
			bad |= kc_jadd_str(o, "file", r[i].file);
			bad |= kc_jadd_int(o, "line", r[i].line);
		}
		if (bad || kc_jadd(arr, NULL, o))
			return -1;
	}
	return 0;
}

static json_object *accounting(const struct kc_diag *d,
			       const struct out_run_info *run)
{
	json_object *a = json_object_new_object();
	size_t i;
	int bad = 0;

	bad |= kc_jadd_int(a, "tu_total", (long long)run->tu_total);
	bad |= kc_jadd_int(a, "tu_parsed", (long long)run->tu_parsed);
	bad |= kc_jadd_int(a, "tu_parsed_with_errors",
			    (long long)run->tu_parsed_with_errors);
	bad |= kc_jadd_int(a, "tu_failed", (long long)run->tu_failed);
	bad |= kc_jadd_int(a, "findings", (long long)d->n);
	bad |= kc_jadd_int(a, "suppressed_inline", run->suppress ?
			    (long long)run->suppress->nsuppressed : 0);
	bad |= kc_jadd_int(a, "suppressed_baseline", run->baseline ?
			    (long long)run->baseline->nsuppressed : 0);
	bad |= kc_jadd_int(a, "baseline_fixed", run->baseline ?
			    (long long)run->baseline->nfixed : 0);
	for (i = 0; i < run->nstats; i++)
		bad |= kc_jadd(a, run->stat_names[i],
				json_object_new_uint64(run->stat_values[i]));
	if (bad) {
		json_object_put(a);
		return NULL;
	}
	return a;
}

json_object *out_slab_preset_json(const struct out_run_info *run)
{
	json_object *sp = json_object_new_object();

	if (kc_jadd_str(sp, "id", run->slab_preset) ||
	    kc_jadd_str(sp, "reason", run->slab_preset_reason)) {
		json_object_put(sp);
		return NULL;
	}
	return sp;
}

json_object *out_json_document(const struct kc_diag *d,
			       const struct out_run_info *run)
{
	json_object *doc = json_object_new_object();
	json_object *tool = json_object_new_object();
	json_object *arr;
	size_t i;
	int bad = 0;

	bad |= kc_jadd_int(doc, "version", OUT_JSON_VERSION);
	bad |= kc_jadd_str(tool, "name", "ksizecheck");
	bad |= kc_jadd_str(tool, "version",
			    run->tool_version ? run->tool_version : KC_VERSION);
	bad |= kc_jadd_str(tool, "informationUri", OUT_INFORMATION_URI);
	bad |= kc_jadd(doc, "tool", tool);
	bad |= kc_jadd_str(doc, "config", run->config);
	if (run->slab_preset)
		bad |= kc_jadd(doc, "slab_preset", out_slab_preset_json(run));
	bad |= kc_jadd_str(doc, "command_line", run->command_line);

	arr = json_object_new_array();
	for (i = 0; i < d->n && !bad; i++)
		bad |= kc_jadd(arr, NULL, kc_finding_to_json(d->v[i]));
	bad |= kc_jadd(doc, "findings", arr);

	arr = json_object_new_array();
	if (run->suppress)
		bad |= add_removed(arr, run->suppress->removed,
				   run->suppress->nremoved, "inSource");
	if (run->baseline)
		bad |= add_removed(arr, run->baseline->removed,
				   run->baseline->nremoved, "baseline");
	bad |= kc_jadd(doc, "suppressed", arr);

	arr = json_object_new_array();
	for (i = 0; run->baseline && i < run->baseline->nfixed; i++) {
		const struct out_fixed *x = &run->baseline->fixed[i];
		json_object *o = json_object_new_object();

		bad |= kc_jadd_str(o, "rule", x->rule);
		bad |= kc_jadd_str(o, "file", x->file);
		bad |= kc_jadd_str(o, "function", x->function);
		bad |= kc_jadd_int(o, "line", x->line);
		bad |= kc_jadd_str(o, "fingerprint", x->fingerprint);
		bad |= kc_jadd_str(o, "message", x->message);
		bad |= kc_jadd(arr, NULL, o);
	}
	bad |= kc_jadd(doc, "fixed", arr);

	arr = json_object_new_array();
	for (i = 0; i < run->nnotes; i++) {
		json_object *o = json_object_new_object();

		bad |= kc_jadd_str(o, "file", run->notes[i].file);
		bad |= kc_jadd_str(o, "level", run->notes[i].level);
		bad |= kc_jadd_str(o, "message", run->notes[i].message);
		bad |= kc_jadd(arr, NULL, o);
	}
	for (i = 0; run->suppress && i < run->suppress->nwarn; i++) {
		const struct out_warning *w = &run->suppress->warn[i];
		json_object *o = json_object_new_object();

		bad |= kc_jadd_str(o, "file", w->file);
		bad |= kc_jadd_int(o, "line", w->line);
		bad |= kc_jadd_str(o, "level", "warning");
		bad |= kc_jadd_str(o, "message", w->msg);
		bad |= kc_jadd(arr, NULL, o);
	}
	bad |= kc_jadd(doc, "notifications", arr);
	bad |= kc_jadd(doc, "accounting", accounting(d, run));
	if (bad) {
		json_object_put(doc);
		return NULL;
	}
	return doc;
}

int out_write_json(const struct kc_diag *d, const struct out_run_info *run,
		   FILE *out)
{
	return out_json_emit(out_json_document(d, run), out);
}
