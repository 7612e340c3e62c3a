/* merge.c - `ksizecheck merge`: one report from the JSON outputs of shards.
 *
 *   ksizecheck --shard 1/4 --format=json -o s1.json ...   (per machine)
 *   ksizecheck merge -o all.sarif s1.json s2.json s3.json s4.json
 *
 * Findings and suppressed findings are de-duplicated (a header's finding
 * may come from several TUs), parse accounting and counters are summed,
 * notifications are concatenated, and a baseline entry counts as fixed
 * only when every shard reported it fixed (a shard that did not check the
 * file reports the file's entries as fixed too). Inputs are --format=json
 * documents (docs/json-schema.md) or ksizecheck's SARIF logs, converted by
 * sarif_read.c (fixed baseline entries are not read back from SARIF).
 */
#include "out/output.h"

#include <stdlib.h>
#include <string.h>

#include "diag/finding_json.h"
#include "out/jsonfile.h"
#include "out/sarif_read.h"
#include "util/vec.h"

struct merge_stat {
	const char *name;
	unsigned long long value;
};

struct merge_fixed {
	struct out_fixed x;
	unsigned count;
};

struct merge {
	struct kc_diag d;              /* findings */
	struct kc_diag sup;            /* suppressed findings */
	KC_VEC(json_object *) roots;   /* keep the strings alive */
	KC_VEC(struct out_removed) sup_inline;
	KC_VEC(struct out_removed) sup_base;
	KC_VEC(struct out_file_note) notes;
	KC_VEC(struct out_warning) warn;
	KC_VEC(struct merge_stat) stats;
	KC_VEC(struct merge_fixed) fixed;
	size_t tu_total, tu_parsed, tu_errors, tu_failed;
	const char *tool_version, *config, *preset, *preset_reason;
	int have_baseline;
};

static int add_stat(struct merge *m, const char *name,
		    unsigned long long value)
{
	struct merge_stat st = { name, value };
	size_t i;

	for (i = 0; i < m->stats.n; i++)
		if (!strcmp(m->stats.v[i].name, name)) {
			/* memory figures are peaks of one process: the
			 * largest, not the sum */
			if (strstr(name, "rss-kb"))
				m->stats.v[i].value = value > m->stats.v[i].value ?
					value : m->stats.v[i].value;
			else
				m->stats.v[i].value += value;
			return 0;
		}
	return KC_VEC_PUSH(&m->stats, st) ? -KC_ENOMEM : 0;
}

static int is_own_accounting(const char *k)
{
	static const char *const own[] = {
		"tu_total", "tu_parsed", "tu_parsed_with_errors", "tu_failed",
		"findings", "suppressed_inline", "suppressed_baseline",
		"baseline_fixed",
	};
	size_t i;

	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (!strcmp(k, own[i]))
			return 1;
	return 0;
}

static int merge_accounting(struct merge *m, json_object *acc)
{
	struct json_object_iterator it, end;

	if (!acc || !json_object_is_type(acc, json_type_object))
		return 0;
	m->tu_total += (size_t)kc_jint(acc, "tu_total");
	m->tu_parsed += (size_t)kc_jint(acc, "tu_parsed");
	m->tu_errors += (size_t)kc_jint(acc, "tu_parsed_with_errors");
	m->tu_failed += (size_t)kc_jint(acc, "tu_failed");
	it = json_object_iter_begin(acc);
	end = json_object_iter_end(acc);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		const char *k = json_object_iter_peek_name(&it);
		json_object *v = json_object_iter_peek_value(&it);

		if (is_own_accounting(k) ||
		    !json_object_is_type(v, json_type_int))
			continue;
		if (add_stat(m, k,
			     (unsigned long long)json_object_get_int64(v)))
			return -KC_ENOMEM;
	}
	return 0;
}

