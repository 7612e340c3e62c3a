// SPDX-License-Identifier: GPL-2.0
/*
 * Scatter-gather table pool of a storage HBA: small tables come from a
 * kmem_cache of 100-byte objects, bigger ones from kmalloc.  The
 * statistics helper calls ksize() on whatever it got: a kmem_cache
 * object on one path.  The free path picks the right free function.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define SGP_OBJ_SIZE	100

struct sgp {
	struct kmem_cache *cache;
	size_t bytes;
};

int sgp_init(struct sgp *p)
{
	p->cache = kmem_cache_create("sgp_small", SGP_OBJ_SIZE, 0,
				     SLAB_HWCACHE_ALIGN, NULL);
	return p->cache ? 0 : -ENOMEM;
}

void *sgp_get(struct sgp *p, size_t size)
{
	void *t;

	if (size <= SGP_OBJ_SIZE)
		t = kmem_cache_alloc(p->cache, GFP_NOIO);
	else
		t = kmalloc(size, GFP_NOIO);
	if (!t)
		return NULL;
	p->bytes += ksize(t); /* expect: ksize-maybe-non-kmalloc */
	return t;
}

void sgp_put(struct sgp *p, void *t, size_t size)
{
	if (size <= SGP_OBJ_SIZE)
		kmem_cache_free(p->cache, t);
	else
		kfree(t);
}

void sgp_exit(struct sgp *p)
{
	kmem_cache_destroy(p->cache);
}

MODULE_LICENSE("GPL");
