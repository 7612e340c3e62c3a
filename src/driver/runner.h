/* runner.h - what the driver's run shares among its three files, private
 * to them: the runner and its worker slots (run.c: the loop that hands
 * TUs to workers, and kc_run()), the worker processes (worker.c), and a
 * worker's result taken into the run's findings and counts (result.c).
 */
#ifndef KC_DRIVER_RUNNER_H
#define KC_DRIVER_RUNNER_H

#include <sys/types.h>

#include "driver/progress.h"
#include "driver/run.h"
#include "util/err.h"
#include "util/vec.h"

struct kc_analysis_env;
struct kc_flag_table;

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

/* worker.c: returns freed heap pages to the system (glibc's malloc_trim). */
void kc_trim_heap(void);
/* worker.c: forks the worker of slot with a fresh pair of pipes. Returns
 * 0, or -KC_EINTERNAL with err filled. */
int kc_worker_start(struct runner *r, int slot, struct kc_err *err);
/* worker.c: ends the worker of slot (sig 0: it exits by itself), closes
 * its pipes and reaps it into *status. */
void kc_worker_stop(struct runner *r, int slot, int sig, int *status);

/* result.c: handles one result message of worker slot. Returns 0, or -1
 * when the worker is gone (the TU is then an internal error). */
int kc_result_take(struct runner *r, int slot);
/* result.c: accounts TU tu as an internal error (what, in stage). */
void kc_result_internal_error(struct runner *r, long tu, const char *what,
			      int stage);
/* result.c: accounts TU tu of the worker in slot, which died with
 * status, as an internal error. */
void kc_result_worker_died(struct runner *r, int slot, long tu, int status);

#endif
