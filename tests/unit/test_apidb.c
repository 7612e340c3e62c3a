/* test_apidb.c - the API table loader: shipped tables, formulas, and
 * malformed rows rejected with their position. */
#include "apidb/apidb.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static void expect_error(const char *text, const char *msg)
{
	struct apidb *db = apidb_new();
	struct kc_err err = { 0 };
	char buf[2048];
	int ret = apidb_load_text(db, "t.tbl", text, &err);

	kc_err_format(&err, buf, sizeof(buf));
	if (ret != -KC_EPARSE || !strstr(buf, msg)) {
		fprintf(stderr, "for '%s': got %d '%s', want '%s'\n", text,
			ret, buf, msg);
		failures++;
	}
	apidb_free(db);
}

static void test_shipped(void)
{
	struct apidb *db = apidb_new();
	struct kc_err err = { 0 };
	const struct apidb_fn *f;
	int ret = apidb_load_default(db, "rules", NULL, 0, &err);

	if (ret) {
		char buf[2048];

		kc_err_format(&err, buf, sizeof(buf));
		fprintf(stderr, "loading rules/: %s\n", buf);
	}
	CHECK(ret == 0);
	CHECK(apidb_count(db) > 150);
	f = apidb_lookup(db, "kcalloc");
	CHECK(f && f->kind == APIDB_ALLOC && f->family == APIDB_FAM_KMALLOC);
	CHECK(f && f->size && f->size->op == APIDB_OP_MUL);
	f = apidb_lookup(db, "krealloc");
	CHECK(f && f->realloc_arg == 0 && f->size->op == APIDB_OP_ARG &&
	      f->size->arg == 1);
	f = apidb_lookup(db, "kmalloc_trace");
	CHECK(f && f->size->arg == 2);
	f = apidb_lookup(db, "__kmalloc_cache_node_noprof");
	CHECK(f && f->size->arg == 3);
	f = apidb_lookup(db, "kvmalloc_node_noprof");
	CHECK(f && f->family == APIDB_FAM_KVMALLOC);
	f = apidb_lookup(db, "__get_free_pages");
	CHECK(f && f->family == APIDB_FAM_PAGE &&
	      f->size->op == APIDB_OP_SHL);
	f = apidb_lookup(db, "kmem_cache_free");
	CHECK(f && f->kind == APIDB_FREE && f->arg == 1);
	f = apidb_lookup(db, "__ksize");
	CHECK(f && f->kind == APIDB_QUERY && f->query == APIDB_Q_KSIZE);
	f = apidb_lookup(db, "kmalloc_size_roundup");
	CHECK(f && f->query == APIDB_Q_ROUNDUP);
	f = apidb_lookup(db, "memset");
	CHECK(f && f->kind == APIDB_SINK && f->dst == 0 && f->src == -1);
	f = apidb_lookup(db, "strscpy");
	CHECK(f && (f->flags & APIDB_F_UPTO) && (f->flags & APIDB_F_SRCLEN));
	f = apidb_lookup(db, "strscpy_pad");
	CHECK(f && !(f->flags & APIDB_F_SRCLEN));
	f = apidb_lookup(db, "strlcat");
	CHECK(f && (f->flags & APIDB_F_SRCLEN) && (f->flags & APIDB_F_ATEND));
	f = apidb_lookup(db, "memdup_user");
	CHECK(f && (f->flags & APIDB_F_ERRPTR));
	CHECK(!apidb_lookup(db, "no_such_function"));
	f = apidb_lookup(db, "IS_ERR_OR_NULL");
	CHECK(f && f->kind == APIDB_PRED &&
	      f->query == APIDB_P_ISERR_OR_NULL && f->arg == 0);
	f = apidb_lookup(db, "size_mul");
	CHECK(f && f->kind == APIDB_SIZEFN && f->size->op == APIDB_OP_MUL);
	f = apidb_lookup(db, "ERR_PTR");
	CHECK(f && f->kind == APIDB_ERRPTR);
	f = apidb_lookup(db, "panic");
	CHECK(f && f->kind == APIDB_NORETURN);
	f = apidb_lookup(db, "get_free_pages_noprof");
	CHECK(f && f->family == APIDB_FAM_PAGE);
	apidb_free(db);
}

static void test_fmt(void)
{
	struct apidb *db = apidb_new();
	struct kc_err err = { 0 };
	const struct apidb_fn *f;

	CHECK(apidb_load_text(db, "f.tbl",
			      "sink my_snprintf $0 - $1 upto fmt=$2\n"
			      "sink my_fill $0 - $1 upto\n", &err) == 0);
	f = apidb_lookup(db, "my_snprintf");
	CHECK(f && f->fmt == 2 && (f->flags & APIDB_F_UPTO));
	f = apidb_lookup(db, "my_fill");
	CHECK(f && f->fmt == -1);
	apidb_free(db);
}

