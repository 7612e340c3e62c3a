/* factdb.c - the whole-tree fact database on SQLite (factdb.h,
 * docs/factdb.md). */
#include "factdb/factdb.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apidb/apidb.h"
#include "util/digest.h"

struct factdb {
	sqlite3 *db;
	char *path;
	long long tu;          /* row id of the TU being written, 0: none */
	char *tu_path;
	/* the per-TU and per-row statements, prepared on first use,
	 * finalized by close */
	sqlite3_stmt *del_tu, *ins_tu, *ins_fn, *ins_def, *ins_store;
	/* factdb_field()'s two queries, the same */
	sqlite3_stmt *fld_count, *fld_first;
};

/* The schema, version FACTDB_SCHEMA_VERSION. Written down in
 * docs/factdb.md; change both together and bump the version. */
static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS meta("
	" key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS tu("
	" id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
	" digest TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS fn_fact("
	" tu INTEGER NOT NULL REFERENCES tu(id) ON DELETE CASCADE,"
	" function TEXT NOT NULL, is_static INTEGER NOT NULL,"
	" record TEXT NOT NULL, line INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS fn_fact_function ON fn_fact(function);"
	"CREATE INDEX IF NOT EXISTS fn_fact_tu ON fn_fact(tu);"
	"CREATE TABLE IF NOT EXISTS field_store("
	" tu INTEGER NOT NULL REFERENCES tu(id) ON DELETE CASCADE,"
	" field TEXT NOT NULL, display TEXT NOT NULL, what TEXT NOT NULL,"
	" size TEXT NOT NULL, function TEXT NOT NULL,"
	" line INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS field_store_field ON field_store(field);"
	"CREATE TABLE IF NOT EXISTS fn_def("
	" tu INTEGER NOT NULL REFERENCES tu(id) ON DELETE CASCADE,"
	" function TEXT NOT NULL, is_static INTEGER NOT NULL,"
	" line INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS fn_def_function ON fn_def(function);"
	"CREATE INDEX IF NOT EXISTS fn_def_tu ON fn_def(tu);"
	"CREATE INDEX IF NOT EXISTS field_store_tu ON field_store(tu);";

static int db_error(struct kc_err *err, int code, const char *path,
		    sqlite3 *db, const char *what)
{
	return kc_err_set(err, code, path, 0, 0, "%s: %s", what,
			  db ? sqlite3_errmsg(db) : "out of memory");
}

static int exec(struct factdb *f, const char *sql, struct kc_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(f->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	kc_err_set(err, KC_EIO, f->path, 0, 0, "%s",
		   msg ? msg : sqlite3_errmsg(f->db));
	sqlite3_free(msg);
	return -KC_EIO;
}

/* Prepares sql on f; 0 or -KC_EIO with err filled. */
static int prep(struct factdb *f, const char *sql, sqlite3_stmt **st,
		struct kc_err *err)
{
	if (sqlite3_prepare_v2(f->db, sql, -1, st, NULL) == SQLITE_OK)
		return 0;
	*st = NULL;
	return db_error(err, KC_EIO, f->path, f->db, "cannot prepare query");
}

/* The statement in *slot, reset and unbound for the next row; prepared
 * from sql on first use. 0 or -KC_EIO with err filled. */
static int prep_once(struct factdb *f, sqlite3_stmt **slot, const char *sql,
		     struct kc_err *err)
{
	if (!*slot)
		return prep(f, sql, slot, err);
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return 0;
}

/* The value of meta key, copied into buf; 1 found, 0 absent, or -KC_E*. */
static int meta_get(struct factdb *f, const char *schema, const char *key,
		    char *buf, size_t size, struct kc_err *err)
{
	char sql[128];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT value FROM %s.meta WHERE key = ?1",
		 schema);
	if (prep(f, sql, &st, err))
		return -KC_EIO;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(st, 0);

		snprintf(buf, size, "%s", v ? (const char *)v : "");
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = db_error(err, KC_EIO, f->path, f->db, "cannot read meta");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Checks that schema (main or an attached shard) is a fact database of
 * our version; path names it in messages. */
static int check_version(struct factdb *f, const char *schema,
			 const char *path, struct kc_err *err)
{
	char v[32];
	int rc = meta_get(f, schema, "schema_version", v, sizeof(v), err);

	if (rc < 0)
		return kc_err_set(err, KC_EPARSE, path, 0, 0,
				  "not a ksizecheck fact database");
	if (rc == 0)
		return kc_err_set(err, KC_EPARSE, path, 0, 0,
				  "not a ksizecheck fact database (no schema "
				  "version)");
	if (atoi(v) != FACTDB_SCHEMA_VERSION)
		return kc_err_set(err, KC_EPARSE, path, 0, 0,
				  "fact database schema version %s, this "
				  "ksizecheck reads %d (rebuild it)", v,
				  FACTDB_SCHEMA_VERSION);
	return 0;
}

static int create_schema(struct factdb *f, struct kc_err *err)
{
	char sql[256];
	int rc;

	if (exec(f, "BEGIN IMMEDIATE", err))
		return -KC_EIO;
	rc = exec(f, schema_sql, err);
	snprintf(sql, sizeof(sql),
		 "INSERT OR IGNORE INTO meta VALUES ('schema_version', '%d');"
		 "INSERT OR IGNORE INTO meta VALUES ('producer', "
		 "'ksizecheck " KC_VERSION "');", FACTDB_SCHEMA_VERSION);
	if (!rc)
		rc = exec(f, sql, err);
	if (rc) {
		exec(f, "ROLLBACK", NULL);
		return rc;
	}
	return exec(f, "COMMIT", err);
}

int factdb_open(const char *path, enum factdb_mode mode, struct factdb **out,
		struct kc_err *err)
{
	struct factdb *f;
	int flags = mode == FACTDB_WRITE ?
		SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE :
		SQLITE_OPEN_READONLY;
	int rc;

	*out = NULL;
	f = calloc(1, sizeof(*f));
	if (!f || !(f->path = strdup(path))) {
		free(f);
		return kc_err_set(err, KC_ENOMEM, path, 0, 0, "out of memory");
	}
	if (sqlite3_open_v2(path, &f->db, flags, NULL) != SQLITE_OK) {
		rc = db_error(err, KC_EIO, path, f->db,
			      "cannot open fact database");
		factdb_close(f);
		return rc;
	}
	sqlite3_busy_timeout(f->db, 120000);
	sqlite3_extended_result_codes(f->db, 1);
	rc = exec(f, "PRAGMA foreign_keys = ON", err);
	if (!rc && mode == FACTDB_WRITE)
		rc = create_schema(f, err);
	if (!rc)
		rc = check_version(f, "main", path, err);
	if (rc) {
		factdb_close(f);
		return rc;
	}
	*out = f;
	return 0;
}

void factdb_close(struct factdb *f)
{
	if (!f)
		return;
	sqlite3_finalize(f->fld_count);
	sqlite3_finalize(f->fld_first);
	sqlite3_finalize(f->del_tu);
	sqlite3_finalize(f->ins_tu);
	sqlite3_finalize(f->ins_fn);
	sqlite3_finalize(f->ins_def);
	sqlite3_finalize(f->ins_store);
	if (f->tu)
		exec(f, "ROLLBACK", NULL);
	sqlite3_close(f->db);
	free(f->tu_path);
	free(f->path);
	free(f);
}

int factdb_begin_tu(struct factdb *f, const char *path, const char *digest,
		    struct kc_err *err)
{
	int rc;

	if (f->tu)
		return kc_err_set(err, KC_EINTERNAL, f->path, 0, 0,
				  "facts of '%s' begun inside those of '%s'",
				  path, f->tu_path);
	free(f->tu_path);
	if (!(f->tu_path = strdup(path)))
		return kc_err_set(err, KC_ENOMEM, f->path, 0, 0,
				  "out of memory");
	if (exec(f, "BEGIN IMMEDIATE", err))
		return -KC_EIO;
	rc = prep_once(f, &f->del_tu, "DELETE FROM tu WHERE path = ?1", err);
	if (!rc) {
		sqlite3_bind_text(f->del_tu, 1, path, -1, SQLITE_STATIC);
		if (sqlite3_step(f->del_tu) != SQLITE_DONE)
			rc = db_error(err, KC_EIO, f->path, f->db,
				      "cannot drop old facts");
		sqlite3_reset(f->del_tu);
	}
	if (!rc)
		rc = prep_once(f, &f->ins_tu,
			       "INSERT INTO tu(path, digest) VALUES (?1, ?2)",
			       err);
	if (!rc) {
		sqlite3_bind_text(f->ins_tu, 1, path, -1, SQLITE_STATIC);
		sqlite3_bind_text(f->ins_tu, 2, digest, -1, SQLITE_STATIC);
		if (sqlite3_step(f->ins_tu) != SQLITE_DONE)
			rc = db_error(err, KC_EIO, f->path, f->db,
				      "cannot record TU");
		sqlite3_reset(f->ins_tu);
	}
	if (rc) {
		exec(f, "ROLLBACK", NULL);
		return rc;
	}
	f->tu = sqlite3_last_insert_rowid(f->db);
	return 0;
}

int factdb_end_tu(struct factdb *f, int commit, struct kc_err *err)
{
	int rc;

	if (!f->tu)
		return kc_err_set(err, KC_EINTERNAL, f->path, 0, 0,
				  "no TU's facts begun");
	f->tu = 0;
	if (!commit)
		return exec(f, "ROLLBACK", err);
	rc = exec(f, "COMMIT", err);
	if (rc)
		exec(f, "ROLLBACK", NULL);
	return rc;
}

/* The name a rules-format record is about (its second field), copied
 * into buf; 0, or -KC_EPARSE when the record does not parse. */
static int record_name(const char *record, char *buf, size_t size,
		       struct kc_err *err)
{
	struct apidb *a = apidb_new();
	const char *p = record, *e;
	int rc;

	if (!a)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	rc = apidb_load_text(a, "fact", record, err);
	apidb_free(a);
	if (rc)
		return rc;
	while (*p == ' ' || *p == '\t')
		p++;
	p += strcspn(p, " \t");
	p += strspn(p, " \t");
	e = p + strcspn(p, " \t\n#");
	if (e == p || (size_t)(e - p) >= size)
		return kc_err_set(err, KC_EPARSE, "fact", 1, 0,
				  "record without a name: '%s'", record);
	memcpy(buf, p, (size_t)(e - p));
	buf[e - p] = 0;
	return 0;
}

int factdb_add_fn(struct factdb *f, const char *record, int is_static,
		  unsigned line, struct kc_err *err)
{
	char name[256];
	sqlite3_stmt *st;
	int rc;

	if (!f->tu)
		return kc_err_set(err, KC_EINTERNAL, f->path, 0, 0,
				  "function fact outside a TU");
	rc = record_name(record, name, sizeof(name), err);
	if (rc)
		return rc;
	if (prep_once(f, &f->ins_fn,
		      "INSERT INTO fn_fact VALUES (?1, ?2, ?3, ?4, ?5)", err))
		return -KC_EIO;
	st = f->ins_fn;
	sqlite3_bind_int64(st, 1, f->tu);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, !!is_static);
	sqlite3_bind_text(st, 4, record, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, (int)line);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 :
		db_error(err, KC_EIO, f->path, f->db, "cannot add fact");
	sqlite3_reset(st);
	return rc;
}

int factdb_add_def(struct factdb *f, const char *function, int is_static,
		   unsigned line, struct kc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!f->tu)
		return kc_err_set(err, KC_EINTERNAL, f->path, 0, 0,
				  "function definition outside a TU");
	if (prep_once(f, &f->ins_def,
		      "INSERT INTO fn_def VALUES (?1, ?2, ?3, ?4)", err))
		return -KC_EIO;
	st = f->ins_def;
	sqlite3_bind_int64(st, 1, f->tu);
	sqlite3_bind_text(st, 2, function, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, !!is_static);
	sqlite3_bind_int(st, 4, (int)line);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 :
		db_error(err, KC_EIO, f->path, f->db, "cannot add definition");
	sqlite3_reset(st);
	return rc;
}

