/* slab.c - the slab size model's queries: presets and their accessors,
 * bucket, kmalloc_size_roundup, classes, kmem_cache geometry. Loading is
 * in slab_load.c. See slab.h and docs/model.md. */
#include "model/slab_int.h"

#include <stdio.h>
#include <string.h>

/* ---- presets ---- */

size_t slab_model_count(const struct slab_model *m)
{
	return m ? m->n : 0;
}

const struct slab_config *slab_model_get(const struct slab_model *m,
					 size_t i)
{
	return m && i < m->n ? m->cfg[i] : NULL;
}

const struct slab_config *slab_model_find(const struct slab_model *m,
					  const char *name)
{
	size_t i;

	if (!m || !name)
		return NULL;
	for (i = 0; i < m->n; i++)
		if (!strcmp(m->cfg[i]->id, name))
			return m->cfg[i];
	return NULL;
}

int slab_config_has_version(const struct slab_config *c, unsigned major,
			    unsigned minor)
{
	unsigned v = SLAB_VER(major, minor);

	return v >= c->since && (!c->until || v <= c->until);
}

const struct slab_config *slab_model_default(const struct slab_model *m,
					     unsigned major, unsigned minor)
{
	const struct slab_config *best = NULL;
	unsigned v = major ? SLAB_VER(major, minor) : ~0u, bestd = ~0u;
	size_t i;

	for (i = 0; i < m->n; i++) {
		const struct slab_config *c = m->cfg[i];
		unsigned d;

		if (strcmp(c->arch, m->default_arch) ||
		    c->alloc != m->default_alloc || c->min_runtime ||
		    c->page != 4096)
			continue;
		d = slab_ver_dist(c, v);
		if (d < bestd) {
			best = c;
			bestd = d;
		}
	}
	return best ? best : m->cfg[0];
}

int slab_model_checked(const struct slab_model *m, size_t i, unsigned *ver,
		       unsigned *same, const char **source)
{
	if (!m || i >= m->nchecked)
		return -1;
	*ver = m->checked[i].ver;
	*same = m->checked[i].same;
	*source = m->checked[i].source;
	return 0;
}

const char *slab_config_id(const struct slab_config *c)
{
	return c->id;
}

const char *slab_config_label(const struct slab_config *c)
{
	return c->label;
}

const char *slab_config_arch(const struct slab_config *c)
{
	return c->arch;
}

const char *slab_config_note(const struct slab_config *c)
{
	return c->note;
}

enum slab_alloc slab_config_alloc(const struct slab_config *c)
{
	return c->alloc;
}

const char *slab_alloc_name(enum slab_alloc a)
{
	switch (a) {
	case SLAB_ALLOC_SLUB:
		return "SLUB";
	case SLAB_ALLOC_SLAB:
		return "SLAB";
	case SLAB_ALLOC_SLOB:
		return "SLOB";
	}
	return "?";
}

unsigned slab_config_since(const struct slab_config *c)
{
	return c->since;
}

unsigned slab_config_until(const struct slab_config *c)
{
	return c->until;
}

unsigned long long slab_config_page_size(const struct slab_config *c)
{
	return c->page;
}

unsigned long long slab_config_min(const struct slab_config *c)
{
	return c->min;
}

int slab_config_min_runtime(const struct slab_config *c)
{
	return c->min_runtime;
}

unsigned long long slab_config_cutoff(const struct slab_config *c)
{
	return c->cutoff;
}

unsigned long long slab_config_max(const struct slab_config *c)
{
	return c->max;
}

unsigned long long slab_config_granule(const struct slab_config *c)
{
	return c->alloc == SLAB_ALLOC_SLOB ? c->unit : 0;
}

size_t slab_classes(const struct slab_config *c,
		    const unsigned long long **classes)
{
	*classes = c->classes;
	return c->nclasses;
}

/* ---- sizes ---- */

unsigned slab_page_order(const struct slab_config *c, unsigned long long size)
{
	unsigned long long pages;
	unsigned order = 0;

	if (!size)
		return 0;
	/* get_order(): smallest order with PAGE_SIZE << order >= size */
	pages = (size - 1) / c->page + 1;
	while (order < 63 && (1ULL << order) < pages)
		order++;
	return order;
}