static void test_override(void)
{
	struct apidb *db = apidb_new();
	struct kc_err err = { 0 };
	const struct apidb_fn *f;

	CHECK(apidb_load_text(db, "a.tbl",
			      "alloc my_alloc kmalloc $0 # comment\n"
			      "\n# only a comment\n"
			      "alloc my_alloc vmalloc strlen($1)+1\n"
			      "alloc my_dup kmalloc min(strlen($0),$1)+1\n"
			      "alloc my_pages page PAGE<<($1+1)\n",
			      &err) == 0);
	f = apidb_lookup(db, "my_alloc");
	CHECK(f && f->family == APIDB_FAM_VMALLOC &&
	      f->size->op == APIDB_OP_ADD &&
	      f->size->l->op == APIDB_OP_STRLEN);
	CHECK(apidb_count(db) == 3);
	f = apidb_lookup(db, "my_dup");
	CHECK(f && f->size->l->op == APIDB_OP_MIN);
	apidb_free(db);
}

static int count_one(const struct apidb_fn *f, void *data)
{
	(void)f;
	(*(int *)data)++;
	return 0;
}

/* An overlay (the fact database's records of a round) over a base that
 * it never changes: lookups fall through, the overlay's entry shadows
 * the base's, foreach sees each name once, facts carry their origin. */
static void test_overlay(void)
{
	struct apidb *base = apidb_new(), *ov;
	struct kc_err err = { 0 };
	const struct apidb_fn *f;
	int n = 0;

	CHECK(apidb_load_text(base, "b.tbl", "alloc kmalloc kmalloc $0\n"
			      "free kfree $0\nalloc my_alloc kmalloc $0\n",
			      &err) == 0);
	ov = apidb_overlay_new(base);
	CHECK(ov && apidb_base(ov) == base);
	CHECK(apidb_add_fact(ov, "alloc foo_buf_alloc kmalloc $1*8",
			     "drivers/x/foo_lib.c", 40, &err) == 0);
	CHECK(apidb_add_fact(ov, "alloc my_alloc vmalloc ?", "x.c", 3,
			     &err) == 0);
	f = apidb_lookup(ov, "foo_buf_alloc");
	CHECK(f && (f->flags & APIDB_F_FACT) && f->line == 40 &&
	      !strcmp(f->file, "drivers/x/foo_lib.c") &&
	      !strcmp(f->fact, "alloc foo_buf_alloc kmalloc $1*8"));
	f = apidb_lookup(ov, "kfree");
	CHECK(f && f->kind == APIDB_FREE && !(f->flags & APIDB_F_FACT));
	CHECK(apidb_lookup(ov, "my_alloc")->family == APIDB_FAM_VMALLOC);
	CHECK(apidb_lookup(base, "my_alloc")->family == APIDB_FAM_KMALLOC);
	CHECK(!apidb_lookup(base, "foo_buf_alloc"));
	CHECK(apidb_foreach(ov, count_one, &n) == 0 && n == 4);
	CHECK(apidb_add_fact(ov, "alloc bad kmalloc $0*", "y.c", 1,
			     &err) == -KC_EPARSE);
	apidb_free(ov);
	CHECK(apidb_lookup(base, "kmalloc") != NULL);
	apidb_free(base);
}

int main(void)
{
	test_fmt();
	test_overlay();
	test_shipped();
	test_override();
	expect_error("alloc x slabb $0\n", "t.tbl:1:9: unknown family 'slabb'");
	expect_error("\nalloc x kmalloc $0*\n", "t.tbl:2:20: bad size formula");
	expect_error("alloc x kmalloc $0 frob\n",
		     "t.tbl:1:20: unknown option 'frob'");
	expect_error("alloc 9x kmalloc $0\n", "t.tbl:1:7: '9x' is not a");
	/* fmt= belongs to bounded writers only */
	expect_error("sink p $0 - $1 fmt=$2\n",
		     "t.tbl:1:16: unknown option 'fmt=$2'");
	expect_error("sink p $0 - $1 upto fmt=x\n", "t.tbl:1:25: expected");
	/* so does srclen */
	expect_error("sink p $0 $1 $2 srclen\n",
		     "t.tbl:1:17: unknown option 'srclen'");
	expect_error("alloc x kmalloc\n", "needs 4 fields");
	expect_error("free kfree p\n", "t.tbl:1:12: expected an argument");
	expect_error("query ksize size $0\n", "unknown query 'size'");
	expect_error("sink m - - $2\n", "needs a destination or a source");
	expect_error("frob x\n", "t.tbl:1:1: unknown record type 'frob'");
	expect_error("alloc x kmalloc ($0\n", "expected ')'");
	expect_error("free kfree $0 $1\n", "t.tbl:1:15: unexpected field");
	expect_error("pred IS_ERR maybe $0\n", "unknown predicate 'maybe'");
	expect_error("size size_mul -\n", "size function needs a formula");
	expect_error("noreturn\n", "needs 2 fields");
	expect_error("errptr ERR_PTR $0\n", "t.tbl:1:16: unexpected field");
	expect_error("alloc x kmalloc $0 realloc=p\n",
		     "expected an argument like $0");
	if (failures)
		fprintf(stderr, "test_apidb: %d failures\n", failures);
	return failures ? 1 : 0;
}