int factdb_add_store(struct factdb *f, const struct factdb_store *s,
		     struct kc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!f->tu)
		return kc_err_set(err, KC_EINTERNAL, f->path, 0, 0,
				  "field store outside a TU");
	if (!s->field || !*s->field || !s->what || !s->size)
		return kc_err_set(err, KC_EINTERNAL, f->path, 0, 0,
				  "field store without field, what or size");
	if (prep_once(f, &f->ins_store, "INSERT INTO field_store VALUES "
		      "(?1, ?2, ?3, ?4, ?5, ?6, ?7)", err))
		return -KC_EIO;
	st = f->ins_store;
	sqlite3_bind_int64(st, 1, f->tu);
	sqlite3_bind_text(st, 2, s->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->display ? s->display : s->field, -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->what, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, s->size, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, s->function ? s->function : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_int(st, 7, (int)s->line);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 :
		db_error(err, KC_EIO, f->path, f->db, "cannot add store");
	sqlite3_reset(st);
	return rc;
}

/* External functions: usable when every TU that defines the name
 * (fn_def) has records for it and all give the same set of records: the
 * number of distinct records times the number of TUs with records equals
 * the number of rows, and that number of TUs is the number of defining
 * TUs. Statics: only the asking TU's own. */
static const char fn_query[] =
	"SELECT record, is_static, MIN(tu.path), line FROM fn_fact"
	" JOIN tu ON fn_fact.tu = tu.id WHERE is_static = 0 AND "
	" function IN (SELECT function FROM fn_fact f WHERE is_static = 0"
	"  GROUP BY function HAVING COUNT(DISTINCT record) *"
	"  COUNT(DISTINCT tu) = COUNT(*) AND COUNT(DISTINCT tu) ="
	"  (SELECT COUNT(DISTINCT d.tu) FROM fn_def d"
	"   WHERE d.function = f.function AND d.is_static = 0))"
	" GROUP BY function, record "
	"UNION ALL "
	"SELECT record, is_static, tu.path, line FROM fn_fact"
	" JOIN tu ON fn_fact.tu = tu.id"
	" WHERE is_static = 1 AND tu.path = ?1 "
	"ORDER BY 1";

