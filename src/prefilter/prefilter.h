/* prefilter.h - skips, without parsing, the translation units that cannot
 * have findings (issue 9; the argument is in docs/prefilter.md).
 *
 * Built once in the parent from the API tables and the include
 * directories of the run's TUs; each worker then checks its TU by reading
 * the source and the files it includes with quotes. A TU is kept when its
 * text (comments and literals aside) names a trigger: a size query or a
 * kmalloc-family allocator of the tables, or a macro or header function
 * whose definition reaches one.
 */
#ifndef KC_PREFILTER_PREFILTER_H
#define KC_PREFILTER_PREFILTER_H

#include <stddef.h>
#include <stdio.h>

#include "util/err.h"

struct apidb;
struct kc_tu;
struct kc_tu_list;
struct kc_prefilter;

/* Returns 0 with *out set, or -KC_ENOMEM with err filled. cache (may be
 * NULL) keeps the header index between runs (pf_cache.h). */
struct kc_cache;
int kc_prefilter_build(struct kc_prefilter **out, const struct apidb *api,
		       const struct kc_tu_list *tus,
		       const struct kc_cache *cache, struct kc_err *err);
void kc_prefilter_free(struct kc_prefilter *pf);

/* 1 if tu may have findings (why: the first trigger and where), 0 if it
 * cannot, -1 on OOM. why gets a short explanation either way. */
int kc_prefilter_check(struct kc_prefilter *pf, const struct kc_tu *tu,
		       char *why, size_t size);

/* "prefilter: 6412 headers indexed in 1.9 s, 9021 triggers" */
void kc_prefilter_describe(const struct kc_prefilter *pf, FILE *f);

#endif
