/* env.h - builds the analysis environment (struct kc_analysis_env of
 * check/analyze.h) from the options: API tables (rules/ + --rules), the
 * slab model and the judged configuration (--slab-config, else the
 * kernel tree's, else the default), and the enabled rules. Built once in
 * the parent; forked workers inherit it.
 */
#ifndef KC_DRIVER_ENV_H
#define KC_DRIVER_ENV_H

#include "check/analyze.h"
#include "driver/options.h"

struct kc_env {
	struct kc_analysis_env env;
	struct apidb *api;          /* owner: kc_env_release */
	struct slab_model *model;   /* owner: kc_env_release */
	/* the preset judged under, why, and a warning or NULL (strings
	 * owned by model); preset.config is set even when env.config is
	 * NULL (no tree: the analysis takes the default) */
	struct slab_choice preset;
};

/* Fills e. tree is the kernel tree to take the slab configuration from
 * (NULL: none). Returns 0, or -KC_EIO/-KC_EPARSE (tables), -KC_EUSAGE
 * (unknown rule or configuration), -KC_ENOMEM with err filled. */
int kc_env_init(struct kc_env *e, const struct kc_run_opts *o, const char *tree,
		struct kc_err *err);
void kc_env_release(struct kc_env *e);

/* Reads environment variable name as a number of at least min into
 * *out; leaves *out alone when it is unset. Returns 0, or a usage error
 * naming the variable when it is not such a number (what: the range in
 * words, e.g. "seconds, more than 0"). */
int kc_env_number(const char *name, double min, const char *what,
		  double *out, struct kc_err *err);

#endif
