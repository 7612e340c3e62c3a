/* fix_findings.c - --fix glue: turns the run's findings into fix requests
 * with each file's directory and libclang flags (from its TU), then runs
 * fix_run(). Kept apart from fix.c, which knows nothing of the driver.
 */
#include "fix/fix.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "driver/flags.h"
#include "driver/run.h"
#include "util/rulesdir.h"
#include "util/strbuf.h"

/* Absolute form of file as seen from dir (NULL: cwd); heap, or NULL. */
static char *abs_path(const char *dir, const char *file)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	char *r;

	if (file[0] != '/' && dir && kc_strbuf_addf(&sb, "%s/", dir))
		goto oom;
	if (kc_strbuf_adds(&sb, file))
		goto oom;
	r = realpath(sb.buf, NULL);
	kc_strbuf_release(&sb);
	return r;
oom:
	kc_strbuf_release(&sb);
	return NULL;
}

/* The TU whose main file is file (as printed in findings), or NULL. */
static const struct kc_tu *tu_for_file(const struct kc_tu_list *tus,
				       const char *file)
{
	char *want = abs_path(NULL, file);
	const struct kc_tu *hit = NULL;
	size_t i;

	for (i = 0; i < tus->n && !hit; i++) {
		const struct kc_tu *t = &tus->v[i];
		char *have;

		if (!strcmp(t->file, file)) {
			hit = t;
			break;
		}
		have = abs_path(t->dir, t->file);
		if (want && have && !strcmp(want, have))
			hit = t;
		if (!hit && have && t->dir) {
			/* findings are printed relative to the TU's dir */
			char *rel = abs_path(t->dir, file);

			if (rel && !strcmp(rel, have))
				hit = t;
			free(rel);
		}
		free(have);
	}
	free(want);
	return hit;
}

int kc_fix_findings(enum fix_mode mode, const char *rules_dir,
		    const char *root, const struct kc_diag *d, const struct kc_tu_list *tus,
		    FILE *out, struct kc_err *err)
{
	struct kc_flag_table *flags = NULL;
	struct fix_request *reqs = NULL;
	const char ***vecs = NULL;
	struct kc_strbuf path = KC_STRBUF_INIT;
	size_t n = 0, i;
	int ret;

	ret = fix_requests_from_diag(d, &reqs, &n, err);
	if (ret || !n)
		goto out;
	if (kc_strbuf_addf(&path, "%s/flags.tbl", kc_rules_dir(rules_dir))) {
		ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	ret = kc_flags_load(path.buf, &flags, err);
	if (ret)
		goto out;
	vecs = calloc(n, sizeof(*vecs));
	if (!vecs) {
		ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < n; i++) {
		const struct kc_tu *t = tu_for_file(tus, reqs[i].file);
		const char **unknown = NULL;
		int nargs = 0;

		/* diffs apply from the directory ksizecheck runs in, which
		 * in kernel mode is the tree root (--tree) */
		if (root)
			reqs[i].root = root;
		if (!t)
			continue; /* a header: fixed without flags */
		reqs[i].dir = t->dir;
		vecs[i] = kc_flags_translate(flags, t->argv, t->argc, &nargs,
					     &unknown);
		free(unknown); /* already reported by the analysis run */
		if (!vecs[i]) {
			ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					 "out of memory");
			goto out;
		}
		reqs[i].cflags = vecs[i];
		reqs[i].ncflags = (size_t)nargs;
	}
	ret = fix_run(reqs, n, mode, NULL, out, err);
out:
	if (vecs)
		for (i = 0; i < n; i++)
			free(vecs[i]);
	free(vecs);
	free(reqs);
	kc_flags_free(flags);
	kc_strbuf_release(&path);
	return ret;
}
