/* factdb.h - the whole-tree fact database (SQLite): what one TU's
 * analysis learned that other TUs need, written during one run and read
 * by the next (docs/factdb.md has the schema and the soundness policy).
 *
 * Facts are kept per TU (its main file's path): re-checking a file
 * replaces that file's rows, and `merge` folds the databases of CI shards
 * into one. Function facts are records of the rules format
 * (docs/rules-format.md: "alloc foo_buf_alloc kmalloc $1*8"), so the
 * next round loads them into the apidb like a --rules file. Field facts
 * are stores into struct fields, keyed by the field's USR (stable across
 * TUs: "c:@S@foo_port@FI@rx_buf").
 *
 * Errors follow util/err.h: 0 or a negative KC_E* code with err filled
 * ("OUT.db: schema version 7, this ksizecheck reads 1").
 */
#ifndef KC_FACTDB_FACTDB_H
#define KC_FACTDB_FACTDB_H

#include "util/err.h"

/* The schema this code reads and writes; a database of another version
 * is refused with a message, never misread. */
#define FACTDB_SCHEMA_VERSION 1

struct factdb;

enum factdb_mode {
	FACTDB_READ = 0,   /* must exist */
	FACTDB_WRITE,      /* created when absent */
};

/* Opens (FACTDB_WRITE: creates) the database at path. Checks that it is
 * a ksizecheck fact database of FACTDB_SCHEMA_VERSION. *out is NULL on
 * error. Close with factdb_close(). Several processes may write one
 * database at once (each waits for the others' transactions). */
int factdb_open(const char *path, enum factdb_mode mode, struct factdb **out,
		struct kc_err *err);
void factdb_close(struct factdb *db);

/* Starts the facts of one TU: drops every row an earlier run wrote for
 * path and records digest (of the main file and flags, caller's choice).
 * Until factdb_end_tu() the rows are one transaction. */
int factdb_begin_tu(struct factdb *db, const char *path, const char *digest,
		    struct kc_err *err);
/* Commits the TU's rows (commit != 0) or drops them. */
int factdb_end_tu(struct factdb *db, int commit, struct kc_err *err);

/* What a function does, as one rules-format record (its name is the
 * record's second field). is_static: the function has internal linkage,
 * so the fact holds only inside this TU. The record is checked with the
 * apidb's parser before it is stored. */
int factdb_add_fn(struct factdb *db, const char *record, int is_static,
		  unsigned line, struct kc_err *err);

/* Records that the TU defines function (every definition, with facts or
 * without): an external function's facts are used only when every TU
 * that defines it gave the same ones. */
int factdb_add_def(struct factdb *db, const char *function, int is_static,
		   unsigned line, struct kc_err *err);

/* One store into a struct field. */
struct factdb_store {
	const char *field;     /* USR of the FieldDecl */
	const char *display;   /* "struct foo_port.rx_buf" */
	const char *what;      /* a family of the rules format ("kmalloc",
				* "vmalloc", ...), "ksize:SIBLING" for a
				* capacity that holds ksize() of the sibling
				* pointer field, or "unknown" */
	const char *size;      /* requested size as a rules-format formula,
				* "?" when not expressible, "-" for none */
	const char *function;  /* the storing function */
	unsigned line;
};
int factdb_add_store(struct factdb *db, const struct factdb_store *st,
		     struct kc_err *err);

/* The function facts that hold for TU path: the records of every
 * external function whose definitions in the database all agree (one
 * definition, or the same records from each), and of path's own static
 * functions. Calls cb once per record, in a stable order (function name,
 * then record text); cb returns 0 to go on. Returns 0, the first nonzero
 * value of cb, or a negative KC_E* code. */
int factdb_fn_records(struct factdb *db, const char *path,
		      int (*cb)(void *data, const char *record, int is_static),
		      void *data, struct kc_err *err);

/* factdb_fn_records() with where each record comes from: path and line
 * of the definition it was derived from (of an external function whose
 * definitions agree: the first TU by path). The strings live until cb
 * returns. */
struct factdb_fn_fact {
	const char *record;
	int is_static;
	const char *path;
	unsigned line;
};
int factdb_fn_facts(struct factdb *db, const char *path,
		    int (*cb)(void *data, const struct factdb_fn_fact *fact),
		    void *data, struct kc_err *err);

/* A digest (hex, KC_DIGEST_HEX bytes of util/digest.h: 33) of everything
 * a TU of the next round may read: the external function records that
 * agree and every field store (field, what, size). The result cache keys
 * round-two entries with it, so a changed fact re-checks them. Returns 0
 * or a negative KC_E* code. */
int factdb_digest(struct factdb *db, char *hex, struct kc_err *err);
/* factdb_fn_facts() of every path (cb may be NULL) and factdb_digest()
 * in one read of the records: what a round loads. */
int factdb_read_facts(struct factdb *db,
		      int (*cb)(void *data, const struct factdb_fn_fact *fact),
		      void *data, char *hex, struct kc_err *err);

/* The union over the tree of the stores into one field. */
struct factdb_field {
	unsigned nstores;      /* stores seen, every TU */
	unsigned nkinds;       /* distinct (what, size) pairs among them */
	char what[64];         /* of the first store (by path, line) */
	char size[128];
	char display[128];
	char path[512];        /* where the first store is */
	unsigned line;
};
/* Fills *out for field (a USR); returns 1 when it has stores, 0 when none,
 * or a negative KC_E* code. */
int factdb_field(struct factdb *db, const char *field,
		 struct factdb_field *out, struct kc_err *err);

/* Folds the database at shard into db: the TUs it has replace db's rows
 * for the same paths. Returns 0 or a negative KC_E* code; db is unchanged
 * on error. */
int factdb_merge(struct factdb *db, const char *shard, struct kc_err *err);

/* Row counts for --stats and tests. */
struct factdb_counts {
	long long tus, fns, stores, defs;
};
int factdb_counts(struct factdb *db, struct factdb_counts *out,
		  struct kc_err *err);

/* For a database that is a temporary file renamed into place only after
 * a whole run (driver/dbround.c): commits do not wait for the disk
 * (synchronous off, journal in memory), so a run's thousands of per-TU
 * transactions cost no fsync each. A crash leaves a damaged temporary
 * file, never the database. 0 or -KC_EIO. */
int factdb_unsynced(struct factdb *db, struct kc_err *err);

#endif
