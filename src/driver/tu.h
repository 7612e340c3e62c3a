/* tu.h - one translation unit in a worker: check the file, translate the
 * flags, parse with libclang (tu.c is the sole caller of
 * clang_parseTranslationUnit2), print-ready clang errors, analysis.
 */
#ifndef KC_DRIVER_TU_H
#define KC_DRIVER_TU_H

#include <json-c/json.h>

#include "driver/options.h"
#include "driver/flags.h"
#include "driver/run.h"

/* Where a worker is; the parent reads it (shared memory) to explain a
 * crash or timeout. */
enum kc_stage {
	KC_STAGE_IDLE = 0,
	KC_STAGE_READ,     /* checking the source file */
	KC_STAGE_FLAGS,    /* translating flags */
	KC_STAGE_PARSE,    /* clang_parseTranslationUnit2 */
	KC_STAGE_DIAG,     /* collecting clang diagnostics */
	KC_STAGE_ANALYZE,  /* kc_analyze_tu */
	KC_STAGE_SEND,     /* serialising findings */
	KC_STAGE_MAX
};

/* "parse", "analysis", ...; static string. */
const char *kc_stage_name(int stage);

/* Per-worker state, created after fork: the libclang index and tables. */
struct kc_tu_ctx;

/* Returns a context (free with kc_tu_ctx_free) or NULL on OOM. flags and
 * env (NULL: parse only, no analysis) are borrowed. */
struct kc_analysis_env;
struct kc_tu_ctx *kc_tu_ctx_new(const struct kc_run_opts *opts,
				const struct kc_flag_table *flags,
				const struct kc_analysis_env *env);
void kc_tu_ctx_free(struct kc_tu_ctx *c);
/* on: kc_tu_process() leaves its CXTranslationUnit to the process exit
 * (for a worker that exits after its TU). */
void kc_tu_ctx_set_no_dispose(struct kc_tu_ctx *c, int on);

/* Processes tu; *stage is updated as it goes. Returns the result object
 * (caller owns it):
 *   {"status": enum kc_tu_status, "message": "why it failed",
 *    "errors": ["file:line:col: error: ...", ...],
 *    "unknown_flags": ["-fx", ...], "findings": [finding_json...],
 *    "counters": {"parse-us": N, ...}}
 * NULL on OOM. */
json_object *kc_tu_process(struct kc_tu_ctx *c, const struct kc_tu *tu,
			   volatile int *stage);

/* Parse options used for every TU (one place, see tu.c). */
unsigned kc_tu_parse_options(void);

/* Explains a CXErrorCode in words ("libclang crashed", ...). */
const char *kc_cxerror_name(int code);

#endif
