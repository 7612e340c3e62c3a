/* baseline.c - known findings recorded in a file, so CI fails on new ones.
 *
 *   {"version": 1, "tool": "ksizecheck 0.1.0",
 *    "findings": [{"rule": "slack-write", "file": "drivers/x.c",
 *                  "function": "f", "line": 12, "fingerprint": "..:0",
 *                  "message": "..."}]}
 *
 * A finding matches an entry with the same rule, file (relative to the
 * current directory, see out_rel_path()) and fingerprint; line numbers are
 * informational, so a moved finding still matches. A second pass matches
 * by the fingerprint hash without its occurrence index. Each entry matches
 * at most once; entries left over are reported as fixed.
 */
#include "out/output.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag/finding_json.h"
#include "out/jsonfile.h"
#include "util/atomic_file.h"

struct entry {
	const char *rule, *file, *function, *fingerprint, *message;
	unsigned line;
	int used;
};

static int entry_str(json_object *o, const char *key, const char **out,
		     int required, const char *path, unsigned line,
		     struct kc_err *err)
{
	json_object *v;

	*out = NULL;
	if (!json_object_object_get_ex(o, key, &v) ||
	    json_object_is_type(v, json_type_null)) {
		if (!required)
			return 0;
		return kc_err_set(err, KC_EPARSE, path, line, 0,
				  "baseline entry has no '%s'", key);
	}
	if (!json_object_is_type(v, json_type_string))
		return kc_err_set(err, KC_EPARSE, path, line, 0,
				  "baseline entry field '%s' is not a string",
				  key);
	*out = json_object_get_string(v);
	return 0;
}

static int parse_entries(json_object *root, const char *text,
			 const char *path, struct entry **out, size_t *nout,
			 struct kc_err *err)
{
	json_object *v, *arr;
	struct entry *e;
	size_t i, n;
	int ret;

	*out = NULL;
	*nout = 0;
	if (!json_object_is_type(root, json_type_object))
		return kc_err_set(err, KC_EPARSE, path, 1, 0,
				  "baseline is not a JSON object");
	if (!json_object_object_get_ex(root, "version", &v) ||
	    !json_object_is_type(v, json_type_int))
		return kc_err_set(err, KC_EPARSE, path,
				  out_json_line(text, "version", -1), 0,
				  "baseline has no integer 'version'");
	if (json_object_get_int(v) != OUT_BASELINE_VERSION)
		return kc_err_set(err, KC_EPARSE, path,
				  out_json_line(text, "version", -1), 0,
				  "unsupported baseline version %d (expected %d)",
				  json_object_get_int(v), OUT_BASELINE_VERSION);
	if (!json_object_object_get_ex(root, "findings", &arr) ||
	    !json_object_is_type(arr, json_type_array))
		return kc_err_set(err, KC_EPARSE, path,
				  out_json_line(text, "findings", -1), 0,
				  "baseline has no 'findings' array");
	n = json_object_array_length(arr);
	e = calloc(n ? n : 1, sizeof(*e));
	if (!e)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(arr, i), *l;
		unsigned line = out_json_line(text, "findings", (long)i);

		if (!json_object_is_type(o, json_type_object)) {
			ret = kc_err_set(err, KC_EPARSE, path, line, 0,
					 "baseline entry %zu is not an object",
					 i + 1);
			goto fail;
		}
		if ((ret = entry_str(o, "rule", &e[i].rule, 1, path, line,
				     err)) ||
		    (ret = entry_str(o, "file", &e[i].file, 1, path, line,
				     err)) ||
		    (ret = entry_str(o, "fingerprint", &e[i].fingerprint, 1,
				     path, line, err)) ||
		    (ret = entry_str(o, "function", &e[i].function, 0, path,
				     line, err)) ||
		    (ret = entry_str(o, "message", &e[i].message, 0, path,
				     line, err)))
			goto fail;
		if (kc_rule_by_id(e[i].rule) < 0) {
			ret = kc_err_set(err, KC_EPARSE, path, line, 0,
					 "baseline entry has unknown rule '%s'",
					 e[i].rule);
			goto fail;
		}
		if (json_object_object_get_ex(o, "line", &l)) {
			if (!json_object_is_type(l, json_type_int) ||
			    json_object_get_int64(l) < 0) {
				ret = kc_err_set(err, KC_EPARSE, path, line, 0,
						 "baseline entry 'line' is not a line number");
				goto fail;
			}
			e[i].line = (unsigned)json_object_get_int64(l);
		}
	}
	*out = e;
	*nout = n;
	return 0;
fail:
	free(e);
	return ret;
}

/* Compares fingerprints whole, or (exact == 0) up to the ':'. */
static int fp_eq(const char *a, const char *b, int exact)
{
	size_t la, lb;

	if (exact)
		return !strcmp(a, b);
	la = strcspn(a, ":");
	lb = strcspn(b, ":");
	return la == lb && !strncmp(a, b, la);
}

static struct entry *match(struct entry *e, size_t n,
			   const struct kc_finding *f, const char *rel,
			   int exact)
{
	const char *id = kc_rule_info(f->rule)->id;
	size_t i;

	for (i = 0; i < n; i++) {
		if (e[i].used || strcmp(e[i].rule, id) ||
		    strcmp(e[i].file, rel) ||
		    !fp_eq(e[i].fingerprint, f->fingerprint, exact))
			continue;
		return &e[i];
	}
	return NULL;
}

