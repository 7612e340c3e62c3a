// SPDX-License-Identifier: GPL-2.0
/*
 * A mix a third party would write: page and DMA allocators, an inclusive
 * loop bound over kmalloc_array(), copy_to_user() of ksize() bytes,
 * kfree_rcu() then ksize(), a buffer made by a static helper into a
 * field, a flex copy one byte past the request, ksize() only in a
 * WARN_ON(), and a write through an end pointer at ksize().
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <linux/dma-mapping.h>
#include <linux/device.h>

struct node {
	struct rcu_head rcu;
	int v;
};

size_t pages_zeroed(void)
{
	void *p = (void *)get_zeroed_page(GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-non-kmalloc */
}

size_t pages_exact(void)
{
	void *p = alloc_pages_exact(8192, GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-non-kmalloc */
}

size_t dma_buf_size(struct device *dev)
{
	dma_addr_t h;
	void *p = dma_alloc_coherent(dev, 4096, &h, GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-non-kmalloc */
}

u32 *arr_inclusive(size_t n)
{
	u32 *a = kmalloc_array(n, sizeof(u32), GFP_KERNEL);
	size_t i;

	if (!a)
		return NULL;
	for (i = 0; i <= n; i++)
		a[i] = 0; /* expect: slack-write */
	return a;
}

int export_user(void __user *u, size_t n)
{
	void *p = kzalloc(n, GFP_KERNEL);
	int r;

	if (!p)
		return -ENOMEM;
	r = copy_to_user(u, p, ksize(p)) ? -EFAULT : 0; /* expect: slack-read */
	kfree(p);
	return r;
}

size_t node_rcu_freed(void)
{
	struct node *nd = kzalloc(sizeof(*nd), GFP_KERNEL);

	if (!nd)
		return 0;
	kfree_rcu(nd, rcu);
	return ksize(nd); /* expect: ksize-after-free */
}

struct wrap {
	char *name;
};

static int mkname(struct wrap *w, size_t n)
{
	w->name = kmalloc(n, GFP_KERNEL);
	return w->name ? 0 : -ENOMEM;
}

int wrap_clear(struct wrap *w, size_t n)
{
	if (mkname(w, n))
		return -ENOMEM;
	memset(w->name, 0, ksize(w->name)); /* expect: slack-write */
	return 0;
}

struct msg {
	u32 len;
	u8 data[];
};

struct msg *msg_copy(const u8 *src, size_t len)
{
	struct msg *m = kmalloc(sizeof(*m) + 10, GFP_KERNEL);

	if (!m)
		return NULL;
	m->len = 10;
	memcpy(m->data, src, 11); /* expect: slack-write "bucket 16" */
	return m;
}

size_t warn_only(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	WARN_ON(ksize(p) < n);
	memset(p, 0, n);
	return n;
}

size_t end_ptr(size_t n)
{
	char *p = kmalloc(n, GFP_KERNEL);
	char *end;

	if (!p)
		return 0;
	end = p + ksize(p);
	*(end - 1) = 0; /* expect: slack-write */
	return n;
}
