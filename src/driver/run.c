/* run.c - runs the TUs in forked worker processes and accounts for each.
 *
 * Parent <-> worker protocol, one pair of pipes per worker:
 *   parent -> worker: a 4-byte TU index (-1: exit);
 *   worker -> parent: a 4-byte length, then the JSON result of
 *                     kc_tu_process() (tu.h) with "tu": index added.
 * Workers are forked after the TU list is built, so they look the TU up by
 * index. Each worker has an address-space limit (--mem-limit), ignores
 * SIGINT (the parent decides), and publishes its stage in shared memory so
 * a crash or a timeout (--timeout, SIGKILL) is reported as
 * "file: internal error: ... in <stage>"; a new worker replaces it and
 * the run goes on. Findings are merged into one kc_diag and sorted, so the
 * output does not depend on -j.
 *
 * This file holds the parent's loop (hand out TUs, poll for results,
 * time out and replace workers), kc_run() around it, and the run's
 * summary lines; the worker processes are in worker.c, and a result's
 * accounting (findings, errors, counters, facts) in result.c (runner.h).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/clock.h"
#include "driver/genhdr.h"
#include "cache/cache.h"
#include "driver/progress.h"
#include "driver/run.h"
#include "driver/runner.h"
#include "driver/tu.h"
#include "util/rulesdir.h"
#include "util/vec.h"
#include "util/fdio.h"

/* Resident set of this process in KB (/proc/self/statm), 0 if unknown. */
static unsigned long long self_rss_kb(void)
{
	unsigned long long size, res = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (!f)
		return 0;
	if (fscanf(f, "%llu %llu", &size, &res) != 2)
		res = 0;
	fclose(f);
	return res * (unsigned long long)sysconf(_SC_PAGESIZE) / 1024;
}

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static int assign(struct runner *r, int slot, size_t *next)
{
	int32_t idx;

	if (r->queue) {
		if (*next >= r->nqueue)
			return 0;
		idx = (int32_t)r->queue[(*next)++];
		goto send;
	}
	while (*next < r->tus->n && r->tus->v[*next].skip) {
		struct kc_tu *tu = &r->tus->v[(*next)++];

		tu->status = KC_TU_SKIPPED;
		r->st->skipped++;
		if (!strcmp(tu->skip, KC_SKIP_GENERATED))
			r->st->generated++;
		r->prog.done++;
	}
	if (*next >= r->tus->n)
		return 0;
	idx = (int32_t)(*next)++;
send:
	r->w[slot].tu = idx;
	r->w[slot].start = kc_now();
	if (kc_write_full(r->w[slot].task_fd, &idx, sizeof(idx)))
		return -1;
	return 0;
}


/* The worker in slot died or misbehaved: account its TU, replace it. */
static int replace_worker(struct runner *r, int slot, int sig,
			  const char *timeout_msg, struct kc_err *err)
{
	long tu = r->w[slot].tu;
	int stage = r->stages[slot], status = 0;

	kc_worker_stop(r, slot, sig, &status);
	if (tu >= 0) {
		if (timeout_msg) {
			kc_result_internal_error(r, tu, timeout_msg, stage);
			r->prog.done++;
		} else {
			kc_result_worker_died(r, slot, tu, status);
		}
	}
	r->st->counters.counters[KC_STAT_WORKER_RESTARTS]++;
	return kc_worker_start(r, slot, err);
}

