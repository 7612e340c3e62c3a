/* test_slab.c - the slab size model against the kernel facts.
 *
 * Expected values are written here independently of rules/slab/ *.tbl,
 * each traceable to kernel-facts.md (section named in the comment) or to
 * a file of the 6.1.192 / 6.12.117 trees. The class lists are rebuilt from
 * the facts' rules (kernel-facts 1: caches for SHIFT_LOW..SHIFT_HIGH, 96
 * only if KMALLOC_MIN_SIZE <= 32, 192 only if <= 64), not from the
 * model's own "multiples of min" derivation. Then properties over every
 * size up to 2 MiB for every preset. Finds the rules through
 * $KC_SOURCE_DIR/rules (set by CTest). Prints "N passed, M failed".
 */
#include "model/slab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned passed, failed;

#define EXPECT_EQ(got, want, src)                                            \
	expect_eq(__LINE__, #got, (unsigned long long)(got),                 \
		  (unsigned long long)(want), src)

static int expect_eq(int line, const char *what, unsigned long long got,
		     unsigned long long want, const char *src)
{
	if (got == want) {
		passed++;
		return 1;
	}
	failed++;
	if (failed <= 60)
		fprintf(stderr,
			"test_slab.c:%d: %s = %llu, expected %llu (source: %s)\n",
			line, what, got, want, src);
	return 0;
}

#define K 1024ULL
#define M (1024ULL * 1024)

/* Every preset of presets.tbl with its numbers, written from the trees. */
struct exp_preset {
	const char *id;
	enum slab_alloc alloc;
	unsigned long long page, min, cutoff, max;
	int over_size;
	const char *src;
};

#define S61 "include/linux/slab.h 6.1:281-292 (SHIFT_HIGH = PAGE_SHIFT+1, SHIFT_MAX = MAX_ORDER+PAGE_SHIFT-1)"
#define S612 "include/linux/slab.h 6.12:538-549 (SHIFT_MAX = MAX_PAGE_ORDER+PAGE_SHIFT)"