static int merge_suppressed(struct merge *m, json_object *arr,
			    const char *path, struct kc_err *err)
{
	size_t i, n = json_object_array_length(arr);
	int ret;

	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(arr, i), *f;
		struct out_removed r = { 0 };
		const char *kind = kc_jstr(o, "kind");

		if (!json_object_object_get_ex(o, "finding", &f))
			return kc_err_set(err, KC_EPARSE, path, 0, 0,
					  "suppressed entry %zu has no 'finding'",
					  i + 1);
		ret = kc_finding_from_json(&m->sup, f, err);
		if (ret) {
			snprintf(err->file, sizeof(err->file), "%s", path);
			return ret;
		}
		r.f = m->sup.v[m->sup.n - 1];
		r.why = kc_jstr(o, "reason");
		r.file = kc_jstr(o, "file");
		r.line = (unsigned)kc_jint(o, "line");
		if (kind && !strcmp(kind, "baseline")) {
			r.why = "baseline";
			r.file = NULL;
			ret = KC_VEC_PUSH(&m->sup_base, r);
		} else {
			ret = KC_VEC_PUSH(&m->sup_inline, r);
		}
		if (ret)
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	}
	return 0;
}

static int merge_fixed(struct merge *m, json_object *arr)
{
	size_t i, j, n = json_object_array_length(arr);

	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(arr, i);
		struct merge_fixed x = { 0 };

		x.x.rule = kc_jstr(o, "rule");
		x.x.file = kc_jstr(o, "file");
		x.x.function = kc_jstr(o, "function");
		x.x.line = (unsigned)kc_jint(o, "line");
		x.x.fingerprint = kc_jstr(o, "fingerprint");
		x.x.message = kc_jstr(o, "message");
		if (!x.x.rule || !x.x.file || !x.x.fingerprint)
			continue;
		for (j = 0; j < m->fixed.n; j++) {
			struct out_fixed *y = &m->fixed.v[j].x;

			if (!strcmp(y->rule, x.x.rule) &&
			    !strcmp(y->file, x.x.file) &&
			    !strcmp(y->fingerprint, x.x.fingerprint))
				break;
		}
		if (j < m->fixed.n) {
			m->fixed.v[j].count++;
			continue;
		}
		x.count = 1;
		if (KC_VEC_PUSH(&m->fixed, x))
			return -KC_ENOMEM;
	}
	return 0;
}

static int merge_notes(struct merge *m, json_object *arr)
{
	size_t i, n = json_object_array_length(arr);

	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(arr, i), *l;

		if (json_object_object_get_ex(o, "line", &l)) {
			struct out_warning w = { kc_jstr(o, "file"),
				(unsigned)kc_jint(o, "line"), kc_jstr(o, "message") };

			if (!w.msg)
				continue;
			if (KC_VEC_PUSH(&m->warn, w))
				return -KC_ENOMEM;
		} else {
			struct out_file_note fn = { kc_jstr(o, "file"),
				kc_jstr(o, "level"), kc_jstr(o, "message") };

			if (!fn.message)
				continue;
			if (KC_VEC_PUSH(&m->notes, fn))
				return -KC_ENOMEM;
		}
	}
	return 0;
}

