/* dbround.h - one round of the whole-tree fact database in a run
 * (docs/factdb.md, "In a run"): the run reads FILE, the facts of the
 * previous round, and writes FILE.new, which replaces FILE atomically
 * when the round ends cleanly.
 *
 * Reading: the external function records that agree across the tree are
 * loaded once, in the parent, into an apidb overlay over the shipped
 * tables (workers inherit it across the fork; names the shipped tables
 * describe are not overridden), and each worker opens FILE for the
 * field stores (tu.c). Writing: FILE.new starts as a copy of FILE's TUs
 * (a run over part of the tree replaces only its own TUs' rows), and the
 * parent writes each TU's facts into it (dbwrite.c).
 */
#ifndef KC_DRIVER_DBROUND_H
#define KC_DRIVER_DBROUND_H

#include "driver/env.h"
#include "driver/options.h"
#include "util/err.h"

struct kc_db_round {
	const char *path;          /* FILE (borrowed) */
	char *tmp;                 /* FILE.new; owner: this struct */
	char *abs;                 /* FILE as an absolute path, for the
				    * workers' field lookups (they run in each
				    * TU's directory); owner: this struct */
	struct factdb *out;        /* FILE.new, open; owner: this struct */
	struct apidb *overlay;     /* the records read; owner: this struct */
	const struct apidb *api;   /* the environment's own tables */
	int read;                  /* FILE existed and had TUs */
	long long nread;           /* records loaded into the overlay */
	long long nshadowed;       /* records the shipped tables override */
	char key[80];              /* env->facts_key */
};

/* Starts a round: reads FILE when it exists (a file that is not a
 * ksizecheck fact database of this version, or cannot be read, is an
 * error naming it), creates FILE.new, and points env (api, facts_key)
 * and ro (db_read, db_write) at them. Returns 0 or a negative KC_E* code
 * with err filled ("FILE.new: cannot open fact database: ..."); on error
 * nothing is left to end. */
int kc_db_round_begin(struct kc_db_round *r, const char *path,
		      struct kc_env *env, struct kc_run_opts *ro,
		      struct kc_err *err);

/* Ends the round: closes FILE.new and, when commit is set, renames it
 * over FILE; else removes it (FILE is unchanged). Restores env and ro.
 * Returns 0 or -KC_EIO with err filled (the rename failed). */
int kc_db_round_end(struct kc_db_round *r, int commit, struct kc_env *env,
		    struct kc_run_opts *ro, struct kc_err *err);

#endif
