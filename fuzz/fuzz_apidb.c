/* fuzz_apidb.c - libFuzzer harness for the API database loader
 * (apidb_load_text: allocators.tbl/sinks.tbl records and size formulas).
 * Lookups of common names then walk the loaded size formulas. */
#include "apidb/apidb.h"
#include "fuzz_check.h"
#include "fuzz_util.h"

static const char *const names[] = {
	"kmalloc", "kzalloc", "kcalloc", "kmalloc_array", "krealloc",
	"kfree", "ksize", "vmalloc", "memcpy", "memset", "IS_ERR",
	"kmalloc_size_roundup", "devm_kzalloc", "x", "",
};

static unsigned long long walk(const struct apidb_expr *e, int depth)
{
	if (!e)
		return 0;
	if (depth > 10000)
		abort(); /* a cycle */
	return (unsigned long long)e->op + e->num + (unsigned)e->arg +
	       walk(e->l, depth + 1) + walk(e->r, depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kc_err err = { 0 };
	struct apidb *db = apidb_new();
	char *text = fuzz_cstr(data, size);
	volatile unsigned long long sink = 0;
	int ret;

	if (!db || !text)
		goto out;
	ret = apidb_load_text(db, "fuzz.tbl", text, &err);
	fuzz_check_err("apidb_load_text", ret, &err);
	sink += apidb_count(db);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct apidb_fn *f = apidb_lookup(db, names[i]);

		if (!f)
			continue;
		sink += walk(f->size, 0) + strlen(f->name) +
			strlen(apidb_family_name(f->family)) +
			(unsigned)apidb_family_is_kmalloc(f->family);
	}
out:
	apidb_free(db);
	free(text);
	(void)sink;
	return 0;
}
