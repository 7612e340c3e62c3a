/* worker.c - the driver's worker processes: fork one per slot with its
 * pair of pipes, the worker's loop (read a TU index, kc_tu_process() it,
 * write the JSON result back) under its address-space limit, and stop
 * and reap it (runner.h; the protocol is described in run.c).
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver/runner.h"
#include "driver/tu.h"
#include "util/fdio.h"

/* Returns freed heap pages to the system (glibc's malloc_trim). */
void kc_trim_heap(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

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

/* ---- parent side: start and stop a worker ---- */

int kc_worker_start(struct runner *r, int slot, struct kc_err *err)
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

void kc_worker_stop(struct runner *r, int slot, int sig,
		    int *status)
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