static int merge_file(struct merge *m, const char *path, struct kc_err *err)
{
	json_object *root, *v;
	char *text;
	size_t i, n;
	int ret;

	ret = out_json_read(path, &root, &text, err);
	if (ret)
		return ret;
	if (KC_VEC_PUSH(&m->roots, root)) {
		json_object_put(root);
		free(text);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if (!json_object_is_type(root, json_type_object)) {
		free(text);
		return kc_err_set(err, KC_EPARSE, path, 1, 0,
				  "not a ksizecheck JSON or SARIF document");
	}
	if (json_object_object_get_ex(root, "runs", &v)) {
		json_object *doc;

		ret = out_sarif_to_doc(root, &doc, err);
		if (ret) {
			free(text);
			snprintf(err->file, sizeof(err->file), "%s", path);
			err->line = 1;
			return ret;
		}
		if (KC_VEC_PUSH(&m->roots, doc)) {
			json_object_put(doc);
			free(text);
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
		}
		root = doc;
		free(text);
		text = strdup("");
		if (!text)
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	}
	if (kc_jint(root, "version") != OUT_JSON_VERSION) {
		ret = kc_err_set(err, KC_EPARSE, path,
				 out_json_line(text, "version", -1), 0,
				 "unsupported document version (expected %d)",
				 OUT_JSON_VERSION);
		free(text);
		return ret;
	}
	if (json_object_object_get_ex(root, "tool", &v) && !m->tool_version)
		m->tool_version = kc_jstr(v, "version");
	if (!m->config)
		m->config = kc_jstr(root, "config");
	if (!m->preset && json_object_object_get_ex(root, "slab_preset", &v)) {
		m->preset = kc_jstr(v, "id");
		m->preset_reason = kc_jstr(v, "reason");
	}
	if (!json_object_object_get_ex(root, "findings", &v) ||
	    !json_object_is_type(v, json_type_array)) {
		ret = kc_err_set(err, KC_EPARSE, path,
				 out_json_line(text, "findings", -1), 0,
				 "document has no 'findings' array");
		free(text);
		return ret;
	}
	n = json_object_array_length(v);
	for (i = 0; i < n; i++) {
		ret = kc_finding_from_json(&m->d,
					   json_object_array_get_idx(v, i),
					   err);
		if (ret) {
			unsigned line = out_json_line(text, "findings",
						      (long)i);

			free(text);
			err->line = line;
			snprintf(err->file, sizeof(err->file), "%s", path);
			return ret;
		}
	}
	free(text);
	if (json_object_object_get_ex(root, "suppressed", &v) &&
	    json_object_is_type(v, json_type_array) &&
	    (ret = merge_suppressed(m, v, path, err)))
		return ret;
	if (json_object_object_get_ex(root, "fixed", &v) &&
	    json_object_is_type(v, json_type_array) &&
	    merge_fixed(m, v))
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	if (json_object_object_get_ex(root, "notifications", &v) &&
	    json_object_is_type(v, json_type_array) && merge_notes(m, v))
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	if (json_object_object_get_ex(root, "accounting", &v)) {
		if (kc_jint(v, "suppressed_baseline") || kc_jint(v, "baseline_fixed"))
			m->have_baseline = 1;
		if (merge_accounting(m, v))
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	}
	return 0;
}

static void merge_release(struct merge *m)
{
	size_t i;

	kc_diag_release(&m->d);
	kc_diag_release(&m->sup);
	for (i = 0; i < m->roots.n; i++)
		json_object_put(m->roots.v[i]);
	KC_VEC_FREE(&m->roots);
	KC_VEC_FREE(&m->sup_inline);
	KC_VEC_FREE(&m->sup_base);
	KC_VEC_FREE(&m->notes);
	KC_VEC_FREE(&m->warn);
	KC_VEC_FREE(&m->stats);
	KC_VEC_FREE(&m->fixed);
}

/* Drops removed entries whose finding equals an earlier one. */
static size_t dedup_removed(struct out_removed *v, size_t n)
{
	size_t i, j, k = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < k; j++) {
			const struct kc_finding *a = v[j].f, *b = v[i].f;

			if (a->rule == b->rule && a->loc.line == b->loc.line &&
			    a->loc.col == b->loc.col &&
			    !strcmp(a->loc.file, b->loc.file) &&
			    !strcmp(a->message, b->message))
				break;
		}
		if (j == k)
			v[k++] = v[i];
	}
	return k;
}

static int usage(void)
{
	fprintf(stderr, "usage: ksizecheck merge [--format=text|json|sarif] [--fail-on=error|warning|any|none] [-o FILE] SHARD.json...\n");
	return 2;
}

static int report(const struct kc_err *err)
{
	char buf[2048];

	kc_err_format(err, buf, sizeof(buf));
	fprintf(stderr, "ksizecheck: %s\n", buf);
	return 2;
}

