/* finish.c - the whole output stage for main, in three calls:
 *
 *   out_config_load(o.config_file, &cfg, &err);   (unless --no-config)
 *   out_config_apply(&cfg, &o, &err);              config under options
 *   out_rules_mask(&cfg, &o, &mask, &err);         for kc_analysis_env
 *   ... kc_run(), kc_diag_sort_unique() ...
 *   out_finish(&diag, &o, &run, stderr, &code, &err);
 *
 * out_finish() fingerprints, applies suppressions and the baseline, writes
 * the baseline and the report (-o or stdout), prints suppression warnings
 * (and with --stats the suppression list) and fixed baseline entries, and
 * computes the findings part of the exit status.
 */
#include "out/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"

static int strlist_add(struct kc_strlist *l, const char *s)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? 2 * l->cap : 8;
		const char **nv = realloc(l->v, ncap * sizeof(*nv));

		if (!nv)
			return -KC_ENOMEM;
		l->v = nv;
		l->cap = ncap;
	}
	l->v[l->n++] = s;
	return 0;
}

int out_config_apply(const struct out_config *cfg, struct kc_opts *o,
		     struct kc_err *err)
{
	enum out_fail_on p;
	size_t i;

	if (!cfg || !cfg->path[0])
		return 0;
	if (!o->slab_config && cfg->slab_config[0])
		o->slab_config = cfg->slab_config;
	if (!o->baseline && cfg->baseline[0])
		o->baseline = cfg->baseline;
	if (!o->fail_on_set && cfg->fail_on[0]) {
		if (out_fail_on_parse(cfg->fail_on, &p, err))
			return -KC_EPARSE;
		o->fail_on = (int)p;
		o->fail_on_set = 1;
	}
	if (!o->cache_max_size)
		o->cache_max_size = cfg->cache_max_size;
	for (i = 0; i < cfg->nrules_files; i++)
		if (strlist_add(&o->rules, cfg->rules_files[i]))
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	return 0;
}

int out_rules_mask(const struct out_config *cfg, const struct kc_opts *o,
		   unsigned *mask, struct kc_err *err)
{
	unsigned m = 0;
	size_t i;
	int r;

	for (r = 0; r < KC_RULE_COUNT; r++)
		if (out_config_rule_enabled(cfg, r))
			m |= 1u << r;
	if (o && o->enable.n) {
		/* --enable on the command line: only those (plus config) */
		m = 0;
		for (r = 0; cfg && r < KC_RULE_COUNT; r++)
			if (cfg->rule_state[r] == 1)
				m |= 1u << r;
	}
	for (i = 0; o && i < o->enable.n; i++) {
		r = kc_rule_by_id(o->enable.v[i]);
		if (r < 0)
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "unknown rule '%s' (see --list-rules)",
					  o->enable.v[i]);
		m |= 1u << r;
	}
	for (i = 0; o && i < o->disable.n; i++) {
		r = kc_rule_by_id(o->disable.v[i]);
		if (r < 0)
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "unknown rule '%s' (see --list-rules)",
					  o->disable.v[i]);
		m &= ~(1u << r);
	}
	*mask = m;
	return 0;
}

/* Drops findings of disabled rules (they may come from shards or from an
 * analysis that ignores the mask). */
static void filter_rules(struct kc_diag *d, unsigned mask)
{
	size_t i, j;

	if (!mask)
		return;
	for (i = 0, j = 0; i < d->n; i++)
		if (mask & (1u << d->v[i]->rule))
			d->v[j++] = d->v[i];
	d->n = j;
}

int out_finish(struct kc_diag *d, const struct kc_opts *o,
	       const struct out_run_info *run_in, unsigned rules_mask,
	       FILE *errf, int *exit_code, struct kc_err *err)
{
	struct out_suppress_stats sup;
	struct out_baseline_result base;
	struct out_run_info run = { 0 };
	FILE *f = stdout;
	int ret, have_base = 0, fail_on = o->fail_on;

	*exit_code = 0;
	if (run_in)
		run = *run_in;
	filter_rules(d, rules_mask);
	ret = out_fingerprint_all(d, err);
	if (ret)
		return ret;
	ret = out_apply_suppressions(d, &sup, err);
	if (ret)
		return ret;
	run.suppress = &sup;
	if (o->baseline) {
		ret = out_apply_baseline(d, o->baseline, &base, err);
		if (ret)
			goto out;
		have_base = 1;
		run.baseline = &base;
	}
	if (o->write_baseline) {
		ret = out_write_baseline(d, o->write_baseline, err);
		if (ret)
			goto out;
	}
	if (o->output) {
		f = fopen(o->output, "w");
		if (!f) {
			ret = kc_err_set(err, KC_EIO, NULL, 0, 0,
					 "cannot write '%s': %s", o->output,
					 strerror(errno));
			goto out;
		}
	}
	ret = out_write(d, (enum out_format)o->format, &run, f, err);
	if (f != stdout && fclose(f) && !ret)
		ret = kc_err_set(err, KC_EIO, NULL, 0, 0,
				 "cannot write '%s': %s", o->output,
				 strerror(errno));
	if (ret)
		goto out;
	if (errf) {
		out_suppress_stats_print(&sup, o->stats, errf);
		if (have_base)
			out_baseline_print_fixed(&base, errf);
		/* never silent: say what was hidden, even without --stats */
		if (!o->quiet && !o->stats && sup.nsuppressed)
			fprintf(errf, "ksizecheck: %zu finding%s suppressed by ksizecheck: ignore comments (--stats lists them)\n",
				sup.nsuppressed,
				sup.nsuppressed == 1 ? "" : "s");
		if (!o->quiet && have_base &&
		    (base.nsuppressed || base.nfixed))
			fprintf(errf, "ksizecheck: baseline '%s': %zu known finding%s hidden, %zu fixed\n",
				o->baseline, base.nsuppressed,
				base.nsuppressed == 1 ? "" : "s", base.nfixed);
	}
	if (o->mode == KC_MODE_CHECK && !o->fail_on_set)
		fail_on = OUT_FAIL_ON_NONE;
	*exit_code = out_exit_code(d, (enum out_fail_on)fail_on);
out:
	if (have_base)
		out_baseline_result_release(&base);
	out_suppress_stats_release(&sup);
	return ret;
}
