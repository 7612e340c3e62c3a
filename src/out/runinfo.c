/* runinfo.c - builds struct out_run_info from the driver's results: the
 * parse accounting of struct kc_run_stats, a notification per TU that
 * failed, hit an internal error or parsed with errors (struct kc_tu
 * status), and the non-zero run counters by name.
 */
#include "out/output.h"

#include <stdlib.h>
#include <string.h>

#include "driver/run.h"

static const char *tu_note(int status, const char **level)
{
	switch (status) {
	case KC_TU_ERRORS:
		*level = "warning";
		return "parsed with clang errors; checked as far as it parsed";
	case KC_TU_FAILED:
		*level = "error";
		return "failed to parse; not checked";
	case KC_TU_INTERNAL:
		*level = "error";
		return "internal error (crash, timeout or memory limit); not checked";
	default:
		return NULL;
	}
}

int out_run_info_from_driver(struct out_run_info *run,
			     struct out_run_store *store,
			     const struct kc_tu_list *tus,
			     const struct kc_run_stats *st,
			     struct kc_err *err)
{
	size_t i, n = 0;
	int k;

	memset(store, 0, sizeof(*store));
	store->notes = calloc(tus && tus->n ? tus->n : 1,
			      sizeof(*store->notes));
	store->names = calloc(KC_STAT_MAX + 5, sizeof(*store->names));
	store->values = calloc(KC_STAT_MAX + 5, sizeof(*store->values));
	if (!store->notes || !store->names || !store->values) {
		out_run_store_release(store);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; tus && i < tus->n; i++) {
		const char *level = NULL;
		const char *msg = tu_note(tus->v[i].status, &level);

		if (!msg)
			continue;
		store->notes[n].file = tus->v[i].file;
		store->notes[n].level = level;
		store->notes[n].message = msg;
		n++;
	}
	run->notes = store->notes;
	run->nnotes = n;
	if (st) {
		run->tu_total = (size_t)st->tus_total;
		run->tu_parsed = (size_t)st->parsed_clean;
		run->tu_parsed_with_errors = (size_t)st->parsed_errors;
		run->tu_failed = (size_t)(st->failed + st->internal_errors);
		n = 0;
		store->names[n] = "tu_internal_errors";
		store->values[n++] = st->internal_errors;
		store->names[n] = "tu_skipped";
		store->values[n++] = st->skipped;
		if (st->prefiltered) {
			store->names[n] = "tu_prefiltered";
			store->values[n++] = st->prefiltered;
		}
		if (st->worker_maxrss_kb) {
			store->names[n] = "worker-peak-rss-kb";
			store->values[n++] = st->worker_maxrss_kb;
		}
		if (st->fork_rss_kb) {
			store->names[n] = "fork-rss-kb";
			store->values[n++] = st->fork_rss_kb;
		}
		for (k = 0; k < KC_STAT_MAX; k++) {
			if (!st->counters.counters[k])
				continue;
			store->names[n] = kc_stat_name(k);
			store->values[n++] = st->counters.counters[k];
		}
		run->stat_names = store->names;
		run->stat_values = store->values;
		run->nstats = n;
	}
	return 0;
}

void out_run_store_release(struct out_run_store *store)
{
	free(store->notes);
	free(store->names);
	free(store->values);
	memset(store, 0, sizeof(*store));
}
