/* slab_int.h - internals shared by the slab model's files (not an API). */
#ifndef KC_MODEL_SLAB_INT_H
#define KC_MODEL_SLAB_INT_H

#include "model/slab.h"

#define SLAB_MAX_CLASSES 32

struct slab_cond {
	char *name;  /* CONFIG_FOO */
	char *value; /* "y", "m", a number, or "n" for "not set" */
};

struct slab_config {
	char *id, *arch, *label, *note;
	enum slab_alloc alloc;
	unsigned since, until; /* major * 1000 + minor; until 0 = open */
	unsigned long long page, min, cutoff, max, line, unit;
	int min_runtime;
	int over_size; /* kmalloc_size_roundup above max returns size */
	int have_size;
	struct slab_cond *conds;
	size_t nconds;
	unsigned long long classes[SLAB_MAX_CLASSES];
	size_t nclasses;
};

/* A "checked" record: a kernel version whose slab sources were read;
 * same = the version it was found identical to (0 = none). */
struct slab_checked {
	unsigned ver, same;
	char *source;
};

#define SLAB_MAX_CHECKED 64

struct slab_warnings {
	char **v;
	size_t n, cap;
};

struct slab_model {
	struct slab_config **cfg;
	size_t n, cap;
	unsigned long long classes[SLAB_MAX_CLASSES]; /* sorted by size */
	size_t nclasses;
	char *default_arch;
	enum slab_alloc default_alloc;
	int have_default;
	struct slab_checked checked[SLAB_MAX_CHECKED]; /* sorted by ver */
	size_t nchecked;
	/* messages handed out by slab_config_for_tree; the pointer is
	 * const-safe to append to through a const model */
	struct slab_warnings *warn;
};

static inline int slab_is_pow2(unsigned long long v)
{
	return v && !(v & (v - 1));
}

/* ALIGN(v, a), saturating at ~0ULL */
static inline unsigned long long slab_align_up(unsigned long long v,
					       unsigned long long a)
{
	unsigned long long r = v % a;

	if (!r)
		return v;
	if (v > ~0ULL - (a - r))
		return ~0ULL;
	return v + (a - r);
}

#define SLAB_VER(maj, min) ((maj) * 1000u + (min))

/* Distance of version v from c's kernel range, 0 inside it. */
static inline unsigned slab_ver_dist(const struct slab_config *c, unsigned v)
{
	if (v < c->since)
		return c->since - v;
	if (c->until && v > c->until)
		return v - c->until;
	return 0;
}

/* Stores a copy of msg in m's warning list; returns it or a static
 * fallback text on OOM. */
const char *slab_model_keep_warning(const struct slab_model *m,
				    const char *msg);

/* slab_load.c: a heap copy of s the caller frees, NULL on OOM. */
char *slab_xstrdup(const char *s);
/* slab_presets.c: the kc_tbl_read() callback of presets.tbl; data is the
 * struct slab_model being loaded. Returns 0 or -KC_E* with err filled
 * at the bad field. */
struct kc_tbl_rec;
int slab_presets_rec(const struct kc_tbl_rec *rec, void *data,
		     struct kc_err *err);

#endif