int factdb_fn_facts(struct factdb *f, const char *path,
		    int (*cb)(void *data, const struct factdb_fn_fact *fact),
		    void *data, struct kc_err *err)
{
	sqlite3_stmt *st;
	int rc, step;

	if (prep(f, fn_query, &st, err))
		return -KC_EIO;
	sqlite3_bind_text(st, 1, path ? path : "", -1, SQLITE_STATIC);
	rc = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *rec = sqlite3_column_text(st, 0);
		const unsigned char *at = sqlite3_column_text(st, 2);
		struct factdb_fn_fact fact = {
			.record = rec ? (const char *)rec : "",
			.is_static = sqlite3_column_int(st, 1),
			.path = at ? (const char *)at : "",
			.line = (unsigned)sqlite3_column_int(st, 3),
		};

		rc = cb(data, &fact);
		if (rc)
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_error(err, KC_EIO, f->path, f->db,
			      "cannot read function facts");
	sqlite3_finalize(st);
	return rc;
}

struct records_cb {
	int (*cb)(void *data, const char *record, int is_static);
	void *data;
};

static int records_one(void *data, const struct factdb_fn_fact *fact)
{
	struct records_cb *r = data;

	return r->cb(r->data, fact->record, fact->is_static);
}

int factdb_fn_records(struct factdb *f, const char *path,
		      int (*cb)(void *data, const char *record, int is_static),
		      void *data, struct kc_err *err)
{
	struct records_cb r = { cb, data };

	return factdb_fn_facts(f, path, records_one, &r, err);
}

