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
	const char *config_warning; /* from slab_config_for_tree, or NULL */
};

/* Fills e. tree is the kernel tree to take the slab configuration from
 * (NULL: none). Returns 0, or -KC_EIO/-KC_EPARSE (tables), -KC_EUSAGE
 * (unknown rule or configuration), -KC_ENOMEM with err filled. */
int kc_env_init(struct kc_env *e, const struct kc_run_opts *o, const char *tree,
		struct kc_err *err);
void kc_env_release(struct kc_env *e);

#endif
