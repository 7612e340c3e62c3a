// SPDX-License-Identifier: GPL-2.0
/*
 * Provenance through same-file helpers: a helper that returns vmalloc
 * memory, one that hands its argument to ksize(), and a wrapper struct
 * whose field is filled by a helper.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct ring {
	void *desc;
	size_t bytes;
};

static void *ring_mem_alloc(size_t n)
{
	return vzalloc(n);
}

static void *ring_small_alloc(size_t n)
{
	return kzalloc(n, GFP_KERNEL);
}

static size_t obj_usable(const void *p)
{
	return ksize(p); /* expect: ksize-non-kmalloc */
}

static int ring_init(struct ring *r, size_t n)
{
	r->desc = ring_mem_alloc(n);
	if (!r->desc)
		return -ENOMEM;
	return 0;
}

size_t ring_report(size_t n)
{
	void *d = ring_mem_alloc(n);

	if (!d)
		return 0;
	return ksize(d); /* expect: ksize-non-kmalloc */
}

size_t ring_report_small(size_t n)
{
	void *d = ring_small_alloc(n);

	if (!d)
		return 0;
	return ksize(d);
}

size_t ring_usable(size_t n)
{
	void *d = vmalloc(n);

	if (!d)
		return 0;
	return obj_usable(d);
}

size_t ring_field_size(struct ring *r, size_t n)
{
	if (ring_init(r, n))
		return 0;
	r->bytes = ksize(r->desc); /* expect: ksize-non-kmalloc */
	return r->bytes;
}
