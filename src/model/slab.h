/* slab.h - the slab size model: what kmalloc(S) really hands out.
 *
 * For one configuration (architecture, page size, kernel version,
 * allocator) the model answers how many bytes an object requested with
 * size S owns (ksize(kmalloc(S)), the "bucket"), what
 * kmalloc_size_roundup(S) returns, the list of kmalloc size classes, and
 * judges an access [off, off+len) against S and its bucket. All kernel
 * numbers come from rules/slab/ *.tbl (format in docs/model.md); no
 * libclang here.
 *
 * Lifecycle: slab_model_load() -> queries -> slab_model_free(). The
 * struct slab_config pointers handed out stay valid until the model is
 * freed. Nothing here prints; errors go to struct kc_err.
 */
#ifndef KC_MODEL_SLAB_H
#define KC_MODEL_SLAB_H

#include <stddef.h>

#include "util/err.h"

/* Callers pass this as a range's upper bound when it is not known. */
#define SLAB_UNBOUNDED (~0ULL)

struct slab_model;  /* all presets, loaded from a rules dir */
struct slab_config; /* one preset */

enum slab_alloc { SLAB_ALLOC_SLUB, SLAB_ALLOC_SLAB, SLAB_ALLOC_SLOB };

/* Loads rules_dir/slab/classes.tbl and rules_dir/slab/presets.tbl.
 * Returns 0 and *out (free with slab_model_free), or -KC_EIO / -KC_EPARSE
 * / -KC_ENOMEM with err filled ("rules/slab/presets.tbl:12:3: ..."). */
int slab_model_load(struct slab_model **out, const char *rules_dir,
		    struct kc_err *err);
/* Same, from two files given by path (tests, --rules overrides). */
int slab_model_load_files(struct slab_model **out, const char *classes_tbl,
			  const char *presets_tbl, struct kc_err *err);
/* Frees m and every config and string it handed out; NULL is fine. */
void slab_model_free(struct slab_model *m);

/* Number of presets, and preset i in table order (NULL if out of range). */
size_t slab_model_count(const struct slab_model *m);
const struct slab_config *slab_model_get(const struct slab_model *m,
					 size_t i);
/* Preset by id ("x86_64-slub-6.1"), NULL if unknown. */
const struct slab_config *slab_model_find(const struct slab_model *m,
					  const char *name);
/* The checker's default preset for kernel version major.minor: the
 * default arch/allocator of presets.tbl ("default" row: x86_64 SLUB)
 * whose range holds the version; major 0 means "the newest". Never NULL
 * for a loaded model (falls back to the nearest version). */
const struct slab_config *slab_model_default(const struct slab_model *m,
					     unsigned major, unsigned minor);

/* Accessors. Strings are owned by the model. */
const char *slab_config_id(const struct slab_config *c);    /* x86_64-slub-6.1 */
const char *slab_config_label(const struct slab_config *c); /* x86_64 SLUB 6.1 */
const char *slab_config_arch(const struct slab_config *c);  /* x86_64 */
/* Short explanation of how the minimum was decided, e.g.
 * "ARCH_DMA_MINALIGN 128" or "runtime, swiotlb present"; may be "". */
const char *slab_config_note(const struct slab_config *c);
enum slab_alloc slab_config_alloc(const struct slab_config *c);
const char *slab_alloc_name(enum slab_alloc a); /* "SLUB" */
/* Kernel range [since, until] as major*1000+minor; until 0 = open. */
unsigned slab_config_since(const struct slab_config *c);
unsigned slab_config_until(const struct slab_config *c);
int slab_config_has_version(const struct slab_config *c, unsigned major,
			    unsigned minor);
unsigned long long slab_config_page_size(const struct slab_config *c);
/* Smallest kmalloc object (KMALLOC_MIN_SIZE, or the runtime minalign). */
unsigned long long slab_config_min(const struct slab_config *c);
/* 1 if the minimum is decided at boot (6.5+ arm64, riscv), else 0. */
int slab_config_min_runtime(const struct slab_config *c);
/* Largest size served by a kmalloc cache (KMALLOC_MAX_CACHE_SIZE; SLOB:
 * the largest size kept in SLOB pages). Above it: whole pages. */
unsigned long long slab_config_cutoff(const struct slab_config *c);
/* KMALLOC_MAX_SIZE: above it kmalloc returns NULL. */
unsigned long long slab_config_max(const struct slab_config *c);

/* ksize(kmalloc(size)) for this config: the bytes the object owns.
 * 0 for size 0 (ZERO_SIZE_PTR) and for size > KMALLOC_MAX_SIZE (NULL).
 * Up to the cutoff: the smallest class >= size; above: PAGE_SIZE <<
 * get_order(size). This equals kmalloc_size_roundup(size) for SLUB and
 * SLAB. SLOB: returns what __ksize() reports, ALIGN(size, SLOB_UNIT),
 * the bytes SLOB really reserves; kmalloc_size_roundup() (see
 * slab_roundup) says ALIGN(size, ARCH_KMALLOC_MINALIGN), which is more
 * than the object owns, so an access up to it is an overflow there. */
