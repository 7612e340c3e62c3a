/* stats.h - generic run counters (struct kc_stats).
 *
 * The counters are listed in diag/stat_list.h; the analysis fills the
 * ones it owns through the struct kc_stats passed to kc_analyze_tu(), the
 * driver fills the rest, the parent sums them over TUs and prints them
 * with --stats.
 */
#ifndef KC_DIAG_STATS_H
#define KC_DIAG_STATS_H

enum kc_stat_id {
#define KC_STAT(e, name, desc) KC_STAT_##e,
#include "diag/stat_list.h"
#undef KC_STAT
	KC_STAT_MAX
};

struct kc_stats {
	unsigned long long counters[KC_STAT_MAX];
};

/* Name ("parse-us") and description of counter id; NULL when out of range.
 * Static strings. */
const char *kc_stat_name(int id);
const char *kc_stat_desc(int id);
/* Looks a counter up by name; -1 when unknown. */
int kc_stat_by_name(const char *name);
/* dst += src, counter by counter. */
void kc_stats_add(struct kc_stats *dst, const struct kc_stats *src);

#endif
