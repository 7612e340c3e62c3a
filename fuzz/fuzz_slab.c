/* fuzz_slab.c - libFuzzer harness for the slab model loader
 * (slab_model_load_files: rules/slab/classes.tbl and presets.tbl) and the
 * queries the analysis makes on whatever model it loaded.
 *
 * Input: "CLASSES\n%%\nPRESETS" fuzzes both files; without the separator
 * the input is presets.tbl and the shipped classes.tbl is used.
 */
#include "fuzz_check.h"
#include "fuzz_util.h"
#include "model/slab.h"

static char *shipped_classes;
static size_t shipped_len;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *f = fopen(KC_SOURCE_RULES_DIR "/slab/classes.tbl", "rb");
	long n;

	(void)argc;
	(void)argv;
	if (!f)
		return 0;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 &&
	    !fseek(f, 0, SEEK_SET)) {
		shipped_classes = malloc((size_t)n + 1);
		if (shipped_classes &&
		    fread(shipped_classes, 1, (size_t)n, f) == (size_t)n)
			shipped_len = (size_t)n;
	}
	fclose(f);
	return 0;
}

static const unsigned long long sizes[] = {
	0, 1, 7, 8, 9, 24, 33, 65, 96, 97, 129, 192, 193, 4096, 8192, 8193,
	65536, 1ULL << 22, (1ULL << 22) + 1, 1ULL << 40, ~0ULL - 1, ~0ULL,
};
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

static void query(const struct slab_model *m, const struct slab_config *c)
{
	volatile unsigned long long sink = 0;
	const unsigned long long *cls;
	struct slab_judgement j, alt;
	struct slab_cache_info ci;
	unsigned long long blo, bhi;
	char buf[256];

	sink += strlen(slab_config_id(c)) + strlen(slab_config_label(c)) +
		strlen(slab_config_arch(c)) + strlen(slab_config_note(c)) +
		strlen(slab_alloc_name(slab_config_alloc(c)));
	sink += slab_config_since(c) + slab_config_until(c) +
		slab_config_page_size(c) + slab_config_min(c) +
		(unsigned)slab_config_min_runtime(c) + slab_config_cutoff(c) +
		slab_config_max(c) + slab_config_granule(c);
	sink += slab_classes(c, &cls);
	for (size_t i = 0; i < NSIZES; i++) {
		unsigned long long b = slab_bucket(c, sizes[i]);

		sink += b + slab_roundup(c, sizes[i]) +
			slab_page_order(c, sizes[i]);
		sink += strlen(slab_bucket_name(c, b, buf, sizeof(buf)));
		if (!slab_cache_object(c, sizes[i], 8, SLAB_CF_HWCACHE_ALIGN,
				       &ci))
			sink += ci.usable;
		if (i + 1 < NSIZES &&
		    !slab_bucket_range(c, sizes[i], sizes[i + 1], &blo, &bhi))
			sink += blo + bhi;
		if (!slab_judge(c, sizes[i], sizes[i], 0, 0, 1,
				sizes[NSIZES - 1 - i], &j))
			sink += strlen(slab_judgement_describe(&j, buf,
							       sizeof(buf)));
	}
	if (slab_judge_with_alt(m, c, 0, 0, 24, 24, 0, 8, 1, 64, &j,
				&alt) >= 0)
		sink += strlen(slab_judgement_describe(&alt, buf,
						       sizeof(buf)));
	(void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct slab_model *m = NULL;
	struct kc_err err = { 0 };
	const char *cpath, *ppath;
	char *a = NULL, *b = NULL;
	int ret;

	if (fuzz_split(data, size, &a, &b)) {
		cpath = fuzz_memfile(0, a, strlen(a));
		ppath = fuzz_memfile(1, b, strlen(b));
	} else {
		cpath = fuzz_memfile(0, shipped_classes, shipped_len);
		ppath = fuzz_memfile(1, data, size);
	}
	if (!cpath || !ppath)
		goto out;
	ret = slab_model_load_files(&m, cpath, ppath, &err);
	fuzz_check_err("slab_model_load_files", ret, &err);
	if (ret)
		goto out;
	for (size_t i = 0; i < slab_model_count(m); i++)
		query(m, slab_model_get(m, i));
	query(m, slab_model_default(m, 6, 1));
	query(m, slab_model_default(m, 0, 0));
	(void)slab_model_find(m, "x86_64-slub-6.1");
out:
	slab_model_free(m);
	free(a);
	free(b);
	return 0;
}