static int loop(struct runner *r, struct kc_err *err)
{
	struct pollfd *pfd = calloc((size_t)r->nw, sizeof(*pfd));
	size_t next = 0;
	int ret = 0;

	if (!pfd)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	for (int i = 0; i < r->nw; i++)
		if (assign(r, i, &next))
			ret = replace_worker(r, i, SIGKILL, NULL, err);
	while (!ret && r->prog.done < r->tus->n && !interrupted) {
		double now = kc_now(), wait = 0.25;
		int busy = 0;

		for (int i = 0; i < r->nw; i++) {
			pfd[i].fd = r->w[i].tu >= 0 ? r->w[i].res_fd : -1;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
			if (r->w[i].tu >= 0) {
				double left = r->w[i].start +
					      r->opts->timeout - now;

				busy++;
				if (left < wait)
					wait = left > 0 ? left : 0;
			}
		}
		if (!busy)
			break;
		if (poll(pfd, (nfds_t)r->nw, (int)(wait * 1000) + 1) < 0 &&
		    errno != EINTR) {
			ret = kc_err_set(err, KC_EINTERNAL, NULL, 0, 0,
					 "poll: %s", strerror(errno));
			break;
		}
		if (interrupted)
			break;
		now = kc_now();
		for (int i = 0; i < r->nw && !ret; i++) {
			if (r->w[i].tu < 0)
				continue;
			if (pfd[i].revents) {
				if (kc_result_take(r, i)) {
					ret = replace_worker(r, i, SIGKILL,
							     NULL, err);
				} else if (r->tus_per_worker == 1) {
					int status;

					kc_worker_stop(r, i, 0, &status);
					ret = kc_worker_start(r, i, err);
				}
				if (!ret && r->w[i].tu < 0 &&
				    assign(r, i, &next))
					ret = replace_worker(r, i, SIGKILL,
							     NULL, err);
			} else if (now - r->w[i].start >= r->opts->timeout) {
				char msg[64];

				snprintf(msg, sizeof(msg),
					 "timed out after %u s",
					 r->opts->timeout);
				ret = replace_worker(r, i, SIGKILL, msg, err);
				if (!ret && assign(r, i, &next))
					ret = replace_worker(r, i, SIGKILL,
							     NULL, err);
			}
		}
		kc_progress_update(&r->prog, 0);
	}
	free(pfd);
	return ret;
}

int kc_run(const struct kc_run_opts *opts, const struct kc_analysis_env *env,
	   struct kc_tu_list *tus, struct kc_diag *out,
	   struct kc_run_stats *st, struct kc_err *err)
{
	struct sigaction sa = { 0 }, old_int, old_term, old_pipe;
	struct runner r = { 0 };
	char path[4096];
	double t0 = kc_now();
	int ret;

	memset(st, 0, sizeof(*st));
	st->tus_total = tus->n;
	interrupted = 0;
	snprintf(path, sizeof(path), "%s/flags.tbl",
		 kc_rules_dir(opts->rules_dir));
	ret = kc_flags_load(path, &r.flags, err);
	if (ret)
		return ret;
	ret = kc_progress_init(&r.prog, tus->n, !opts->quiet, err);
	if (ret) {
		kc_flags_free(r.flags);
		return ret;
	}
	r.opts = opts;
	r.env = env;
	r.tus_per_worker = 0;
	if (getenv("KSIZECHECK_TUS_PER_WORKER"))
		r.tus_per_worker = atoi(getenv("KSIZECHECK_TUS_PER_WORKER"));
	r.tus = tus;
	r.out = out;
	r.st = st;
	r.nw = kc_run_opts_jobs(opts);
	if ((size_t)r.nw > tus->n)
		r.nw = tus->n ? (int)tus->n : 1;
	r.w = calloc((size_t)r.nw, sizeof(*r.w));
	/* workers inherit the parent's resident heap: give back what the
	 * compile database and the TU list left free before forking */
	kc_trim_heap();
	st->fork_rss_kb = self_rss_kb();
	r.stages = mmap(NULL, (size_t)r.nw * sizeof(int),
			PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			-1, 0);
	if (!r.w || r.stages == MAP_FAILED) {
		free(r.w);
		kc_flags_free(r.flags);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}

	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old_pipe);

	for (int i = 0; i < r.nw && !ret; i++)
		ret = kc_worker_start(&r, i, err);
	if (!ret)
		ret = loop(&r, err);
	if (!ret && !interrupted && kc_genhdr_held(tus->gen)) {
		/* --build-generated: make them, then check those TUs */
		kc_progress_clear(&r.prog);
		ret = kc_genhdr_build(tus->gen, stderr, &r.queue, &r.nqueue);
		if (ret)
			ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					 "out of memory");
		else
			ret = loop(&r, err);
		free(r.queue);
	}

	for (int i = 0; i < r.nw; i++) {
		int status;

		if (r.w[i].pid && r.w[i].tu < 0) {
			int32_t bye = -1;

			if (kc_write_full(r.w[i].task_fd, &bye, sizeof(bye)))
				kill(r.w[i].pid, SIGKILL);
			kc_worker_stop(&r, i, 0, &status);
		} else {
			kc_worker_stop(&r, i, SIGKILL, &status);
		}
	}
	kc_progress_clear(&r.prog);
	if (interrupted)
		st->interrupted = 1;
	for (size_t i = 0; i < tus->n; i++)
		if (tus->v[i].status == KC_TU_PENDING) {
			tus->v[i].status = KC_TU_SKIPPED;
			st->skipped++;
		}
	kc_diag_sort_unique(out);
	st->findings = out->n;
	st->wall_seconds = kc_now() - t0;

	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	munmap((void *)r.stages, (size_t)r.nw * sizeof(int));
	free(r.w);
	for (size_t i = 0; i < r.warned.n; i++)
		free(r.warned.v[i]);
	KC_VEC_FREE(&r.warned);
	kc_flags_free(r.flags);
	return ret;
}

