/* dbcmd.c - `ksizecheck db merge OUT SHARD...` and `ksizecheck db stats
 * FILE`: the fact database's CI side (docs/factdb.md). A matrix job per
 * shard runs `--shard I/N --db shard-I.db`; one job merges the shards
 * (a shard's TUs replace OUT's rows of the same paths) and the next
 * round reads the result. */
#include <stdio.h>
#include <string.h>

#include "cli/opts.h"
#include "factdb/factdb.h"

static int db_fail(const struct kc_err *err)
{
	char msg[2048];

	kc_err_format(err, msg, sizeof(msg));
	fprintf(stderr, "ksizecheck: error: %s\n", msg);
	return 2;
}

static int db_merge(int argc, char **argv)
{
	struct kc_err err = { 0 };
	struct factdb *db;
	int rc;

	if (argc < 4) {
		fprintf(stderr, "usage: ksizecheck db merge OUT.db SHARD.db...\n");
		return 2;
	}
	rc = factdb_open(argv[2], FACTDB_WRITE, &db, &err);
	for (int i = 3; !rc && i < argc; i++)
		rc = factdb_merge(db, argv[i], &err);
	factdb_close(db);
	return rc ? db_fail(&err) : 0;
}

static int db_stats(int argc, char **argv)
{
	struct kc_err err = { 0 };
	struct factdb_counts n;
	struct factdb *db;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: ksizecheck db stats FILE.db\n");
		return 2;
	}
	rc = factdb_open(argv[2], FACTDB_READ, &db, &err);
	if (!rc)
		rc = factdb_counts(db, &n, &err);
	factdb_close(db);
	if (rc)
		return db_fail(&err);
	printf("%s: schema %d, %lld TUs, %lld function definitions, %lld function facts, %lld field stores\n",
	       argv[2], FACTDB_SCHEMA_VERSION, n.tus, n.defs, n.fns, n.stores);
	return 0;
}

int kc_db_main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "merge"))
		return db_merge(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "stats"))
		return db_stats(argc, argv);
	fprintf(stderr, "usage: ksizecheck db merge OUT.db SHARD.db...\n"
			"       ksizecheck db stats FILE.db\n");
	return 2;
}
