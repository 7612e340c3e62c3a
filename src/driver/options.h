/* options.h - the driver's options: what kc_run(), kc_env_init(),
 * kc_tu_list_print() and kc_tus_from_check_args() need to know of a run.
 * The library's own struct; the command line (src/cli/opts.c) fills it.
 * Strings are borrowed (argv, the config file).
 */
#ifndef KC_DRIVER_OPTIONS_H
#define KC_DRIVER_OPTIONS_H

#include "util/strlist.h"

struct factdb;

struct kc_run_opts {
	int jobs;                   /* worker processes; 0 = online CPUs */
	unsigned timeout;           /* seconds per TU (0: none) */
	unsigned mem_limit_mb;      /* address-space limit per worker */
	int quiet;                  /* no progress line */
	int print;                  /* kc_tu_list_print: 1 compile database,
				     * 2 clang commands */
	const char *rules_dir;      /* NULL: kc_rules_dir(NULL) finds it */
	struct kc_strlist rules;    /* further API tables to load */
	const char *slab_config;    /* judged slab configuration id, or NULL */
	int all_configs;            /* judge under every configuration */
	struct kc_strlist enable;   /* rule ids: only these (empty: all) */
	struct kc_strlist disable;  /* rule ids: not these */
	struct kc_strlist cflags;   /* CHECK= arguments
				     * (kc_tus_from_check_args) */
	/* the whole-tree fact database (docs/factdb.md): db_read, the
	 * previous round's file that each worker opens for the tree's field
	 * stores (NULL: none); db_write, the open database the parent
	 * writes every TU's facts into (NULL: the workers collect none) */
	const char *db_read;
	struct factdb *db_write;
	/* also read db_read's field stores (--db-fields): off by default,
	 * because the stores of TUs the prefilter skips are not in the
	 * database, so a field that only such a file stores into looks
	 * agreed (docs/factdb.md, known limits) */
	int db_fields;
};

/* Effective number of workers: o->jobs, or the number of online CPUs. */
int kc_run_opts_jobs(const struct kc_run_opts *o);

#endif