int kc_merge_main(int argc, char **argv)
{
	struct merge m;
	struct kc_err err = { 0 };
	struct out_suppress_stats sup = { 0 };
	struct out_baseline_result base = { 0 };
	struct out_run_info run = { 0 };
	enum out_format fmt = OUT_FORMAT_JSON;
	enum out_fail_on pol = OUT_FAIL_ON_ANY;
	const char *out_path = NULL, *fmt_arg = NULL;
	const char **names = NULL;
	unsigned long long *values = NULL;
	size_t i, ninputs = 0, k;
	FILE *out = stdout;
	int ret = 0, a;

	memset(&m, 0, sizeof(m));
	kc_diag_init(&m.d);
	kc_diag_init(&m.sup);
	for (a = 1; a < argc && !ret; a++) {
		const char *s = argv[a];

		if (!strcmp(s, "-o") && a + 1 < argc)
			out_path = argv[++a];
		else if (!strncmp(s, "--format=", 9))
			fmt_arg = s + 9;
		else if (!strcmp(s, "--format") && a + 1 < argc)
			fmt_arg = argv[++a];
		else if (!strncmp(s, "--fail-on=", 10))
			ret = out_fail_on_parse(s + 10, &pol, &err);
		else if (!strcmp(s, "--fail-on") && a + 1 < argc)
			ret = out_fail_on_parse(argv[++a], &pol, &err);
		else if (s[0] == '-' && s[1])
			ret = kc_err_set(&err, KC_EUSAGE, NULL, 0, 0,
					 "merge: unknown option '%s'", s);
		else {
			ninputs++;
			ret = merge_file(&m, s, &err);
		}
	}
	if (!ret && !ninputs) {
		merge_release(&m);
		return usage();
	}
	if (!ret && fmt_arg)
		ret = out_format_parse(fmt_arg, &fmt, &err);
	else if (!ret && out_path && out_format_from_path(out_path) >= 0)
		fmt = (enum out_format)out_format_from_path(out_path);
	if (ret) {
		merge_release(&m);
		return report(&err);
	}
	kc_diag_sort_unique(&m.d);
	sup.removed = m.sup_inline.v;
	sup.nremoved = sup.nsuppressed = dedup_removed(m.sup_inline.v,
						       m.sup_inline.n);
	sup.warn = m.warn.v;
	sup.nwarn = m.warn.n;
	base.removed = m.sup_base.v;
	base.nremoved = base.nsuppressed = dedup_removed(m.sup_base.v,
							 m.sup_base.n);
	base.fixed = calloc(m.fixed.n ? m.fixed.n : 1, sizeof(*base.fixed));
	names = calloc(m.stats.n ? m.stats.n : 1, sizeof(*names));
	values = calloc(m.stats.n ? m.stats.n : 1, sizeof(*values));
	if (!base.fixed || !names || !values) {
		ret = kc_err_set(&err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0, k = 0; i < m.fixed.n; i++)
		if (m.fixed.v[i].count == ninputs)
			base.fixed[k++] = m.fixed.v[i].x;
	base.nfixed = k;
	for (i = 0; i < m.stats.n; i++) {
		names[i] = m.stats.v[i].name;
		values[i] = m.stats.v[i].value;
	}
	run.tool_version = m.tool_version;
	run.config = m.config;
	run.slab_preset = m.preset;
	run.slab_preset_reason = m.preset_reason;
	run.tu_total = m.tu_total;
	run.tu_parsed = m.tu_parsed;
	run.tu_parsed_with_errors = m.tu_errors;
	run.tu_failed = m.tu_failed;
	run.notes = m.notes.v;
	run.nnotes = m.notes.n;
	run.stat_names = names;
	run.stat_values = values;
	run.nstats = m.stats.n;
	run.suppress = &sup;
	run.baseline = m.have_baseline || base.nremoved ? &base : NULL;
	if (out_path) {
		out = fopen(out_path, "w");
		if (!out) {
			ret = kc_err_set(&err, KC_EIO, out_path, 0, 0,
					 "cannot write '%s'", out_path);
			goto done;
		}
	}
	ret = out_write(&m.d, fmt, &run, out, &err);
	if (out != stdout && fclose(out) && !ret)
		ret = kc_err_set(&err, KC_EIO, out_path, 0, 0,
				 "cannot write '%s'", out_path);
done:
	free(base.fixed);
	free(names);
	free(values);
	if (ret) {
		merge_release(&m);
		return report(&err);
	}
	a = out_exit_code(&m.d, pol);
	merge_release(&m);
	return a;
}