unsigned long long slab_bucket(const struct slab_config *c,
			       unsigned long long size);
/* kmalloc_size_roundup(size) as the kernel computes it, including its
 * answers outside the kmalloc range: 0 -> 0, SIZE_MAX -> SIZE_MAX,
 * > KMALLOC_MAX_SIZE -> PAGE_SIZE << get_order (6.1) or size (6.12). */
unsigned long long slab_roundup(const struct slab_config *c,
				unsigned long long size);
/* Page order get_order(size) used above the cutoff. */
unsigned slab_page_order(const struct slab_config *c,
			 unsigned long long size);
/* Buckets for a size in [lo, hi]: *blo = bucket(max(lo,1)), *bhi =
 * bucket(min(hi, max)). Returns 0, or -KC_EUSAGE if lo > hi. If the whole
 * range is 0 or above the maximum both are 0. */
int slab_bucket_range(const struct slab_config *c, unsigned long long lo,
		      unsigned long long hi, unsigned long long *blo,
		      unsigned long long *bhi);

/* The kmalloc classes of c in increasing order (cache sizes, not page
 * sizes). Returns the number of classes and sets *classes to an array
 * owned by the model. SLOB has no classes: returns 0 (every multiple of
 * slab_config_granule() up to the cutoff is possible). */
size_t slab_classes(const struct slab_config *c,
		    const unsigned long long **classes);
/* SLOB_UNIT for SLOB configs, else 0. */
unsigned long long slab_config_granule(const struct slab_config *c);
/* Cache name for a bucket ("kmalloc-96", "kmalloc-8k", "order-2 pages"
 * or "slob"); writes into buf and returns it. */
const char *slab_bucket_name(const struct slab_config *c,
			     unsigned long long bucket, char *buf,
			     size_t size);

/* kmem_cache objects (SLUB without debug options; SLAB: object_size). */
enum {
	SLAB_CF_HWCACHE_ALIGN = 1 << 0, /* SLAB_HWCACHE_ALIGN */
	SLAB_CF_TYPESAFE_BY_RCU = 1 << 1,
	SLAB_CF_CTOR = 1 << 2,          /* created with a constructor */
};
struct slab_cache_info {
	unsigned long long object_size; /* kmem_cache_size() */
	unsigned long long align;       /* calculate_alignment() */
	unsigned long long usable;      /* ksize() of an object (slab_ksize) */
};
/* Object geometry of kmem_cache_create(name, size, align, flags, ctor).
 * Returns 0, or -KC_EUSAGE for size 0 or align not a power of two (0 is
 * fine), or for SLOB (ksize on a kmem_cache object is not defined). */
int slab_cache_object(const struct slab_config *c, unsigned long long size,
		      unsigned long long align, unsigned flags,
		      struct slab_cache_info *out);

/* Judgement of an access. Ordered by severity (worse is larger). */
enum slab_verdict {
	SLAB_IN_BOUNDS,
	SLAB_UNKNOWN,     /* cannot bound the access end */
	SLAB_ALLOC_FAILS, /* S > KMALLOC_MAX_SIZE: kmalloc returns NULL */
	SLAB_SLACK,       /* past S, inside the bucket */
	SLAB_ZERO_SIZE,   /* S == 0: ZERO_SIZE_PTR, any access faults */
	SLAB_OVERFLOW,    /* past the bucket */
};
const char *slab_verdict_name(enum slab_verdict v); /* "slack" */

struct slab_judgement {
	enum slab_verdict verdict; /* worst case over the ranges */
	const struct slab_config *config;
	unsigned long long req_lo, req_hi, bucket_lo, bucket_hi;
	unsigned long long end_lo, end_hi; /* access end = off + len */
	/* best case over the ranges; verdict == best means definite */
	enum slab_verdict best;
	int definite;
	/* the point that produces the worst verdict */
	unsigned long long worst_req, worst_bucket, worst_end;
	/* number of presets judged (slab_judge_all), 1 for slab_judge */
	size_t nconfigs;
};

/* Judges an access [off, off+len) on an object requested with size in
 * [req_lo, req_hi], off in [off_lo, off_hi], len in [len_lo, len_hi]
 * (SLAB_UNBOUNDED for an unknown upper bound), worst case over the
 * ranges, each range taken independently. Returns 0, or -KC_EUSAGE for
 * a NULL config or lo > hi (out->verdict is then SLAB_UNKNOWN). A length
 * of 0 touches nothing. */
