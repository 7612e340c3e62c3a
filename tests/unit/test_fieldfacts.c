/* test_fieldfacts.c - the field part of a TU's exported facts and of the
 * lookup of the tree's stores (check/tufacts.h, docs/factdb.md): one row
 * per store into a struct field with what it stores and the size as a
 * formula over the storing function's parameters; NULL stores are no
 * rows; a field this TU only reads takes its fact from the lookup when
 * the tree's stores agree (nkinds == 1), and says nothing otherwise. */
#include "check/analyze.h"
#include "check/tufacts.h"
#include "diag/diag.h"

#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char producer[] =
	"#include <linux/slab.h>\n"
	"#include <linux/string.h>\n"
	"struct foo_port { unsigned char *rx_buf; unsigned long cap;\n"
	"  unsigned int *ring; };\n"
	"int foo_init(struct foo_port *p, unsigned int n)\n"
	"{\n"
	"  p->rx_buf = kmalloc(1500, GFP_KERNEL);\n"
	"  p->cap = ksize(p->rx_buf);\n"
	"  p->ring = kmalloc(n * 8 + 16, GFP_KERNEL);\n"
	"  return 0;\n"
	"}\n"
	"void foo_exit(struct foo_port *p)\n"
	"{\n"
	"  kfree(p->rx_buf);\n"
	"  p->rx_buf = NULL;\n"
	"}\n";

static const char consumer[] =
	"#include <linux/slab.h>\n"
	"#include <linux/string.h>\n"
	"struct foo_port { unsigned char *rx_buf; unsigned long cap;\n"
	"  unsigned int *ring; };\n"
	"void foo_clear(struct foo_port *p)\n"
	"{\n"
	"  memset(p->rx_buf, 0, 1536);\n"
	"}\n";

static CXTranslationUnit parse(CXIndex idx, const char *src)
{
	const char *args[] = { "-Itests/include/kstub", "-w" };
	struct CXUnsavedFile uf = { "t.c", src, (unsigned long)strlen(src) };
	CXTranslationUnit tu = NULL;

	if (clang_parseTranslationUnit2(idx, "t.c", args, 2, &uf, 1, 0, &tu))
		return NULL;
	return tu;
}

static const struct factdb_store *row(const struct kc_tu_facts *f,
				      const char *display, unsigned line)
{
	size_t i;

	for (i = 0; i < f->stores.n; i++)
		if (!strcmp(f->stores.v[i].display, display) &&
		    f->stores.v[i].line == line)
			return &f->stores.v[i];
	return NULL;
}

/* The lookup of the test: every field has the stores in *data. */
struct fake_db {
	unsigned nkinds;
	const char *what, *size;
	int calls;
};

/* The database key of foo_port.rx_buf: the file that defines the struct,
 * then the USR (fieldout.c's field_key). */
static int is_rx_buf(const char *key)
{
	static const char usr[] = ":c:@S@foo_port@FI@rx_buf";
	size_t n = strlen(key), m = sizeof(usr) - 1;

	return n > m && !strcmp(key + n - m, usr) &&
	       !strncmp(key + n - m - 3, "t.c", 3);
}

static int fake_field(void *data, const char *usr, struct factdb_field *out)
{
	struct fake_db *db = data;

	db->calls++;
	if (!is_rx_buf(usr))
		return 0;
	memset(out, 0, sizeof(*out));
	out->nstores = 2;
	out->nkinds = db->nkinds;
	snprintf(out->what, sizeof(out->what), "%s", db->what);
	snprintf(out->size, sizeof(out->size), "%s", db->size);
	return 1;
}

static size_t run(const struct apidb *api, const struct slab_model *m,
		  CXTranslationUnit tu, struct kc_tu_facts *out,
		  const struct kc_field_lookup *in)
{
	struct kc_analysis_env env;
	struct kc_diag d;
	struct kc_err err;
	size_t n;

	memset(&env, 0, sizeof(env));
	env.api = api;
	env.model = m;
	env.facts_out = out;
	env.fields_in = in;
	kc_diag_init(&d);
	CHECK(kc_analyze_tu(&env, tu, "t.c", &d, NULL, &err) == 0);
	n = d.n;
	kc_diag_release(&d);
	return n;
}

int main(void)
{
	struct apidb *api = apidb_new();
	struct slab_model *m = NULL;
	struct kc_err err;
	struct kc_tu_facts facts;
	struct fake_db db;
	struct kc_field_lookup in = { fake_field, &db };
	const struct factdb_store *r;
	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit tu;

	CHECK(api && apidb_load_default(api, "rules", NULL, 0, &err) == 0);
	CHECK(slab_model_load(&m, "rules", &err) == 0);

	/* export */
	tu = parse(idx, producer);
	CHECK(tu != NULL);
	kc_tu_facts_init(&facts);
	run(api, m, tu, &facts, NULL);
	r = row(&facts, "struct foo_port.rx_buf", 7);
	CHECK(r && !strcmp(r->what, "kmalloc") && !strcmp(r->size, "1500") &&
	      !strcmp(r->function, "foo_init") &&
	      is_rx_buf(r->field));
	r = row(&facts, "struct foo_port.cap", 8);
	CHECK(r && !strcmp(r->what, "ksize:rx_buf") && !strcmp(r->size, "-"));
	r = row(&facts, "struct foo_port.ring", 9);
	CHECK(r && !strcmp(r->what, "kmalloc") && !strcmp(r->size, "$1*8+16"));
	/* the NULL store of foo_exit is no store */
	CHECK(row(&facts, "struct foo_port.rx_buf", 15) == NULL);
	CHECK(facts.stores.n == 3);
	kc_tu_facts_release(&facts);
	clang_disposeTranslationUnit(tu);

	/* import: the TU only reads rx_buf */
	tu = parse(idx, consumer);
	CHECK(tu != NULL);
	CHECK(run(api, m, tu, NULL, NULL) == 0);
	memset(&db, 0, sizeof(db));
	db.nkinds = 1;
	db.what = "kmalloc";
	db.size = "1500";
	CHECK(run(api, m, tu, NULL, &in) == 1);
	CHECK(db.calls > 0);
	/* stores that disagree: the field is unknown */
	db.nkinds = 2;
	CHECK(run(api, m, tu, NULL, &in) == 0);
	/* a size the database cannot give: no numbers, no verdict */
	db.nkinds = 1;
	db.size = "?";
	CHECK(run(api, m, tu, NULL, &in) == 0);
	clang_disposeTranslationUnit(tu);

	clang_disposeIndex(idx);
	slab_model_free(m);
	apidb_free(api);
	return failures != 0;
}
