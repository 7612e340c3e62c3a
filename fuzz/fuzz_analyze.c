/* fuzz_analyze.c - libFuzzer harness for the analysis: the input is
 * parsed by libclang as an unsaved C file (with the kstub headers of
 * tests/include/kstub) and kc_analyze_tu() runs on it with the shipped
 * API database and slab model; the findings are then serialised the way
 * a worker sends them. Seeds: corpus/ *.c and tests/rules/ * / *.c.
 */
#include <clang-c/Index.h>

#include "check/analyze.h"
#include "diag/finding_json.h"
#include "fuzz_check.h"
#include "fuzz_util.h"

#ifndef KC_FUZZ_KSTUB_DIR
#error "KC_FUZZ_KSTUB_DIR: tests/include/kstub"
#endif

static CXIndex idx;
static struct apidb *api;
static struct slab_model *model;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct kc_err err = { 0 };

	(void)argc;
	(void)argv;
	/* libclang's own crash recovery would hide our crashes from ASan */
	setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
	idx = clang_createIndex(0, 0);
	api = apidb_new();
	if (!api || apidb_load_default(api, KC_SOURCE_RULES_DIR, NULL, 0,
				       &err)) {
		fprintf(stderr, "fuzz_analyze: apidb: %s\n", err.msg);
		abort();
	}
	if (slab_model_load(&model, KC_SOURCE_RULES_DIR, &err)) {
		fprintf(stderr, "fuzz_analyze: slab model: %s\n", err.msg);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char kstub[] = "-I" KC_FUZZ_KSTUB_DIR;
	const char *args[] = {
		"-xc", "-std=gnu11", kstub, "-Wno-everything",
		"-ferror-limit=0", "-DKC_FUZZ",
	};
	struct CXUnsavedFile uf;
	struct kc_analysis_env env;
	struct kc_stats st;
	struct kc_err err = { 0 };
	struct kc_diag d;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode ec;
	int ret;

	/* corpus files ask for the 6.12 stubs in their first lines */
	if (memmem(data, size < 256 ? size : 256, "-DKC_STUB_6_12", 14))
		args[5] = "-DKC_STUB_6_12";
	uf.Filename = "fuzz.c";
	uf.Contents = (const char *)data;
	uf.Length = (unsigned long)size;
	ec = clang_parseTranslationUnit2(idx, "fuzz.c", args,
					 (int)(sizeof(args) / sizeof(args[0])),
					 &uf, 1,
					 CXTranslationUnit_KeepGoing |
					 CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
					 &tu);
	if (ec != CXError_Success || !tu)
		return 0;
	memset(&env, 0, sizeof(env));
	env.api = api;
	env.model = model;
	env.all_configs = size & 1; /* both modes, chosen by the input */
	memset(&st, 0, sizeof(st));
	kc_diag_init(&d);
	ret = kc_analyze_tu(&env, tu, "fuzz.c", &d, &st, &err);
	fuzz_check_err("kc_analyze_tu", ret, &err);
	for (size_t i = 0; i < d.n; i++) {
		json_object *o = kc_finding_to_json(d.v[i]);

		if (!d.v[i]->message || !d.v[i]->loc.file)
			abort();
		json_object_put(o);
	}
	kc_diag_sort_unique(&d);
	kc_diag_release(&d);
	clang_disposeTranslationUnit(tu);
	return 0;
}