int slab_judge(const struct slab_config *c, unsigned long long req_lo,
	       unsigned long long req_hi, unsigned long long off_lo,
	       unsigned long long off_hi, unsigned long long len_lo,
	       unsigned long long len_hi, struct slab_judgement *out);

/* Which presets slab_judge_all considers; NULL or zeroed = all. */
struct slab_filter {
	unsigned major, minor; /* kernel version; 0 = any */
	const char *arch;      /* NULL = any */
	int alloc;             /* enum slab_alloc, or -1 = any */
};
/* Judges under every preset that passes f and reports the worst verdict
 * and the (first, in table order) config producing it. Returns 0,
 * -KC_EUSAGE (bad range, or no preset passes f). */
int slab_judge_all(const struct slab_model *m, const struct slab_filter *f,
		   unsigned long long req_lo, unsigned long long req_hi,
		   unsigned long long off_lo, unsigned long long off_hi,
		   unsigned long long len_lo, unsigned long long len_hi,
		   struct slab_judgement *out);

/* The checker's two-step judgement (docs/model.md section 3): judges
 * under c into *main, then under every preset whose range holds kernel
 * major.minor (c's first version when major is 0) into *alt. Returns 1
 * when alt->verdict is worse than main->verdict (worth a note naming
 * alt->config), 0 when not, -KC_EUSAGE for bad ranges. */
int slab_judge_with_alt(const struct slab_model *m,
			const struct slab_config *c, unsigned major,
			unsigned minor, unsigned long long req_lo,
			unsigned long long req_hi, unsigned long long off_lo,
			unsigned long long off_hi, unsigned long long len_lo,
			unsigned long long len_hi, struct slab_judgement *main,
			struct slab_judgement *alt);

/* One-line English explanation of j for a finding's message, e.g.
 * "access ends at 100, past the requested 96 but inside kmalloc-96 (x86_64
 * SLUB 6.1)"; returns buf. */
const char *slab_judgement_describe(const struct slab_judgement *j,
				    char *buf, size_t size);

/* How the preset of a run was chosen. reason is always set (a sentence:
 * from which .config and kernel version, by name, or the default, and
 * whether that kernel's slab sources were read); warning is NULL unless
 * something was guessed: no .config, no matching preset, or a kernel
 * whose sources were not read (newer than every "checked" kernel of
 * presets.tbl, between two of them, or older). Strings are owned by the
 * model (valid until slab_model_free). */
struct slab_choice {
	const struct slab_config *config;
	const char *reason;
	const char *warning;
};

/* Picks the preset for a configured kernel tree: the version from
 * tree_dir/Makefile, CONFIG_ options from tree_dir/.config, matched
 * against the "when=" conditions of presets.tbl (the most specific match
 * whose range holds the version; else the nearest in version, with a
 * warning). Returns 0 and *out; -KC_EIO when the Makefile cannot be read
 * or has no VERSION; a missing .config gives the default with a
 * warning. */
int slab_config_for_tree(const struct slab_model *m, const char *tree_dir,
			 struct slab_choice *out, struct kc_err *err);
/* The choice without a tree: the preset called name, or the default
 * (newest) preset when name is NULL. 0, or -KC_EUSAGE for an unknown
 * name. */
int slab_choice_named(const struct slab_model *m, const char *name,
		      struct slab_choice *out);

/* The i-th "checked" kernel of presets.tbl, in version order: its
 * version and the one it was found identical to (major * 1000 + minor;
 * same 0 = none), and where its slab sources were read (owned by m).
 * 0, or -1 past the end. */
int slab_model_checked(const struct slab_model *m, size_t i, unsigned *ver,
		       unsigned *same, const char **source);
/* Where kernel major.minor stands among the "checked" kernels of
 * presets.tbl (the versions whose slab sources were read): READ (one of
 * them; *lo = *hi = it), BETWEEN (*lo < it < *hi), NEWER (*lo = the
 * newest) or OLDER (*hi = the oldest). */
enum slab_fit { SLAB_FIT_READ, SLAB_FIT_BETWEEN, SLAB_FIT_NEWER, SLAB_FIT_OLDER };
enum slab_fit slab_model_version_fit(const struct slab_model *m,
				     unsigned major, unsigned minor,
				     unsigned *lo, unsigned *hi);
/* Reads "VERSION = 6" and "PATCHLEVEL = 12" from a kernel Makefile.
 * Returns 0 or -KC_EIO / -KC_EPARSE. */
int slab_tree_version(const char *tree_dir, unsigned *major, unsigned *minor,
		      struct kc_err *err);
/* Parses "6.12" (or "6.12.117") into major/minor; 0 or -KC_EUSAGE. */
int slab_parse_version(const char *s, unsigned *major, unsigned *minor);

/* `ksizecheck model ...`: prints answers on stdout, errors on stderr;
 * returns the exit code (0, or 2 for bad arguments or data). */
int slab_model_main(int argc, char **argv, const char *rules_dir);

#endif
