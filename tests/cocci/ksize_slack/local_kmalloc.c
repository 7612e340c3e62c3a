// SPDX-License-Identifier: GPL-2.0
/* slack use through a local size: the size is rounded up before kmalloc */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct ring {
	char *data;
	size_t cap;
};

int ring_alloc(struct ring *r, size_t n)
{
	char *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	r->cap = ksize(p);
	r->data = p;
	return 0;
}
