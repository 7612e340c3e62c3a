/* dbround.c - one round of the fact database in a run (dbround.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "apidb/apidb.h"
#include "driver/dbround.h"
#include "factdb/factdb.h"
#include "util/digest.h"

struct load {
	struct kc_db_round *r;
	struct kc_err *err;
};

/* One agreed external record into the overlay, unless the shipped
 * tables (or --rules) describe the name: they are not re-derived. */
static int load_one(void *data, const struct factdb_fn_fact *fact)
{
	struct load *l = data;
	char name[256];

	if (fact->is_static ||
	    sscanf(fact->record, "%*s %255s", name) != 1)
		return 0;
	if (apidb_lookup(l->r->api, name)) {
		l->r->nshadowed++;
		return 0;
	}
	l->r->nread++;
	return apidb_add_fact(l->r->overlay, fact->record, fact->path,
			      fact->line, l->err);
}

/* Reads FILE's facts into r->overlay and its digest into r->key. */
static int read_prev(struct kc_db_round *r, struct kc_err *err)
{
	struct factdb *db;
	struct factdb_counts n;
	struct load l = { r, err };
	char hex[KC_DIGEST_HEX];
	int rc;

	rc = factdb_open(r->path, FACTDB_READ, &db, err);
	if (rc)
		return rc;
	rc = factdb_counts(db, &n, err);
	if (!rc && n.tus > 0) {
		r->overlay = apidb_overlay_new(r->api);
		if (!r->overlay)
			rc = kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					"out of memory");
		if (!rc)
			rc = factdb_read_facts(db, load_one, &l, hex, err);
		if (!rc) {
			snprintf(r->key, sizeof(r->key), "read:%s", hex);
			r->read = 1;
		}
	}
	factdb_close(db);
	return rc;
}

int kc_db_round_begin(struct kc_db_round *r, const char *path,
		      struct kc_env *env, struct kc_run_opts *ro,
		      struct kc_err *err)
{
	size_t len = strlen(path) + 5;
	int rc = 0;

	memset(r, 0, sizeof(*r));
	r->path = path;
	r->api = env->env.api;
	r->tmp = malloc(len);
	if (!r->tmp)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	snprintf(r->tmp, len, "%s.new", path);
	if (!access(path, F_OK))
		rc = read_prev(r, err);
	if (!rc && unlink(r->tmp) && errno != ENOENT)
		rc = kc_err_set(err, KC_EIO, r->tmp, 0, 0,
				"cannot remove the leftover of an earlier run: %s",
				strerror(errno));
	if (!rc)
		rc = factdb_open(r->tmp, FACTDB_WRITE, &r->out, err);
	if (!rc)
		rc = factdb_unsynced(r->out, err);
	/* FILE's other TUs carry over: a run over part of the tree replaces
	 * only the rows of the TUs it checks */
	if (!rc && !access(path, F_OK))
		rc = factdb_merge(r->out, path, err);
	if (rc) {
		factdb_close(r->out);
		if (r->out)
			unlink(r->tmp);
		apidb_free(r->overlay);
		free(r->tmp);
		memset(r, 0, sizeof(*r));
		return rc;
	}
	snprintf(r->key + strlen(r->key), sizeof(r->key) - strlen(r->key),
		 "%swrite", r->read ? "+" : "");
	if (r->overlay)
		env->env.api = r->overlay;
	env->env.facts_key = r->key;
	/* workers look fields up from each TU's own directory */
	r->abs = r->read ? realpath(path, NULL) : NULL;
	if (r->read && !r->abs) {
		rc = kc_err_set(err, KC_EIO, path, 0, 0,
				"cannot resolve the fact database's path: %s",
				strerror(errno));
		(void)kc_db_round_end(r, 0, env, ro, err);
		return rc;
	}
	ro->db_read = r->abs;
	ro->db_write = r->out;
	return 0;
}

int kc_db_round_end(struct kc_db_round *r, int commit, struct kc_env *env,
		    struct kc_run_opts *ro, struct kc_err *err)
{
	int rc = 0;

	factdb_close(r->out);
	if (commit && rename(r->tmp, r->path))
		rc = kc_err_set(err, KC_EIO, r->path, 0, 0,
				"cannot replace the fact database with '%s': %s",
				r->tmp, strerror(errno));
	if (!commit || rc)
		unlink(r->tmp);
	env->env.api = r->api;
	env->env.facts_key = NULL;
	ro->db_read = NULL;
	ro->db_write = NULL;
	apidb_free(r->overlay);
	free(r->tmp);
	free(r->abs);
	memset(r, 0, sizeof(*r));
	return rc;
}
