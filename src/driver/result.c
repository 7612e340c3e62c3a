/* result.c - a worker's result taken into the run: its findings merged
 * into the run's kc_diag, its clang errors and warnings printed, its
 * counters, cache hits and facts (dbwrite.c) accounted, and the TUs that
 * end as internal errors (a crash, a timeout) counted (runner.h).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cache/cache.h"
#include "diag/finding_json.h"
#include "driver/genhdr.h"
#include "driver/runner.h"
#include "driver/tu.h"
#include "util/fdio.h"

static void count_status(struct kc_run_stats *st, int status)
{
	switch (status) {
	case KC_TU_CLEAN: st->parsed_clean++; break;
	case KC_TU_ERRORS: st->parsed_errors++; break;
	case KC_TU_FAILED: st->failed++; break;
	case KC_TU_INTERNAL: st->internal_errors++; break;
	case KC_TU_PREFILTERED: st->prefiltered++; break;
	default: st->skipped++; break;
	}
}

static void warn_flag(struct runner *r, const char *flag)
{
	char *copy;

	for (size_t i = 0; i < r->warned.n; i++)
		if (!strcmp(r->warned.v[i], flag))
			return;
	copy = strdup(flag);
	if (copy && KC_VEC_PUSH(&r->warned, copy))
		free(copy);
	kc_progress_clear(&r->prog);
	fprintf(stderr,
		"ksizecheck: warning: clang rejects flag '%s'; ignored (add it to rules/flags.tbl)\n",
		flag);
	r->st->counters.counters[KC_STAT_UNKNOWN_FLAGS]++;
}

/* The TU's facts into the run's database (dbwrite.c; res NULL: none);
 * a failure is
 * counted (the run then exits 2 and keeps the old database) and its first
 * message printed. */
static void write_facts(struct runner *r, long tu, json_object *res)
{
	struct kc_err err = { 0 };
	char msg[2048];

	if (!kc_db_write_tu(r->opts->db_write, r->tus->v[tu].file, res,
			    &err)) {
		r->st->db_tus++;
		return;
	}
	if (!r->st->db_errors++) {
		kc_err_format(&err, msg, sizeof(msg));
		kc_progress_clear(&r->prog);
		fprintf(stderr, "ksizecheck: error: %s\n", msg);
	}
}

void kc_result_internal_error(struct runner *r, long tu, const char *what,
			      int stage)
{
	kc_progress_clear(&r->prog);
	fprintf(stderr, "%s: internal error: %s in %s\n", r->tus->v[tu].file,
		what, kc_stage_name(stage));
	r->tus->v[tu].status = KC_TU_INTERNAL;
	count_status(r->st, KC_TU_INTERNAL);
	/* a crashed TU's old facts are dropped too */
	if (r->opts->db_write)
		write_facts(r, tu, NULL);
}

/* Handles one result message of worker slot. Returns 0, or -1 when the
 * worker is gone (the TU is then an internal error). */
int kc_result_take(struct runner *r, int slot)
{
	struct worker *w = &r->w[slot];
	json_object *res, *v, *a;
	struct kc_err err = { 0 };
	uint32_t len;
	char *buf;
	long tu;
	int status, gen;

	if (kc_read_full(w->res_fd, &len, sizeof(len)))
		return -1;
	buf = malloc((size_t)len + 1);
	if (!buf || kc_read_full(w->res_fd, buf, len)) {
		free(buf);
		return -1;
	}
	buf[len] = '\0';
	res = json_tokener_parse(buf);
	free(buf);
	if (!res || !json_object_object_get_ex(res, "tu", &v)) {
		json_object_put(res);
		return -1;
	}
	tu = json_object_get_int(v);
	if (tu != w->tu) {
		json_object_put(res);
		return -1;
	}
	w->tu = -1;
	status = json_object_object_get_ex(res, "status", &v) ?
		 json_object_get_int(v) : KC_TU_FAILED;
	gen = kc_genhdr_take(r->tus->gen, &r->tus->v[tu], (size_t)tu, res);
	if (gen == KC_GENHDR_HOLD) {
		/* checked again after the build: count nothing now */
		json_object_put(res);
		return 0;
	}
	kc_progress_clear(&r->prog);
	if (json_object_object_get_ex(res, "unknown_flags", &a))
		for (size_t i = 0; i < json_object_array_length(a); i++)
			warn_flag(r, json_object_get_string(
					     json_object_array_get_idx(a, i)));
	if (gen == KC_GENHDR_NONE &&
	    json_object_object_get_ex(res, "errors", &a))
		for (size_t i = 0; i < json_object_array_length(a); i++)
			fprintf(stderr, "%s\n", json_object_get_string(
				json_object_array_get_idx(a, i)));
	if (status == KC_TU_FAILED)
		fprintf(stderr, "%s: error: %s\n", r->tus->v[tu].file,
			json_object_object_get_ex(res, "message", &v) ?
			json_object_get_string(v) : "failed");
	if (json_object_object_get_ex(res, "analysis_error", &v))
		fprintf(stderr, "%s: internal error: analysis: %s\n",
			r->tus->v[tu].file, json_object_get_string(v));
	if (json_object_object_get_ex(res, "maxrss_kb", &v) &&
	    (unsigned long long)json_object_get_int64(v) >
	    r->st->worker_maxrss_kb)
		r->st->worker_maxrss_kb = json_object_get_int64(v);
	kc_cache_count(&r->st->cache, res);
	if (json_object_object_get_ex(res, "prefilter_skip", &v)) {
		size_t nf = json_object_object_get_ex(res, "findings", &a) ?
			    json_object_array_length(a) : 0;

		r->st->counters.counters[KC_STAT_PREFILTER_WOULD_SKIP]++;
		if (nf) {
			fprintf(stderr,
				"%s: internal error: the prefilter would skip this file (%s) but it has %zu finding%s\n",
				r->tus->v[tu].file, json_object_get_string(v),
				nf, nf == 1 ? "" : "s");
			r->st->prefilter_misses++;
		}
	}
	if (json_object_object_get_ex(res, "findings", &a))
		for (size_t i = 0; i < json_object_array_length(a); i++) {
			if (kc_finding_from_json(r->out,
						 json_object_array_get_idx(a, i),
						 &err)) {
				char msg[2048];

				kc_err_format(&err, msg, sizeof(msg));
				fprintf(stderr,
					"%s: internal error: bad finding from worker: %s\n",
					r->tus->v[tu].file, msg);
			} else {
				r->prog.findings++;
			}
		}
	if (json_object_object_get_ex(res, "counters", &a)) {
		json_object_object_foreach(a, key, val) {
			int id = kc_stat_by_name(key);

			if (id >= 0)
				r->st->counters.counters[id] +=
					(unsigned long long)
					json_object_get_int64(val);
		}
	}
	if (r->opts->db_write)
		write_facts(r, tu, res);
	json_object_put(res);
	r->tus->v[tu].status = status;
	count_status(r->st, status);
	r->prog.done++;
	return 0;
}

void kc_result_worker_died(struct runner *r, int slot, long tu,
			    int status)
{
	char what[128];
	int stage = r->stages[slot];

	if (WIFSIGNALED(status))
		snprintf(what, sizeof(what), "crashed with signal %d (%s)%s",
			 WTERMSIG(status), strsignal(WTERMSIG(status)),
			 WTERMSIG(status) == SIGABRT ?
			 ", possibly out of memory (--mem-limit)" : "");
	else
		snprintf(what, sizeof(what), "worker exited with status %d",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	kc_result_internal_error(r, tu, what, stage);
	r->prog.done++;
}
