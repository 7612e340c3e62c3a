// SPDX-License-Identifier: GPL-2.0
/* the size is used again after the allocation (to copy from a source of
 * exactly that size): rounding n in place would over-read src, so n is
 * left alone and the rounded size goes into a new local */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

struct blob {
	void *data;
	size_t cap;
	size_t used;
};

int blob_set(struct blob *b, const void *src, size_t n)
{
	void *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	b->cap = ksize(p);
	memcpy(p, src, n);
	b->used = n;
	b->data = p;
	return 0;
}

int blob_set_before(struct blob *b, const void *src, size_t n)
{
	void *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	memcpy(p, src, n);
	b->cap = ksize(p);
	b->data = p;
	return 0;
}