static const struct exp_preset presets[] = {
	/* kernel-facts 1.4: x86_64, s390 min 8; 1: KMALLOC_MAX_SIZE 4 MiB */
	{ "x86_64-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 0, S61 },
	{ "x86_64-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 1, S612 },
	/* kernel-facts 1 constants: SLAB 6.1 SHIFT_LOW 5 (32) */
	{ "x86_64-slab-6.1", SLAB_ALLOC_SLAB, 4 * K, 32, 8 * K, 4 * M, 0, S61 },
	/* mm/slob.c 6.1:490: slob pages below PAGE_SIZE - minalign */
	{ "x86_64-slob-6.1", SLAB_ALLOC_SLOB, 4 * K, 8, 4 * K - 8 - 1, 4 * M, 0,
	  "mm/slob.c 6.1:490" },
	/* kernel-facts 1.4: arm64 6.1 min 128; arch/arm64/Kconfig 6.1:1610
	 * MAX_ORDER 11/12/14 -> 4M/32M/512M; cutoff 2 pages (kernel-facts 1:
	 * "arm64 16K pages -> 32K, 64K pages -> 128K") */
	{ "arm64-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 128, 8 * K, 4 * M, 0, S61 },
	{ "arm64-16k-slub-6.1", SLAB_ALLOC_SLUB, 16 * K, 128, 32 * K, 32 * M, 0,
	  "arch/arm64/Kconfig 6.1:1613" },
	{ "arm64-64k-slub-6.1", SLAB_ALLOC_SLUB, 64 * K, 128, 128 * K, 512 * M,
	  0, "arch/arm64/Kconfig 6.1:1612" },
	{ "arm64-slab-6.1", SLAB_ALLOC_SLAB, 4 * K, 128, 8 * K, 4 * M, 0,
	  "kernel-facts 1: ARCH_KMALLOC_MINALIGN > 8 sets SHIFT_LOW" },
	/* kernel-facts 0 (6.5) and 1.4: runtime minalign 8 with swiotlb */
	{ "arm64-slub-6.5", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 0,
	  "kernel-facts 1.4" },
	{ "arm64-16k-slub-6.5", SLAB_ALLOC_SLUB, 16 * K, 8, 32 * K, 32 * M, 0,
	  "kernel-facts 1.4" },
	{ "arm64-64k-slub-6.5", SLAB_ALLOC_SLUB, 64 * K, 8, 128 * K, 512 * M, 0,
	  "kernel-facts 1.4" },
	{ "arm64-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 1,
	  "arch/arm64/include/asm/cache.h 6.12:36" },
	{ "arm64-16k-slub-6.12", SLAB_ALLOC_SLUB, 16 * K, 8, 32 * K, 32 * M, 1,
	  "arch/arm64/Kconfig 6.12:1710" },
	{ "arm64-64k-slub-6.12", SLAB_ALLOC_SLUB, 64 * K, 8, 128 * K, 512 * M, 1,
	  "arch/arm64/Kconfig 6.12:1709" },
	/* kernel-facts 1.4: "else cache_line_size() (~64)"; "16 with KASAN
	 * tags" */
	{ "arm64-noswiotlb-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 64, 8 * K, 4 * M,
	  1, "kernel-facts 1.4" },
	{ "arm64-mte-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 16, 8 * K, 4 * M, 1,
	  "kernel-facts 1.4" },
	/* kernel-facts 1.4: arm32 64 on CPU_V7, otherwise 32 */
	{ "arm-v7-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 64, 8 * K, 4 * M, 0,
	  "kernel-facts 1.4" },
	{ "arm-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 32, 8 * K, 4 * M, 0,
	  "kernel-facts 1.4" },
	{ "arm-v7-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 64, 8 * K, 4 * M, 1,
	  "kernel-facts 1.4" },
	{ "arm-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 32, 8 * K, 4 * M, 1,
	  "kernel-facts 1.4" },
	/* kernel-facts 1.4: riscv64 6.1 64 if RISCV_DMA_NONCOHERENT else 8;
	 * 6.12 compile time 8, runtime 64 only without swiotlb */
	{ "riscv64-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 64, 8 * K, 4 * M, 0,
	  "kernel-facts 1.4" },
	{ "riscv64-coherent-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M,
	  0, "kernel-facts 1.4" },
	{ "riscv64-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 1,
	  "kernel-facts 1.4" },
	{ "riscv64-noswiotlb-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 64, 8 * K,
	  4 * M, 1, "kernel-facts 1.4" },
	/* kernel-facts 1: "ppc64 with 64K pages -> 128K cutoff, 16 MiB
	 * maximum"; 4K: arch/powerpc/Kconfig 6.1:877-878 (13) -> 16M */
	{ "powerpc64-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 16 * M, 0,
	  "arch/powerpc/Kconfig 6.1:878" },
	{ "powerpc64-64k-slub-6.1", SLAB_ALLOC_SLUB, 64 * K, 8, 128 * K, 16 * M,
	  0, "kernel-facts 1" },
	{ "powerpc64-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 16 * M, 1,
	  "arch/powerpc/Kconfig 6.12:899" },
	{ "powerpc64-64k-slub-6.12", SLAB_ALLOC_SLUB, 64 * K, 8, 128 * K,
	  16 * M, 1, "kernel-facts 1" },
	{ "s390x-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 0,
	  "kernel-facts 1.4" },
	{ "s390x-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 1,
	  "kernel-facts 1.4" },
	/* kernel-facts 1.4: mips 128 when DMA_NONCOHERENT, else 8 */
	{ "mips-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 128, 8 * K, 4 * M, 0,
	  "kernel-facts 1.4" },
	{ "mips-coherent-slub-6.1", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 0,
	  "kernel-facts 1.4" },
	{ "mips-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 128, 8 * K, 4 * M, 1,
	  "kernel-facts 1.4" },
	{ "mips-coherent-slub-6.12", SLAB_ALLOC_SLUB, 4 * K, 8, 8 * K, 4 * M, 1,
	  "kernel-facts 1.4" },
};
#define NPRESETS (sizeof(presets) / sizeof(presets[0]))

/* kernel-facts 1: kmalloc_info[] index to size, 1->96, 2->192, n->2^n for
 * n = 3..21; a cache exists for SHIFT_LOW..SHIFT_HIGH, the 96 cache only
 * if KMALLOC_MIN_SIZE <= 32, the 192 cache only if <= 64. */
static size_t fact_classes(const struct exp_preset *e,
			   unsigned long long *out)
{
	size_t n = 0;
	unsigned sh;

	for (sh = 3; sh <= 21; sh++) {
		unsigned long long s = 1ULL << sh;

		if (s < e->min || s > e->cutoff)
			continue;
		if (s == 128 && e->min <= 32)
			out[n++] = 96;
		if (s == 256 && e->min <= 64)
			out[n++] = 192;
		out[n++] = s;
	}
	return n;
}

static unsigned long long pages_for(const struct exp_preset *e,
				    unsigned long long size)
{
	unsigned long long p = e->page;

	while (p < size)
		p <<= 1;
	return p; /* PAGE_SIZE << get_order(size) */
}

static void test_params(const struct slab_model *m)
{
	size_t i, j;

	EXPECT_EQ(slab_model_count(m), NPRESETS,
		  "every preset of presets.tbl is listed in this test");
	for (i = 0; i < NPRESETS; i++) {
		const struct exp_preset *e = &presets[i];
		const struct slab_config *c = slab_model_find(m, e->id);

		if (!EXPECT_EQ(c != NULL, 1, e->id))
			continue;
		EXPECT_EQ(slab_config_alloc(c), e->alloc, e->src);
		EXPECT_EQ(slab_config_page_size(c), e->page, e->src);
		EXPECT_EQ(slab_config_min(c), e->min, e->src);
		EXPECT_EQ(slab_config_cutoff(c), e->cutoff, e->src);
		EXPECT_EQ(slab_config_max(c), e->max, e->src);
		EXPECT_EQ(strcmp(slab_config_id(c), e->id), 0, e->id);
	}
	for (j = 0; j < slab_model_count(m); j++) {
		const char *id = slab_config_id(slab_model_get(m, j));

		for (i = 0; i < NPRESETS; i++)
			if (!strcmp(presets[i].id, id))
				break;
		if (i == NPRESETS)
			fprintf(stderr, "preset '%s' has no expected row\n",
				id);
		EXPECT_EQ(i < NPRESETS, 1, "test table covers the preset");
	}
	EXPECT_EQ(slab_model_find(m, "x86_64-slub-9.9") == NULL, 1,
		  "unknown preset gives NULL");
}

/* kernel-facts 1.5 worked table, x86_64 4K pages. */
static const struct {
	unsigned long long n, slub, slab, min64, min128, slob_roundup,
		slob_ksize;
} worked[] = {
	{ 1, 8, 32, 64, 128, 8, 2 },
	{ 8, 8, 32, 64, 128, 8, 8 },
	{ 9, 16, 32, 64, 128, 16, 10 },
	{ 24, 32, 32, 64, 128, 24, 24 },
	{ 33, 64, 64, 64, 128, 40, 34 },
	{ 65, 96, 96, 128, 128, 72, 66 },
	{ 96, 96, 96, 128, 128, 96, 96 },
	{ 97, 128, 128, 128, 128, 104, 98 },
	{ 129, 192, 192, 192, 256, 136, 130 },
	{ 192, 192, 192, 192, 256, 192, 192 },
	{ 193, 256, 256, 256, 256, 200, 194 },
	{ 257, 512, 512, 512, 512, 264, 258 },
	{ 1000, 1024, 1024, 1024, 1024, 1000, 1000 },
	{ 1025, 2048, 2048, 2048, 2048, 1032, 1026 },
	{ 2049, 4096, 4096, 4096, 4096, 2056, 2050 },
	{ 4097, 8192, 8192, 8192, 8192, 4104, 8192 },
	{ 8193, 16384, 16384, 16384, 16384, 8200, 16384 },
	{ 12000, 16384, 16384, 16384, 16384, 12000, 16384 },
	{ 70000, 131072, 131072, 131072, 131072, 70000, 131072 },
};

static void test_worked_table(const struct slab_model *m)
{
	const struct slab_config *slub61 = slab_model_find(m, "x86_64-slub-6.1");
	const struct slab_config *slub612 =
		slab_model_find(m, "x86_64-slub-6.12");
	const struct slab_config *slab = slab_model_find(m, "x86_64-slab-6.1");
	const struct slab_config *armv7 = slab_model_find(m, "arm-v7-slub-6.1");
	const struct slab_config *rv = slab_model_find(m, "riscv64-slub-6.1");
	const struct slab_config *a64 = slab_model_find(m, "arm64-slub-6.1");
	const struct slab_config *slob = slab_model_find(m, "x86_64-slob-6.1");
	const char *src = "kernel-facts 1.5 worked table";
	size_t i;

	if (!slub61 || !slub612 || !slab || !armv7 || !rv || !a64 || !slob) {
		EXPECT_EQ(0, 1, "presets of kernel-facts 1.5 exist");
		return;
	}
	for (i = 0; i < sizeof(worked) / sizeof(worked[0]); i++) {
		unsigned long long n = worked[i].n;

		EXPECT_EQ(slab_bucket(slub61, n), worked[i].slub, src);
		EXPECT_EQ(slab_bucket(slub612, n), worked[i].slub, src);
		EXPECT_EQ(slab_roundup(slub61, n), worked[i].slub, src);
		EXPECT_EQ(slab_bucket(slab, n), worked[i].slab, src);
		EXPECT_EQ(slab_bucket(armv7, n), worked[i].min64, src);
		EXPECT_EQ(slab_bucket(rv, n), worked[i].min64, src);
		EXPECT_EQ(slab_bucket(a64, n), worked[i].min128, src);
		EXPECT_EQ(slab_roundup(slob, n), worked[i].slob_roundup, src);
		EXPECT_EQ(slab_bucket(slob, n), worked[i].slob_ksize, src);
	}
}

static void test_grid(const struct slab_model *m)
{
	size_t i, k;

	for (i = 0; i < NPRESETS; i++) {
		const struct exp_preset *e = &presets[i];
		const struct slab_config *c = slab_model_find(m, e->id);
		unsigned long long cl[32];
		const unsigned long long *mc;
		size_t n, mn;
		unsigned o;

		if (!c)
			continue;
		/* kernel-facts 1: "0 returns ZERO_SIZE_PTR"; 2: roundup 0 -> 0 */
		EXPECT_EQ(slab_bucket(c, 0), 0, "kernel-facts 1 (size 0)");
		EXPECT_EQ(slab_roundup(c, 0), 0, "kernel-facts 2 (size 0)");
		/* kernel-facts 2: SIZE_MAX -> SIZE_MAX in both versions */
		EXPECT_EQ(slab_roundup(c, ~0ULL), ~0ULL, "kernel-facts 2");
		/* kernel-facts 1: above KMALLOC_MAX_SIZE: NULL */
		EXPECT_EQ(slab_bucket(c, e->max), e->max, e->src);
		EXPECT_EQ(slab_bucket(c, e->max + 1), 0, "kernel-facts 1");
		if (e->alloc != SLAB_ALLOC_SLOB)
			/* kernel-facts 2: 6.1 PAGE_SIZE << get_order, 6.12
			 * returns size */
			EXPECT_EQ(slab_roundup(c, e->max + 1),
				  e->over_size ? e->max + 1 : 2 * e->max,
				  "kernel-facts 2 (> KMALLOC_MAX_SIZE)");
		/* page orders 1..5 (kernel-facts 1: PAGE_SIZE << order) */
		for (o = 1; o <= 5; o++) {
			unsigned long long p = e->page << o;

			EXPECT_EQ(slab_bucket(c, p), p, "kernel-facts 1 (pages)");
			EXPECT_EQ(slab_bucket(c, (p >> 1) + 1), p,
				  "kernel-facts 1 (get_order)");
			EXPECT_EQ(slab_page_order(c, (p >> 1) + 1), o,
				  "get_order()");
		}
		if (e->alloc == SLAB_ALLOC_SLOB) {
			/* mm/slob.c 6.1:599 SLOB_UNITS(size) * SLOB_UNIT and
			 * 6.1:490 page path from PAGE_SIZE - minalign */
			EXPECT_EQ(slab_bucket(c, 1), 2, "mm/slob.c:599");
			EXPECT_EQ(slab_bucket(c, e->cutoff), e->cutoff + 1,
				  "mm/slob.c:599");
			EXPECT_EQ(slab_bucket(c, e->cutoff + 1), e->page,
				  "mm/slob.c:490,511");
			EXPECT_EQ(slab_classes(c, &mc), 0, "SLOB has no classes");
			continue;
		}
		n = fact_classes(e, cl);
		mn = slab_classes(c, &mc);
		EXPECT_EQ(mn, n, "kernel-facts 1 class count");
		for (k = 0; k < n && k < mn; k++)
			EXPECT_EQ(mc[k], cl[k], "kernel-facts 1 class list");
		/* first class: smallest object (kernel-facts 1.4 min) */
		EXPECT_EQ(slab_bucket(c, 1), e->min, "kernel-facts 1.4");
		for (k = 0; k < n; k++) {
			unsigned long long next =
				k + 1 < n ? cl[k + 1] : pages_for(e, cl[k] + 1);

			EXPECT_EQ(slab_bucket(c, cl[k]), cl[k],
				  "kernel-facts 1 (S = class)");
			EXPECT_EQ(slab_bucket(c, cl[k] + 1), next,
				  "kernel-facts 1 (S = class + 1)");
			EXPECT_EQ(slab_roundup(c, cl[k] + 1), next,
				  "kernel-facts 2 (roundup = bucket)");
		}
		/* largest cache and one past it: KMALLOC_MAX_CACHE_SIZE */
		EXPECT_EQ(slab_bucket(c, e->cutoff), e->cutoff, e->src);
		EXPECT_EQ(slab_bucket(c, e->cutoff + 1), 2 * e->cutoff,
			  "kernel-facts 1 (above cutoff: order get_order)");
	}
}

/* Properties over every size 1..2 MiB, every preset. */
static void test_properties(const struct slab_model *m)
{
	size_t i;

	for (i = 0; i < slab_model_count(m); i++) {
		const struct slab_config *c = slab_model_get(m, i);
		const unsigned long long *cl;
		size_t ncl = slab_classes(c, &cl), k;
		int slob = slab_config_alloc(c) == SLAB_ALLOC_SLOB;
		unsigned long long page = slab_config_page_size(c);
		unsigned long long cutoff = slab_config_cutoff(c);
		unsigned long long s, prev = 0, bad = 0;

		for (s = 1; s <= 2 * M; s++) {
			unsigned long long b = slab_bucket(c, s);

			if (b < s || b < prev) {
				bad = s;
				break;
			}
			if (b == prev)
				continue;
			/* a new bucket value: idempotent and legal */
			if (slob) {
				if (slab_roundup(c, slab_roundup(c, s)) !=
				    slab_roundup(c, s) ||
				    (b <= cutoff + 1 ?
				     b % slab_config_granule(c) :
				     b % page)) {
					bad = s;
					break;
				}
			} else {
				if (slab_bucket(c, b) != b) {
					bad = s;
					break;
				}
				for (k = 0; k < ncl && cl[k] != b; k++)
					;
				if (k == ncl && (b <= cutoff || b % page)) {
					bad = s;
					break;
				}
			}
			prev = b;
		}
		if (bad)
			fprintf(stderr, "%s: property broken at size %llu\n",
				slab_config_id(c), bad);
		EXPECT_EQ(bad, 0,
			  "bucket >= S, monotone, idempotent, class or pages");
	}
}

static void test_judge(const struct slab_model *m)
{
	const struct slab_config *c = slab_model_find(m, "x86_64-slub-6.1");
	struct slab_judgement j;
	const char *src = "kernel-facts 1.5 (100 -> kmalloc-128) / architecture.md";
	char buf[512];

	if (!c)
		return;
	slab_judge(c, 100, 100, 0, 0, 100, 100, &j);
	EXPECT_EQ(j.verdict, SLAB_IN_BOUNDS, src);
	slab_judge(c, 100, 100, 0, 0, 128, 128, &j);
	EXPECT_EQ(j.verdict, SLAB_SLACK, src);
	EXPECT_EQ(j.definite, 1, src);
	EXPECT_EQ(j.worst_bucket, 128, src);
	EXPECT_EQ(strstr(slab_judgement_describe(&j, buf, sizeof(buf)),
			 "kmalloc-128") != NULL, 1, buf);
	slab_judge(c, 100, 100, 120, 120, 9, 9, &j);
	EXPECT_EQ(j.verdict, SLAB_OVERFLOW, src);
	EXPECT_EQ(j.end_lo, 129, src);
	/* kernel-facts 1: ZERO_SIZE_PTR */
	slab_judge(c, 0, 0, 0, 0, 1, 1, &j);
	EXPECT_EQ(j.verdict, SLAB_ZERO_SIZE, "kernel-facts 1 (size 0)");
	/* kernel-facts 1: above KMALLOC_MAX_SIZE: NULL */
	slab_judge(c, 5 * M, 5 * M, 0, 0, 1, 1, &j);
	EXPECT_EQ(j.verdict, SLAB_ALLOC_FAILS, "kernel-facts 1 (> 4 MiB)");
	/* length 0 touches nothing */
	slab_judge(c, 0, 0, 0, 0, 0, 0, &j);
	EXPECT_EQ(j.verdict, SLAB_IN_BOUNDS, "empty access");
	/* ranges: S in [65,100], access [0,100): S=65 -> kmalloc-96 */
	slab_judge(c, 65, 100, 0, 0, 100, 100, &j);
	EXPECT_EQ(j.verdict, SLAB_OVERFLOW, "kernel-facts 1.5 (65 -> 96)");
	EXPECT_EQ(j.best, SLAB_IN_BOUNDS, "S = 100");
	EXPECT_EQ(j.definite, 0, "range");
	EXPECT_EQ(j.worst_req, 65, "range");
	EXPECT_EQ(j.bucket_lo, 96, "kernel-facts 1.5");
	EXPECT_EQ(j.bucket_hi, 128, "kernel-facts 1.5");
	/* the memset(p, 0, ksize(p)) case with a variable n in [1, 4096]:
	 * len = bucket(n) >= n: slack, and overflow nowhere */
	slab_judge(c, 9, 9, 0, 0, 16, 16, &j);
	EXPECT_EQ(j.verdict, SLAB_SLACK, "kernel-facts 1.5 (9 -> 16)");
	/* unbounded length */
	slab_judge(c, 100, 100, 0, 0, 1, SLAB_UNBOUNDED, &j);
	EXPECT_EQ(j.verdict, SLAB_UNKNOWN, "unbounded");
	EXPECT_EQ(slab_judge(c, 2, 1, 0, 0, 1, 1, &j), -KC_EUSAGE, "lo > hi");

	/* across configs, 6.1 only: kmalloc(9) + 16-byte write is slack on
	 * SLUB but an overflow on SLOB, whose ksize is 10 (kernel-facts 1.5) */
	{
		struct slab_filter f = { 6, 1, NULL, -1 };

		slab_judge_all(m, &f, 9, 9, 0, 0, 16, 16, &j);
		EXPECT_EQ(j.verdict, SLAB_OVERFLOW, "kernel-facts 1.5 SLOB");
		EXPECT_EQ(j.config == slab_model_find(m, "x86_64-slob-6.1"), 1,
			  "worst config is SLOB");
		f.major = 6;
		f.minor = 12;
		slab_judge_all(m, &f, 9, 9, 0, 0, 16, 16, &j);
		EXPECT_EQ(j.verdict, SLAB_SLACK, "no SLOB in 6.12");
		f.alloc = SLAB_ALLOC_SLAB;
		EXPECT_EQ(slab_judge_all(m, &f, 9, 9, 0, 0, 16, 16, &j),
			  -KC_EUSAGE, "no SLAB in 6.12 (removed in 6.8)");
		/* default preset plus the note (docs/model.md section 3) */
		{
			struct slab_judgement mj, aj;
			const struct slab_config *d = slab_model_default(m, 6, 1);

			EXPECT_EQ(slab_judge_with_alt(m, d, 6, 1, 9, 9, 0, 0,
						      16, 16, &mj, &aj), 1,
				  "SLOB 6.1 is worse than SLUB");
			EXPECT_EQ(mj.verdict, SLAB_SLACK, "kernel-facts 1.5");
			EXPECT_EQ(aj.verdict, SLAB_OVERFLOW, "kernel-facts 1.5");
			d = slab_model_default(m, 6, 12);
			EXPECT_EQ(slab_judge_with_alt(m, d, 0, 0, 9, 9, 0, 0,
						      16, 16, &mj, &aj), 0,
				  "nothing worse in 6.12");
		}
		/* 65 bytes, 100 written: overflow on x86_64 (kmalloc-96),
		 * slack on arm64 6.1 (min 128) */
		slab_judge(slab_model_find(m, "arm64-slub-6.1"), 65, 65, 0, 0,
			   100, 100, &j);
		EXPECT_EQ(j.verdict, SLAB_SLACK, "kernel-facts 1.5 min 128");
	}
}

/* kmem_cache_create geometry: mm/slab_common.c 6.12:124-146
 * calculate_alignment, mm/slub.c 6.12:5396-5468 calculate_sizes,
 * kernel-facts 3 slab_ksize. */
static void test_cache(const struct slab_model *m)
{
	const struct slab_config *c = slab_model_find(m, "x86_64-slub-6.12");
	struct slab_cache_info ci;
	const char *src = "mm/slub.c calculate_sizes, kernel-facts 3";

	if (!c)
		return;
	EXPECT_EQ(slab_cache_object(c, 24, 0, 0, &ci), 0, src);
	EXPECT_EQ(ci.object_size, 24, src);
	EXPECT_EQ(ci.usable, 24, src);
	slab_cache_object(c, 20, 0, 0, &ci);
	EXPECT_EQ(ci.usable, 24, "ALIGN(size, sizeof(void *))");
	slab_cache_object(c, 24, 0, SLAB_CF_CTOR, &ci);
	EXPECT_EQ(ci.usable, 32, "ctor: free pointer after the object");
	slab_cache_object(c, 24, 0, SLAB_CF_TYPESAFE_BY_RCU, &ci);
	EXPECT_EQ(ci.usable, 24, "slab_ksize: inuse for TYPESAFE_BY_RCU");
	slab_cache_object(c, 24, 0, SLAB_CF_HWCACHE_ALIGN, &ci);
	EXPECT_EQ(ci.align, 32, "calculate_alignment: 64 halved while size <= ralign/2");
	EXPECT_EQ(ci.usable, 32, src);
	slab_cache_object(c, 100, 0, SLAB_CF_HWCACHE_ALIGN, &ci);
	EXPECT_EQ(ci.usable, 128, "cache line 64 (CONFIG_X86_L1_CACHE_SHIFT=6)");
	EXPECT_EQ(slab_cache_object(c, 0, 0, 0, &ci), -KC_EUSAGE, "size 0");
	EXPECT_EQ(slab_cache_object(c, 8, 3, 0, &ci), -KC_EUSAGE, "align 3");
}

static void test_defaults(const struct slab_model *m)
{
	const char *src = "presets.tbl 'default x86_64 slub'";

	EXPECT_EQ(strcmp(slab_config_id(slab_model_default(m, 6, 1)),
			 "x86_64-slub-6.1"), 0, src);
	EXPECT_EQ(strcmp(slab_config_id(slab_model_default(m, 6, 8)),
			 "x86_64-slub-6.1"), 0, src);
	EXPECT_EQ(strcmp(slab_config_id(slab_model_default(m, 6, 12)),
			 "x86_64-slub-6.12"), 0, src);
	EXPECT_EQ(strcmp(slab_config_id(slab_model_default(m, 0, 0)),
			 "x86_64-slub-6.12"), 0, src);
	EXPECT_EQ(strcmp(slab_config_label(slab_model_find(m, "x86_64-slub-6.1")),
			 "x86_64 SLUB 6.1"), 0, "label");
}

int main(void)
{
	const char *dir = getenv("KC_SOURCE_DIR");
	char rules[4096];
	struct slab_model *m = NULL;
	struct kc_err err;

	snprintf(rules, sizeof(rules), "%s/rules", dir ? dir : ".");
	kc_err_clear(&err);
	if (slab_model_load(&m, rules, &err)) {
		char buf[2048];

		kc_err_format(&err, buf, sizeof(buf));
		fprintf(stderr, "cannot load the slab model: %s\n", buf);
		printf("0 passed, 1 failed\n");
		return 1;
	}
	test_params(m);
	test_worked_table(m);
	test_grid(m);
	test_properties(m);
	test_judge(m);
	test_cache(m);
	test_defaults(m);
	slab_model_free(m);
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