static unsigned long long page_bucket(const struct slab_config *c,
				      unsigned long long size)
{
	unsigned order = slab_page_order(c, size);

	if (order >= 63 || c->page > (~0ULL >> order))
		return ~0ULL;
	return c->page << order;
}

unsigned long long slab_bucket(const struct slab_config *c,
			       unsigned long long size)
{
	size_t i;

	if (!size || size > c->max)
		return 0;
	if (size > c->cutoff)
		return page_bucket(c, size);
	if (c->alloc == SLAB_ALLOC_SLOB)
		return slab_align_up(size, c->unit);
	for (i = 0; i < c->nclasses; i++)
		if (c->classes[i] >= size)
			return c->classes[i];
	return page_bucket(c, size); /* not reached: cutoff is a class */
}

unsigned long long slab_roundup(const struct slab_config *c,
				unsigned long long size)
{
	if (!size)
		return 0;
	if (size == ~0ULL)
		return ~0ULL; /* "saturated too-large case" (6.1), size (6.12) */
	if (c->alloc == SLAB_ALLOC_SLOB)
		return slab_align_up(size, c->min); /* ALIGN(size, minalign) */
	if (size > c->max)
		return c->over_size ? size : page_bucket(c, size);
	return slab_bucket(c, size);
}

int slab_bucket_range(const struct slab_config *c, unsigned long long lo,
		      unsigned long long hi, unsigned long long *blo,
		      unsigned long long *bhi)
{
	*blo = *bhi = 0;
	if (lo > hi)
		return -KC_EUSAGE;
	if (lo < 1)
		lo = 1;
	if (hi > c->max)
		hi = c->max;
	if (lo > hi)
		return 0;
	*blo = slab_bucket(c, lo);
	*bhi = slab_bucket(c, hi);
	return 0;
}

const char *slab_bucket_name(const struct slab_config *c,
			     unsigned long long bucket, char *buf, size_t size)
{
	if (!bucket)
		snprintf(buf, size, "no object");
	else if (bucket > c->cutoff && !(bucket % c->page))
		snprintf(buf, size, "order-%u pages",
			 slab_page_order(c, bucket));
	else if (c->alloc == SLAB_ALLOC_SLOB)
		snprintf(buf, size, "a %llu-byte SLOB block", bucket);
	else if (bucket >= (1ULL << 20) && !(bucket % (1ULL << 20)))
		snprintf(buf, size, "kmalloc-%lluM", bucket >> 20);
	else if (bucket >= 1024 && !(bucket % 1024))
		snprintf(buf, size, "kmalloc-%lluk", bucket >> 10);
	else
		snprintf(buf, size, "kmalloc-%llu", bucket);
	return buf;
}

/* kmem_cache_create(): calculate_alignment() (mm/slab_common.c 6.12:124)
 * and SLUB calculate_sizes() (mm/slub.c 6.12:5396) without debug flags;
 * ksize() of an object is slab_ksize(): s->inuse for TYPESAFE_BY_RCU,
 * else s->size (kernel-facts 3). */
int slab_cache_object(const struct slab_config *c, unsigned long long size,
		      unsigned long long align, unsigned flags,
		      struct slab_cache_info *out)
{
	const unsigned long long ptr = 8; /* sizeof(void *), 64-bit */
	unsigned long long inuse, total;

	memset(out, 0, sizeof(*out));
	if (!size || (align && !slab_is_pow2(align)) ||
	    c->alloc == SLAB_ALLOC_SLOB)
		return -KC_EUSAGE;
	if (flags & SLAB_CF_HWCACHE_ALIGN) {
		unsigned long long ralign = c->line;

		while (size <= ralign / 2)
			ralign /= 2;
		if (ralign > align)
			align = ralign;
	}
	if (align < 8)
		align = 8; /* arch_slab_minalign() default */
	align = slab_align_up(align, ptr);
	out->object_size = size;
	out->align = align;
	if (c->alloc == SLAB_ALLOC_SLAB) {
		out->usable = size; /* SLAB slab_ksize: object_size */
		return 0;
	}
	inuse = slab_align_up(size, ptr);
	total = inuse;
	if (flags & (SLAB_CF_TYPESAFE_BY_RCU | SLAB_CF_CTOR))
		total += ptr; /* free pointer placed after the object */
	total = slab_align_up(total, align);
	out->usable = (flags & SLAB_CF_TYPESAFE_BY_RCU) ? inuse : total;
	return 0;
}