struct digest_pass {
	struct kc_digest *d;
	int (*cb)(void *data, const struct factdb_fn_fact *fact);
	void *data;
};

static int digest_fact(void *data, const struct factdb_fn_fact *fact)
{
	struct digest_pass *p = data;

	kc_digest_add_str(p->d, fact->record);
	return p->cb ? p->cb(p->data, fact) : 0;
}

int factdb_digest(struct factdb *f, char *hex, struct kc_err *err)
{
	return factdb_read_facts(f, NULL, NULL, hex, err);
}

int factdb_read_facts(struct factdb *f,
		      int (*cb)(void *data, const struct factdb_fn_fact *fact),
		      void *data, char *hex, struct kc_err *err)
{
	struct kc_digest *d = kc_digest_new();
	struct digest_pass p = { d, cb, data };
	sqlite3_stmt *st;
	int rc, step;

	if (!d)
		return kc_err_set(err, KC_ENOMEM, f->path, 0, 0,
				  "out of memory");
	kc_digest_add_u64(d, FACTDB_SCHEMA_VERSION);
	rc = factdb_fn_facts(f, "", digest_fact, &p, err);
	if (!rc && prep(f, "SELECT field, what, size FROM field_store"
			" ORDER BY 1, 2, 3", &st, err))
		rc = -KC_EIO;
	else if (!rc) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			for (int i = 0; i < 3; i++) {
				const unsigned char *v =
					sqlite3_column_text(st, i);

				kc_digest_add_str(d, v ? (const char *)v : "");
			}
		if (step != SQLITE_DONE)
			rc = db_error(err, KC_EIO, f->path, f->db,
				      "cannot read field stores");
		sqlite3_finalize(st);
	}
	if (!rc)
		kc_digest_hex(d, hex);
	kc_digest_free(d);
	return rc;
}

static void copy_col(char *buf, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", v ? (const char *)v : "");
}

