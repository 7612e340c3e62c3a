// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * A driver-private fragment cache carved out of page allocator memory:
 * an order-2 block from __get_free_pages(), a zeroed page for the
 * header, and an alloc_pages() block mapped with page_address().  None
 * of them is a kmalloc object, so ksize() on any of them is wrong (WARN
 * and 0 for small orders; a folio size that only looks right for big
 * compound ones).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#define FRAG_ORDER	2
#define FRAG_BYTES	(PAGE_SIZE << FRAG_ORDER)

struct frag_cache {
	void *va;
	unsigned int offset;
	unsigned int size;
	struct page *spare;
	void *hdr;
};

static int frag_cache_fill(struct frag_cache *fc)
{
	fc->va = (void *)__get_free_pages(GFP_KERNEL, FRAG_ORDER);
	if (!fc->va)
		return -ENOMEM;
	fc->size = ksize(fc->va); /* expect: ksize-non-kmalloc */
	fc->offset = 0;
	return 0;
}

static int frag_cache_init(struct frag_cache *fc)
{
	void *spare_va;
	int ret;

	fc->hdr = (void *)get_zeroed_page(GFP_KERNEL);
	if (!fc->hdr)
		return -ENOMEM;
	pr_debug("frag hdr %zu bytes\n", ksize(fc->hdr)); /* expect: ksize-non-kmalloc */

	fc->spare = alloc_pages(GFP_KERNEL, 1);
	if (!fc->spare) {
		ret = -ENOMEM;
		goto err_hdr;
	}
	spare_va = page_address(fc->spare);
	memset(spare_va, 0, ksize(spare_va)); /* expect: ksize-non-kmalloc */

	ret = frag_cache_fill(fc);
	if (ret)
		goto err_spare;
	return 0;

err_spare:
	__free_pages(fc->spare, 1);
err_hdr:
	free_page((unsigned long)fc->hdr);
	return ret;
}

void *frag_alloc(struct frag_cache *fc, unsigned int len)
{
	void *p;

	if (!fc->va && frag_cache_init(fc))
		return NULL;
	if (fc->offset + len > FRAG_BYTES)
		return NULL;
	p = fc->va + fc->offset;
	fc->offset += ALIGN(len, 64);
	return p;
}

MODULE_LICENSE("GPL");
