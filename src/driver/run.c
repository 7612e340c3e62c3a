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
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/clock.h"
#include "diag/finding_json.h"
#include "driver/genhdr.h"
#include "cache/cache.h"
#include "driver/progress.h"
#include "driver/run.h"
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

/* Returns freed heap pages to the system (glibc's malloc_trim). */
static void kc_trim_heap(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

struct worker {
	pid_t pid;       /* 0: no process */
	int task_fd;     /* parent writes TU indexes */
	int res_fd;      /* parent reads results */
	long tu;         /* TU in progress, -1 when idle */
	double start;    /* when it started that TU */
};

struct runner {
	const struct kc_run_opts *opts;
	const struct kc_analysis_env *env;
	struct kc_tu_list *tus;
	struct kc_diag *out;
	struct kc_run_stats *st;
	struct kc_flag_table *flags;
	struct worker *w;
	int nw;
	volatile int *stages;  /* shared with the workers, one per slot */
	KC_VEC(char *) warned; /* unknown flags already reported */
	struct kc_progress prog;
	/* 0 (default): workers live for the whole run; 1: a fresh worker
	 * per TU that exits without freeing the AST (measured on 12 kernel
	 * TUs: same user time, 2.5x the system time, so not the default;
	 * $KSIZECHECK_TUS_PER_WORKER=1 selects it). */
	int tus_per_worker;
	/* the second pass of --build-generated: the TUs to check again
	 * (genhdr.h); NULL: every TU in order */
	size_t *queue, nqueue;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

/* ---- worker side ---- */

#if defined(__SANITIZE_ADDRESS__)
#define KC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KC_ASAN 1
#endif
#endif
#ifndef KC_ASAN
#define KC_ASAN 0
#endif

static void worker_main(struct runner *r, int slot, int task_fd,
			int res_fd)
{
	struct kc_tu_ctx *ctx;
	struct rlimit rl;
	int32_t idx;

	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	/* not under ASan: its shadow memory reserves terabytes of address
	 * space, so any RLIMIT_AS fails every mmap ("Failed to mmap") */
	if (r->opts->mem_limit_mb && !KC_ASAN) {
		rl.rlim_cur = rl.rlim_max =
			(rlim_t)r->opts->mem_limit_mb << 20;
		setrlimit(RLIMIT_AS, &rl);
	}
	ctx = kc_tu_ctx_new(r->opts, r->flags, r->env);
	if (!ctx)
		_exit(3);
	kc_tu_ctx_set_no_dispose(ctx, r->tus_per_worker == 1);
	while (!kc_read_full(task_fd, &idx, sizeof(idx)) && idx >= 0 &&
	       (size_t)idx < r->tus->n) {
		json_object *res;
		const char *s;
		uint32_t len;

		res = kc_tu_process(ctx, &r->tus->v[idx], &r->stages[slot]);
		if (!res)
			_exit(4);
		json_object_object_add(res, "tu", json_object_new_int(idx));
		{
			struct rusage ru;

			if (!getrusage(RUSAGE_SELF, &ru))
				json_object_object_add(res, "maxrss_kb",
					json_object_new_int64(ru.ru_maxrss));
		}
		r->stages[slot] = KC_STAGE_SEND;
		s = json_object_to_json_string_ext(res, JSON_C_TO_STRING_PLAIN);
		len = (uint32_t)strlen(s);
		if (kc_write_full(res_fd, &len, sizeof(len)) ||
		    kc_write_full(res_fd, s, len))
			_exit(5);
		json_object_put(res);
		/* libclang's freed AST pages stay in the heap otherwise, and
		 * a long-lived worker grows to its largest TUs' sum */
		kc_trim_heap();
		r->stages[slot] = KC_STAGE_IDLE;
		if (r->tus_per_worker == 1)
			_exit(0);
	}
	kc_tu_ctx_free(ctx);
	_exit(0);
}

/* ---- parent side ---- */

static int start_worker(struct runner *r, int slot, struct kc_err *err)
{
	int tp[2], rp[2];
	pid_t pid;

	if (pipe(tp))
		return kc_err_set(err, KC_EINTERNAL, NULL, 0, 0,
				  "cannot create a pipe: %s", strerror(errno));
	if (pipe(rp)) {
		close(tp[0]);
		close(tp[1]);
		return kc_err_set(err, KC_EINTERNAL, NULL, 0, 0,
				  "cannot create a pipe: %s", strerror(errno));
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(tp[0]);
		close(tp[1]);
		close(rp[0]);
		close(rp[1]);
		return kc_err_set(err, KC_EINTERNAL, NULL, 0, 0,
				  "cannot fork a worker: %s", strerror(errno));
	}
	if (pid == 0) {
		for (int i = 0; i < r->nw; i++)
			if (r->w[i].pid) {
				close(r->w[i].task_fd);
				close(r->w[i].res_fd);
			}
		close(tp[1]);
		close(rp[0]);
		worker_main(r, slot, tp[0], rp[1]);
	}
	close(tp[0]);
	close(rp[1]);
	r->w[slot].pid = pid;
	r->w[slot].task_fd = tp[1];
	r->w[slot].res_fd = rp[0];
	r->w[slot].tu = -1;
	r->stages[slot] = KC_STAGE_IDLE;
	return 0;
}

static void stop_worker(struct runner *r, int slot, int sig, int *status)
{
	struct worker *w = &r->w[slot];

	if (!w->pid)
		return;
	if (sig)
		kill(w->pid, sig);
	close(w->task_fd);
	close(w->res_fd);
	while (waitpid(w->pid, status, 0) < 0 && errno == EINTR)
		;
	w->pid = 0;
}

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

static void internal_error(struct runner *r, long tu, const char *what,
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
static int take_result(struct runner *r, int slot)
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

static void explain_death(struct runner *r, int slot, long tu, int status)
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
	internal_error(r, tu, what, stage);
	r->prog.done++;
}

/* The worker in slot died or misbehaved: account its TU, replace it. */
static int replace_worker(struct runner *r, int slot, int sig,
			  const char *timeout_msg, struct kc_err *err)
{
	long tu = r->w[slot].tu;
	int stage = r->stages[slot], status = 0;

	stop_worker(r, slot, sig, &status);
	if (tu >= 0) {
		if (timeout_msg) {
			internal_error(r, tu, timeout_msg, stage);
			r->prog.done++;
		} else {
			explain_death(r, slot, tu, status);
		}
	}
	r->st->counters.counters[KC_STAT_WORKER_RESTARTS]++;
	return start_worker(r, slot, err);
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
				if (take_result(r, i)) {
					ret = replace_worker(r, i, SIGKILL,
							     NULL, err);
				} else if (r->tus_per_worker == 1) {
					int status;

					stop_worker(r, i, 0, &status);
					ret = start_worker(r, i, err);
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
		ret = start_worker(&r, i, err);
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
			stop_worker(&r, i, 0, &status);
		} else {
			stop_worker(&r, i, SIGKILL, &status);
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