int factdb_field(struct factdb *f, const char *field,
		 struct factdb_field *out, struct kc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	if (prep_once(f, &f->fld_count,
		      "SELECT COUNT(*), COUNT(DISTINCT what || ' ' || size)"
		      " FROM field_store WHERE field = ?1", err))
		return -KC_EIO;
	st = f->fld_count;
	sqlite3_bind_text(st, 1, field, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_error(err, KC_EIO, f->path, f->db,
			      "cannot read field stores");
		sqlite3_reset(st);
		return rc;
	}
	out->nstores = (unsigned)sqlite3_column_int(st, 0);
	out->nkinds = (unsigned)sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (!out->nstores)
		return 0;
	if (prep_once(f, &f->fld_first,
		      "SELECT what, size, display, tu.path, line FROM"
		      " field_store JOIN tu ON field_store.tu = tu.id"
		      " WHERE field = ?1 ORDER BY tu.path, line LIMIT 1", err))
		return -KC_EIO;
	st = f->fld_first;
	sqlite3_bind_text(st, 1, field, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy_col(out->what, sizeof(out->what), st, 0);
		copy_col(out->size, sizeof(out->size), st, 1);
		copy_col(out->display, sizeof(out->display), st, 2);
		copy_col(out->path, sizeof(out->path), st, 3);
		out->line = (unsigned)sqlite3_column_int(st, 4);
		rc = 1;
	} else {
		rc = db_error(err, KC_EIO, f->path, f->db,
			      "cannot read field stores");
	}
	sqlite3_reset(st);
	return rc;
}

/* Folding a shard: its TUs replace ours (ON DELETE CASCADE drops their
 * rows), then the rows are copied with the TU ids mapped by path. */
static const char merge_sql[] =
	"DELETE FROM main.tu WHERE path IN (SELECT path FROM shard.tu);"
	"INSERT INTO main.tu(path, digest) SELECT path, digest FROM shard.tu;"
	"INSERT INTO main.fn_fact SELECT m.id, s.function, s.is_static,"
	" s.record, s.line FROM shard.fn_fact s JOIN shard.tu st"
	" ON s.tu = st.id JOIN main.tu m ON m.path = st.path;"
	"INSERT INTO main.field_store SELECT m.id, s.field, s.display,"
	" s.what, s.size, s.function, s.line FROM shard.field_store s"
	" JOIN shard.tu st ON s.tu = st.id JOIN main.tu m"
	" ON m.path = st.path;"
	"INSERT INTO main.fn_def SELECT m.id, s.function, s.is_static, s.line"
	" FROM shard.fn_def s JOIN shard.tu st ON s.tu = st.id"
	" JOIN main.tu m ON m.path = st.path;";

int factdb_merge(struct factdb *f, const char *shard, struct kc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (f->tu)
		return kc_err_set(err, KC_EINTERNAL, f->path, 0, 0,
				  "merge inside a TU's facts");
	if (prep(f, "ATTACH DATABASE ?1 AS shard", &st, err))
		return -KC_EIO;
	sqlite3_bind_text(st, 1, shard, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 :
		db_error(err, KC_EIO, shard, f->db, "cannot open shard");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	rc = check_version(f, "shard", shard, err);
	if (!rc && !(rc = exec(f, "BEGIN IMMEDIATE", err))) {
		rc = exec(f, merge_sql, err);
		if (rc)
			exec(f, "ROLLBACK", NULL);
		else
			rc = exec(f, "COMMIT", err);
	}
	exec(f, "DETACH DATABASE shard", NULL);
	return rc;
}

static long long count_rows(struct factdb *f, const char *sql,
			    struct kc_err *err)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (prep(f, sql, &st, err))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		db_error(err, KC_EIO, f->path, f->db, "cannot count rows");
	sqlite3_finalize(st);
	return n;
}

int factdb_counts(struct factdb *f, struct factdb_counts *out,
		  struct kc_err *err)
{
	out->tus = count_rows(f, "SELECT COUNT(*) FROM tu", err);
	out->fns = count_rows(f, "SELECT COUNT(*) FROM fn_fact", err);
	out->stores = count_rows(f, "SELECT COUNT(*) FROM field_store", err);
	out->defs = count_rows(f, "SELECT COUNT(*) FROM fn_def", err);
	return out->tus < 0 || out->fns < 0 || out->stores < 0 ||
	       out->defs < 0 ? -KC_EIO : 0;
}

int factdb_unsynced(struct factdb *f, struct kc_err *err)
{
	return exec(f, "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY",
		    err);
}
