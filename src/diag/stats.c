/* stats.c - names table for the counters of diag/stat_list.h. */
#include <string.h>

#include "diag/stats.h"

static const char *const stat_names[KC_STAT_MAX] = {
#define KC_STAT(e, name, desc) name,
#include "diag/stat_list.h"
#undef KC_STAT
};

static const char *const stat_descs[KC_STAT_MAX] = {
#define KC_STAT(e, name, desc) desc,
#include "diag/stat_list.h"
#undef KC_STAT
};

const char *kc_stat_name(int id)
{
	return id >= 0 && id < KC_STAT_MAX ? stat_names[id] : NULL;
}

const char *kc_stat_desc(int id)
{
	return id >= 0 && id < KC_STAT_MAX ? stat_descs[id] : NULL;
}

int kc_stat_by_name(const char *name)
{
	for (int i = 0; i < KC_STAT_MAX; i++)
		if (!strcmp(stat_names[i], name))
			return i;
	return -1;
}

void kc_stats_add(struct kc_stats *dst, const struct kc_stats *src)
{
	for (int i = 0; i < KC_STAT_MAX; i++)
		dst->counters[i] += src->counters[i];
}