void kc_run_stats_print(const struct kc_run_stats *st, int detail, FILE *f)
{
	fprintf(f, "ksizecheck: %llu file%s: %llu parsed, %llu with errors, %llu failed",
		st->tus_total, st->tus_total == 1 ? "" : "s",
		st->parsed_clean, st->parsed_errors, st->failed);
	if (st->internal_errors)
		fprintf(f, ", %llu internal error%s", st->internal_errors,
			st->internal_errors == 1 ? "" : "s");
	if (st->prefiltered)
		fprintf(f, ", %llu prefiltered", st->prefiltered);
	if (st->skipped)
		fprintf(f, ", %llu skipped", st->skipped);
	if (st->generated)
		fprintf(f, " (%llu generated sources not built yet)",
			st->generated);
	fprintf(f, "; %llu finding%s%s\n", st->findings,
		st->findings == 1 ? "" : "s",
		st->interrupted ? " (interrupted)" : "");
	if (!detail)
		return;
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "tus-total", st->tus_total);
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "parsed-clean", st->parsed_clean);
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "parsed-with-errors", st->parsed_errors);
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "failed", st->failed);
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "internal-errors", st->internal_errors);
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "skipped", st->skipped);
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "skipped-generated", st->generated);
	fprintf(f, "ksizecheck: stats: %-24s %llu  (not parsed: no allocator or size query reachable)\n", "prefiltered", st->prefiltered);
	if (st->prefilter_misses)
		fprintf(f, "ksizecheck: stats: %-24s %llu\n", "prefilter-misses", st->prefilter_misses);
	if (st->worker_maxrss_kb)
		fprintf(f, "ksizecheck: stats: %-24s %llu  (largest peak RSS of a worker, KB)\n", "worker-peak-rss-kb", st->worker_maxrss_kb);
	if (st->fork_rss_kb)
		fprintf(f, "ksizecheck: stats: %-24s %llu  (the parent's RSS when the workers forked, KB: shared, counted in every worker's RSS)\n", "fork-rss-kb", st->fork_rss_kb);
	kc_cache_counts_print(&st->cache, f);
	if (st->db_tus || st->db_errors)
		fprintf(f, "ksizecheck: stats: %-24s %llu  (TUs whose facts went to the fact database; %llu failed)\n", "db-tus-written", st->db_tus, st->db_errors);
	fprintf(f, "ksizecheck: stats: %-24s %llu\n", "findings", st->findings);
	fprintf(f, "ksizecheck: stats: %-24s %.3f\n", "wall-seconds", st->wall_seconds);
	for (int i = 0; i < KC_STAT_MAX; i++)
		if (st->counters.counters[i])
			fprintf(f, "ksizecheck: stats: %-24s %llu  (%s)\n",
				kc_stat_name(i), st->counters.counters[i],
				kc_stat_desc(i));
}

int kc_run_opts_jobs(const struct kc_run_opts *o)
{
	long n;

	if (o && o->jobs > 0)
		return o->jobs;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}
