// SPDX-License-Identifier: GPL-2.0
/* kmalloc_node and kmalloc_track_caller take the size first as well */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct tbl {
	unsigned long *slots;
	size_t bytes;
};

int tbl_alloc_node(struct tbl *t, size_t bytes, int node)
{
	t->slots = kmalloc_node(bytes, GFP_KERNEL, node);
	if (!t->slots)
		return -ENOMEM;
	t->bytes = ksize(t->slots);
	return 0;
}

void *dup_caller(const void *src, size_t len, size_t *cap)
{
	void *p;

	p = kmalloc_track_caller(len, GFP_KERNEL);
	if (!p)
		return NULL;
	*cap = ksize(p);
	return p;
}
