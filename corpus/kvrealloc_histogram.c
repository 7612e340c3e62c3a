// SPDX-License-Identifier: GPL-2.0
/*
 * Latency histogram of a block tracer.  The bucket array grows with
 * kvrealloc() (6.1 signature: old size and new size), so after growing
 * it may live in vmalloc space; ksize() on it is only right when it
 * stayed in kmalloc.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/string.h>

struct lat_hist {
	u64 *buckets;
	unsigned int nbuckets;
	size_t mem;
};

int lat_hist_grow(struct lat_hist *h, unsigned int nbuckets)
{
	u64 *nb;
	size_t old = h->nbuckets * sizeof(u64);
	size_t new = nbuckets * sizeof(u64);

	if (nbuckets <= h->nbuckets)
		return 0;
	nb = kvrealloc(h->buckets, old, new, GFP_KERNEL);
	if (!nb)
		return -ENOMEM;
	memset(nb + h->nbuckets, 0, new - old);
	h->buckets = nb;
	h->nbuckets = nbuckets;
	h->mem = ksize(nb); /* expect: ksize-maybe-non-kmalloc */
	return 0;
}

void lat_hist_free(struct lat_hist *h)
{
	kvfree(h->buckets);
	h->buckets = NULL;
	h->nbuckets = 0;
}

MODULE_LICENSE("GPL");
