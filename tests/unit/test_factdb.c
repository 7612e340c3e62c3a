/* test_factdb.c - the whole-tree fact database: creation, per-TU
 * replacement, agreement of external function facts, statics kept to
 * their TU, field stores, shard merge, and the errors for a database of
 * another version, a file that is not one, and a bad record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "factdb/factdb.h"

struct recs {
	char text[2048];
	int n;
};

static int collect(void *data, const char *record, int is_static)
{
	struct recs *r = data;
	size_t len = strlen(r->text);

	snprintf(r->text + len, sizeof(r->text) - len, "%s%s|", record,
		 is_static ? " (static)" : "");
	r->n++;
	return 0;
}

static void records(struct factdb *db, const char *path, struct recs *r)
{
	struct kc_err err = { 0 };

	memset(r, 0, sizeof(*r));
	CHECK(factdb_fn_records(db, path, collect, r, &err) == 0);
}

/* One TU's facts: def and records for each (name, record) pair. */
static void add_tu(struct factdb *db, const char *path, const char *fn,
		   const char *record, int is_static)
{
	struct kc_err err = { 0 };

	CHECK(factdb_begin_tu(db, path, "d1", &err) == 0);
	CHECK(factdb_add_def(db, fn, is_static, 10, &err) == 0);
	if (record)
		CHECK(factdb_add_fn(db, record, is_static, 10, &err) == 0);
	CHECK(factdb_end_tu(db, 1, &err) == 0);
}

static void test_basic(const char *dir)
{
	char path[512];
	struct factdb *db;
	struct kc_err err = { 0 };
	struct recs r;
	struct factdb_counts n;
	struct factdb_field fld;
	struct factdb_store st = {
		.field = "c:@S@foo_port@FI@rx_buf",
		.display = "struct foo_port.rx_buf",
		.what = "kmalloc", .size = "1500",
		.function = "foo_open", .line = 120,
	};

	snprintf(path, sizeof(path), "%s/a.db", dir);
	CHECK(factdb_open(path, FACTDB_WRITE, &db, &err) == 0);
	if (!db)
		return;
	add_tu(db, "drivers/x/a.c", "foo_buf_alloc",
	       "alloc foo_buf_alloc kmalloc $1*8", 0);
	add_tu(db, "drivers/x/b.c", "foo_helper",
	       "free foo_helper $0", 1);
	records(db, "drivers/x/c.c", &r);
	CHECK(r.n == 1);
	CHECK(!strcmp(r.text, "alloc foo_buf_alloc kmalloc $1*8|"));
	/* the static is seen only from its own TU */
	records(db, "drivers/x/b.c", &r);
	CHECK(r.n == 2);
	CHECK(strstr(r.text, "free foo_helper $0 (static)|") != NULL);

	/* a second definition that disagrees makes the fact unusable */
	add_tu(db, "arch/y/a.c", "foo_buf_alloc",
	       "alloc foo_buf_alloc vmalloc $1*8", 0);
	records(db, "drivers/x/c.c", &r);
	CHECK(r.n == 0);
	/* one without any fact too */
	add_tu(db, "arch/y/a.c", "foo_buf_alloc", NULL, 0);
	records(db, "drivers/x/c.c", &r);
	CHECK(r.n == 0);
	/* re-checking the file with the same fact as a.c restores it */
	add_tu(db, "arch/y/a.c", "foo_buf_alloc",
	       "alloc foo_buf_alloc kmalloc $1*8", 0);
	records(db, "drivers/x/c.c", &r);
	CHECK(r.n == 1);

	/* re-checking replaces the TU's rows */
	CHECK(factdb_counts(db, &n, &err) == 0);
	CHECK(n.tus == 3 && n.fns == 3 && n.stores == 0);

	CHECK(factdb_begin_tu(db, "drivers/x/a.c", "d2", &err) == 0);
	CHECK(factdb_add_store(db, &st, &err) == 0);
	st.line = 130;
	CHECK(factdb_add_store(db, &st, &err) == 0);
	CHECK(factdb_end_tu(db, 1, &err) == 0);
	CHECK(factdb_field(db, st.field, &fld, &err) == 1);
	CHECK(fld.nstores == 2 && fld.nkinds == 1);
	CHECK(!strcmp(fld.what, "kmalloc") && !strcmp(fld.size, "1500"));
	CHECK(!strcmp(fld.path, "drivers/x/a.c") && fld.line == 120);
	CHECK(factdb_field(db, "c:@S@foo_port@FI@tx_buf", &fld, &err) == 0);
	CHECK(factdb_counts(db, &n, &err) == 0);
	CHECK(n.tus == 3 && n.fns == 2 && n.stores == 2);

	/* a rolled-back TU leaves the old rows alone */
	CHECK(factdb_begin_tu(db, "drivers/x/a.c", "d3", &err) == 0);
	CHECK(factdb_end_tu(db, 0, &err) == 0);
	CHECK(factdb_field(db, st.field, &fld, &err) == 1);

	/* a malformed record is refused with its position */
	CHECK(factdb_begin_tu(db, "drivers/x/d.c", "d1", &err) == 0);
	CHECK(factdb_add_fn(db, "alloc foo kmallok $0", 0, 1, &err) ==
	      -KC_EPARSE);
	CHECK(strstr(err.msg, "kmallok") != NULL);
	CHECK(factdb_end_tu(db, 0, &err) == 0);
	factdb_close(db);
}

