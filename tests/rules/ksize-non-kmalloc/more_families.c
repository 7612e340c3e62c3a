// SPDX-License-Identifier: GPL-2.0
/*
 * More non-kmalloc families (6.1 stubs): vmalloc_array, kmem_cache_zalloc,
 * devm_kmalloc_array, devm_kstrdup, __get_free_pages, alloc_pages() +
 * page_address(), alloc_percpu, and a vzalloc buffer kept two struct
 * levels deep and measured in another function of the file.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/device.h>

struct ring_priv {
	void *desc;
	size_t ndesc;
};

struct ring_dev {
	struct ring_priv *priv;
	int id;
};

static struct kmem_cache *req_cache;

size_t tbl_size(size_t n)
{
	u64 *tbl = vmalloc_array(n, sizeof(*tbl));

	if (!tbl)
		return 0;
	return ksize(tbl); /* expect: ksize-non-kmalloc */
}

size_t req_size(void)
{
	void *req = kmem_cache_zalloc(req_cache, GFP_KERNEL);

	if (!req)
		return 0;
	return ksize(req); /* expect: ksize-non-kmalloc */
}

size_t devm_tbl_size(struct device *dev, size_t n)
{
	u32 *regs = devm_kmalloc_array(dev, n, sizeof(*regs), GFP_KERNEL);

	if (!regs)
		return 0;
	return ksize(regs); /* expect: ksize-non-kmalloc */
}

size_t devm_name_size(struct device *dev, const char *name)
{
	char *label = devm_kstrdup(dev, name, GFP_KERNEL);

	if (!label)
		return 0;
	return ksize(label); /* expect: ksize-non-kmalloc */
}

size_t pages_size(void)
{
	void *buf = (void *)__get_free_pages(GFP_KERNEL, 2);

	if (!buf)
		return 0;
	return ksize(buf); /* expect: ksize-non-kmalloc */
}

size_t page_addr_size(void)
{
	struct page *pg = alloc_pages(GFP_KERNEL, 0);
	void *va;

	if (!pg)
		return 0;
	va = page_address(pg);
	return ksize(va); /* expect: ksize-non-kmalloc */
}

size_t percpu_size(void)
{
	u64 __percpu *cnt = alloc_percpu(u64);

	if (!cnt)
		return 0;
	return ksize((void __force *)cnt); /* expect: ksize-non-kmalloc */
}

int ring_setup(struct ring_dev *rd, size_t n)
{
	rd->priv = kzalloc(sizeof(*rd->priv), GFP_KERNEL);
	if (!rd->priv)
		return -ENOMEM;
	rd->priv->desc = vzalloc(n * 16);
	if (!rd->priv->desc) {
		kfree(rd->priv);
		return -ENOMEM;
	}
	rd->priv->ndesc = n;
	return 0;
}

size_t ring_mem(struct ring_dev *rd)
{
	return ksize(rd->priv->desc); /* expect: ksize-non-kmalloc */
}

size_t ring_priv_mem(struct ring_dev *rd)
{
	return ksize(rd->priv);
}

size_t stack_size(void)
{
	char tmp[64];

	tmp[0] = 0;
	return ksize(tmp); /* expect: ksize-non-kmalloc */
}
