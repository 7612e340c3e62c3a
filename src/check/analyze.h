/* analyze.h - the analysis entry point: provenance of every ksize()
 * argument and bounds of every access to kmalloc memory, for one parsed
 * translation unit. Design: docs/analysis.md.
 */
#ifndef KC_CHECK_ANALYZE_H
#define KC_CHECK_ANALYZE_H

#include <clang-c/Index.h>

#include "apidb/apidb.h"
#include "check/tufacts.h"
#include "diag/diag.h"
#include "diag/stats.h"
#include "model/slab.h"
#include "util/err.h"

struct kc_analysis_env {
	const struct apidb *api;          /* required */
	const struct slab_model *model;   /* NULL: no access verdicts */
	const struct slab_config *config; /* judged config; NULL: default */
	int all_configs;      /* also judge every preset of model */
	unsigned enabled_rules_mask;      /* bit (1 << KC_RULE_x); 0 = all */
	unsigned max_inline_depth;        /* 0: default (3) */
	unsigned long long step_budget;   /* per function; 0: default */
	/* wall seconds after which no further function of the TU is
	 * analysed (the TU stays partly checked, counted in
	 * functions-skipped-time); 0: no limit */
	double time_limit;
	/* the driver's prefilter (prefilter/prefilter.h), NULL: none; with
	 * prefilter_check set the TUs it rules out are still analysed, to
	 * prove it right */
	struct kc_prefilter *prefilter;
	int prefilter_check;
	/* the result cache (cache/cache.h), NULL: none */
	struct kc_cache *cache;
	/* the whole-tree fact database (check/tufacts.h, docs/factdb.md):
	 * facts_out, when set, receives what this TU defines and stores
	 * (round one); fields_in, when set, answers the tree's stores into
	 * a field (round two). NULL: the TU alone. */
	struct kc_tu_facts *facts_out;
	const struct kc_field_lookup *fields_in;
	/* what the run's fact database adds to every TU's result, for the
	 * result cache's key (docs/cache.md): "write", "read:DIGEST" or
	 * "read:DIGEST+write" (DIGEST: factdb_digest() of the facts read);
	 * NULL: no database. The analysis does not read it. */
	const char *facts_key;
};

/* Analyses every function defined in main_file of tu and adds findings
 * to out (owned by out). stats may be NULL; the analysis adds to its
 * counters (ksize-calls, accesses-judged, ...). Returns 0, or -KC_ENOMEM /
 * -KC_EINTERNAL with err filled; findings made before an error stay in
 * out. */
int kc_analyze_tu(const struct kc_analysis_env *env, CXTranslationUnit tu,
		  const char *main_file, struct kc_diag *out,
		  struct kc_stats *stats, struct kc_err *err);

#endif