static void test_merge(const char *dir)
{
	char a[512], b[512];
	struct factdb *da, *db;
	struct kc_err err = { 0 };
	struct recs r;
	struct factdb_counts n;

	snprintf(a, sizeof(a), "%s/m1.db", dir);
	snprintf(b, sizeof(b), "%s/m2.db", dir);
	CHECK(factdb_open(a, FACTDB_WRITE, &da, &err) == 0);
	CHECK(factdb_open(b, FACTDB_WRITE, &db, &err) == 0);
	if (!da || !db)
		return;
	add_tu(da, "fs/one.c", "one_alloc", "alloc one_alloc kmalloc 64", 0);
	add_tu(da, "fs/two.c", "two_alloc", "alloc two_alloc kmalloc 32", 0);
	/* the shard re-checked two.c: its rows win */
	add_tu(db, "fs/two.c", "two_alloc", "alloc two_alloc kmalloc 48", 0);
	add_tu(db, "fs/three.c", "three_free", "free three_free $0", 0);
	factdb_close(db);
	CHECK(factdb_merge(da, b, &err) == 0);
	CHECK(factdb_counts(da, &n, &err) == 0);
	CHECK(n.tus == 3 && n.fns == 3);
	records(da, "x.c", &r);
	CHECK(r.n == 3);
	CHECK(strstr(r.text, "alloc two_alloc kmalloc 48|") != NULL);
	CHECK(strstr(r.text, "kmalloc 32") == NULL);
	/* merging the same shard again changes nothing */
	CHECK(factdb_merge(da, b, &err) == 0);
	CHECK(factdb_counts(da, &n, &err) == 0);
	CHECK(n.tus == 3 && n.fns == 3);
	factdb_close(da);
}

static void test_errors(const char *dir)
{
	char path[512];
	struct factdb *db;
	struct kc_err err = { 0 };
	sqlite3 *raw;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/none.db", dir);
	CHECK(factdb_open(path, FACTDB_READ, &db, &err) == -KC_EIO);
	CHECK(db == NULL);
	CHECK(strstr(err.msg, "cannot open fact database") != NULL);

	snprintf(path, sizeof(path), "%s/text.db", dir);
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp) {
		fputs("this is not a database, it is a text file of some "
		      "length so that sqlite reads a header\n", fp);
		fclose(fp);
	}
	CHECK(factdb_open(path, FACTDB_READ, &db, &err) < 0);
	CHECK(db == NULL);
	CHECK(!strcmp(err.file, path));

	/* another schema version is refused, not misread */
	snprintf(path, sizeof(path), "%s/v9.db", dir);
	CHECK(factdb_open(path, FACTDB_WRITE, &db, &err) == 0);
	factdb_close(db);
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "UPDATE meta SET value = '9' WHERE key = "
			   "'schema_version'", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	CHECK(factdb_open(path, FACTDB_READ, &db, &err) == -KC_EPARSE);
	CHECK(strstr(err.msg, "schema version 9") != NULL);

	/* an SQLite database that is not ours */
	snprintf(path, sizeof(path), "%s/other.db", dir);
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "CREATE TABLE t(x)", NULL, NULL, NULL) ==
	      SQLITE_OK);
	sqlite3_close(raw);
	CHECK(factdb_open(path, FACTDB_READ, &db, &err) == -KC_EPARSE);
	CHECK(strstr(err.msg, "not a ksizecheck fact database") != NULL);

	/* rows outside a TU are an internal error, not a crash */
	snprintf(path, sizeof(path), "%s/b.db", dir);
	CHECK(factdb_open(path, FACTDB_WRITE, &db, &err) == 0);
	if (db) {
		CHECK(factdb_add_fn(db, "free f $0", 0, 1, &err) ==
		      -KC_EINTERNAL);
		CHECK(factdb_end_tu(db, 1, &err) == -KC_EINTERNAL);
		factdb_close(db);
	}
}

int main(void)
{
	char dir[] = "/tmp/kc-factdb-XXXXXX";
	char cmd[600];

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_basic(dir);
	test_merge(dir);
	test_errors(dir);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	if (failures)
		fprintf(stderr, "%d checks failed\n", failures);
	return failures != 0;
}
