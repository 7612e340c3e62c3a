/* env.c - see env.h. */
#include <string.h>

#include "apidb/apidb.h"
#include "util/rulesdir.h"
#include "driver/env.h"

#include <stdlib.h>
#include "model/slab.h"

static int rule_mask(const struct kc_run_opts *o, unsigned *mask,
		     struct kc_err *err)
{
	unsigned all = (1u << KC_RULE_COUNT) - 1, m = o->enable.n ? 0 : all;

	for (size_t i = 0; i < o->enable.n; i++) {
		int r = kc_rule_by_id(o->enable.v[i]);

		if (r < 0)
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "unknown rule '%s' (see --list-rules)",
					  o->enable.v[i]);
		m |= 1u << r;
	}
	for (size_t i = 0; i < o->disable.n; i++) {
		int r = kc_rule_by_id(o->disable.v[i]);

		if (r < 0)
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "unknown rule '%s' (see --list-rules)",
					  o->disable.v[i]);
		m &= ~(1u << r);
	}
	/* 0 means "all" to the analysis: keep one impossible bit set when
	 * everything is disabled */
	*mask = m == all ? 0 : (m ? m : 1u << KC_RULE_COUNT);
	return 0;
}

int kc_env_number(const char *name, double min, const char *what,
		      double *out, struct kc_err *err)
{
	const char *v = getenv(name);
	char *end;
	double d;

	if (!v)
		return 0;
	d = strtod(v, &end);
	if (!*v || *end || !(d >= min))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "invalid value '%s' for $%s (%s)", v, name,
				  what);
	*out = d;
	return 0;
}

int kc_env_init(struct kc_env *e, const struct kc_run_opts *o, const char *tree,
		struct kc_err *err)
{
	const char *dir = kc_rules_dir(o->rules_dir);
	int ret;

	memset(e, 0, sizeof(*e));
	ret = rule_mask(o, &e->env.enabled_rules_mask, err);
	if (ret)
		return ret;
	e->api = apidb_new();
	if (!e->api)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	ret = apidb_load_default(e->api, dir, o->rules.v, o->rules.n, err);
	if (ret)
		goto fail;
	ret = slab_model_load(&e->model, dir, err);
	if (ret)
		goto fail;
	if (o->slab_config || !tree) {
		if (slab_choice_named(e->model, o->slab_config, &e->preset)) {
			ret = kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					 "unknown slab configuration '%s' (see 'ksizecheck model --list')",
					 o->slab_config);
			goto fail;
		}
		if (o->slab_config)
			e->env.config = e->preset.config;
	} else {
		ret = slab_config_for_tree(e->model, tree, &e->preset, err);
		if (ret)
			goto fail;
		e->env.config = e->preset.config;
	}
	e->env.api = e->api;
	e->env.model = e->model;
	e->env.all_configs = o->all_configs;
	/* half the per-TU timeout: a huge generated TU (lib/overflow_kunit.c
	 * of 6.12) ends partly analysed instead of as an internal error */
	e->env.time_limit = o->timeout > 1 ? o->timeout / 2.0 : 0;
	/* $KSIZECHECK_ANALYSIS_SECONDS overrides it (tests, and CI jobs
	 * that prefer a partial analysis to a long one) */
	ret = kc_env_number("KSIZECHECK_ANALYSIS_SECONDS", 1e-9,
			 "seconds, more than 0", &e->env.time_limit, err);
	if (ret)
		goto fail;
	/* $KSIZECHECK_STEP_BUDGET: interpretation steps per function */
	{
		double steps = 0;

		ret = kc_env_number("KSIZECHECK_STEP_BUDGET", 1000,
				 "steps per function, at least 1000", &steps,
				 err);
		if (ret)
			goto fail;
		if (steps > 0)
			e->env.step_budget = (unsigned long long)steps;
	}
	return 0;
fail:
	kc_env_release(e);
	return ret;
}

void kc_env_release(struct kc_env *e)
{
	if (e->api)
		apidb_free(e->api);
	slab_model_free(e->model);
	memset(e, 0, sizeof(*e));
}
