// SPDX-License-Identifier: GPL-2.0
/*
 * ksize() on memory from every allocator family that is not kmalloc:
 * vmalloc, kmem_cache, devm (after the devres header), the page
 * allocator, per-CPU memory. Each has a kmalloc twin that stays silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/device.h>

struct blk_stats {
	u64 reads;
	u64 writes;
};

static struct kmem_cache *req_cache;

size_t vm_table_size(size_t n)
{
	void *t = vmalloc(n);

	if (!t)
		return 0;
	return ksize(t); /* expect: ksize-non-kmalloc "vmalloc" */
}

size_t vz_table_size(size_t n)
{
	void *t = vzalloc(n * 8);

	if (!t)
		return 0;
	return __ksize(t); /* expect: ksize-non-kmalloc */
}

size_t km_table_size(size_t n)
{
	void *t = kmalloc(n, GFP_KERNEL);

	if (!t)
		return 0;
	return ksize(t);
}

size_t req_obj_size(void)
{
	void *r = kmem_cache_alloc(req_cache, GFP_KERNEL);

	if (!r)
		return 0;
	return ksize(r); /* expect: ksize-non-kmalloc "kmem_cache" */
}

size_t req_obj_zsize(void)
{
	void *r = kmem_cache_zalloc(req_cache, GFP_KERNEL);

	if (!r)
		return 0;
	return ksize(r); /* expect: ksize-non-kmalloc */
}

size_t priv_size(struct device *dev)
{
	void *priv = devm_kzalloc(dev, 96, GFP_KERNEL);

	if (!priv)
		return 0;
	return ksize(priv); /* expect: ksize-non-kmalloc "devres" */
}

size_t page_buf_size(void)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
	void *va = (void *)addr;

	if (!va)
		return 0;
	return ksize(va); /* expect: ksize-non-kmalloc "page" */
}

size_t page_addr_size(struct page *pg)
{
	void *va = page_address(pg);

	return ksize(va); /* expect: ksize-non-kmalloc */
}

size_t zero_page_size(void)
{
	void *va = (void *)get_zeroed_page(GFP_KERNEL);

	if (!va)
		return 0;
	return ksize(va); /* expect: ksize-non-kmalloc */
}
