// SPDX-License-Identifier: GPL-2.0
/* negative: the pointer is reassigned between allocation and ksize(), and
 * the accepted krealloc(p, ksize(p)) idiom */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct two {
	char *a;
	char *b;
	size_t cap;
};

int two_alloc(struct two *t, size_t n, char *other)
{
	char *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	t->a = p;
	p = other;
	t->cap = ksize(p);
	return 0;
}

char *grow_in_place(char *p)
{
	return krealloc(p, ksize(p), GFP_KERNEL);
}