int out_apply_baseline(struct kc_diag *d, const char *baseline_path,
		       struct out_baseline_result *res, struct kc_err *err)
{
	json_object *root;
	struct entry *e;
	char *text, rel[PATH_MAX];
	unsigned char *gone = NULL;
	size_t n, i, j;
	int pass, ret;

	memset(res, 0, sizeof(*res));
	ret = out_fingerprint_all(d, err);
	if (ret)
		return ret;
	ret = out_json_read(baseline_path, &root, &text, err);
	if (ret)
		return ret;
	ret = parse_entries(root, text, baseline_path, &e, &n, err);
	free(text);
	if (ret) {
		json_object_put(root);
		return ret;
	}
	res->json = root;
	res->nentries = n;
	gone = calloc(d->n ? d->n : 1, 1);
	res->removed = calloc(d->n ? d->n : 1, sizeof(*res->removed));
	res->fixed = calloc(n ? n : 1, sizeof(*res->fixed));
	if (!gone || !res->removed || !res->fixed) {
		free(gone);
		free(e);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (pass = 1; pass >= 0; pass--) {
		for (i = 0; i < d->n; i++) {
			struct entry *m;

			if (gone[i] || !d->v[i]->fingerprint)
				continue;
			out_rel_path(d->v[i]->loc.file, rel, sizeof(rel));
			m = match(e, n, d->v[i], rel, pass);
			if (!m)
				continue;
			m->used = 1;
			gone[i] = 1;
		}
	}
	for (i = 0, j = 0; i < d->n; i++) {
		if (!gone[i]) {
			d->v[j++] = d->v[i];
			continue;
		}
		res->removed[res->nremoved].f = d->v[i];
		res->removed[res->nremoved].why = "baseline";
		res->nremoved++;
	}
	d->n = j;
	res->nsuppressed = res->nremoved;
	for (i = 0; i < n; i++) {
		struct out_fixed *x;

		if (e[i].used)
			continue;
		x = &res->fixed[res->nfixed++];
		x->rule = e[i].rule;
		x->file = e[i].file;
		x->function = e[i].function;
		x->line = e[i].line;
		x->fingerprint = e[i].fingerprint;
		x->message = e[i].message;
	}
	free(gone);
	free(e);
	return 0;
}

void out_baseline_result_release(struct out_baseline_result *res)
{
	free(res->removed);
	free(res->fixed);
	free(res->strings);
	if (res->json)
		json_object_put(res->json);
	memset(res, 0, sizeof(*res));
}

static json_object *entry_json(const struct kc_finding *f)
{
	json_object *o = json_object_new_object();
	char rel[PATH_MAX];
	int bad = 0;

	if (!o)
		return NULL;
	out_rel_path(f->loc.file, rel, sizeof(rel));
	bad |= json_object_object_add(o, "rule",
		json_object_new_string(kc_rule_info(f->rule)->id));
	bad |= json_object_object_add(o, "file", json_object_new_string(rel));
	if (f->function)
		bad |= json_object_object_add(o, "function",
			json_object_new_string(f->function));
	bad |= json_object_object_add(o, "line",
		json_object_new_int64(f->loc.line));
	bad |= json_object_object_add(o, "fingerprint",
		json_object_new_string(f->fingerprint ? f->fingerprint : ""));
	bad |= json_object_object_add(o, "message",
		json_object_new_string(f->message ? f->message : ""));
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

int out_write_baseline(const struct kc_diag *d, const char *path,
		       struct kc_err *err)
{
	json_object *root = json_object_new_object(), *arr;
	struct kc_iobuf v;
	const char *s;
	char *text = NULL;
	size_t i, len = 0;
	FILE *f;
	int bad = 0, e;

	arr = json_object_new_array();
	if (!root || !arr) {
		json_object_put(root);
		json_object_put(arr);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	bad |= json_object_object_add(root, "version",
		json_object_new_int(OUT_BASELINE_VERSION));
	bad |= json_object_object_add(root, "tool",
		json_object_new_string("ksizecheck " KC_VERSION));
	bad |= json_object_object_add(root, "findings", arr);
	for (i = 0; i < d->n && !bad; i++) {
		json_object *o = entry_json(d->v[i]);

		if (!o || json_object_array_add(arr, o)) {
			json_object_put(o);
			bad = 1;
		}
	}
	s = bad ? NULL : json_object_to_json_string_ext(root,
		JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
		JSON_C_TO_STRING_NOSLASHESCAPE);
	if (!s) {
		json_object_put(root);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	/* valid UTF-8 in memory, then the file replaced at once */
	f = open_memstream(&text, &len);
	if (!f) {
		json_object_put(root);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	out_utf8_fputs(s, f);
	fputc('\n', f);
	json_object_put(root);
	if (ferror(f) | fclose(f)) {
		free(text);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	v.p = text;
	v.n = len;
	if (kc_write_atomic(path, &v, 1, 0)) {
		e = errno;
		free(text);
		return kc_err_set(err, KC_EIO, path, 0, 0,
				  "cannot write baseline '%s': %s", path,
				  strerror(e));
	}
	free(text);
	return 0;
}

int out_baseline_print_fixed(const struct out_baseline_result *res,
			     FILE *out)
{
	size_t i;

	for (i = 0; i < res->nfixed; i++) {
		const struct out_fixed *x = &res->fixed[i];

		fprintf(out, "%s:%u: fixed: %s [%s] (baseline entry%s%s%s no longer matches)\n",
			x->file, x->line, x->message ? x->message : "",
			x->rule, x->function ? " in '" : "",
			x->function ? x->function : "",
			x->function ? "'" : "");
	}
	return ferror(out) ? -KC_EIO : 0;
}
