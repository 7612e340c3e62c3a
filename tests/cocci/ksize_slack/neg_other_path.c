// SPDX-License-Identifier: GPL-2.0
/* negative: on another path the pointer is not this allocation, so
 * ksize() cannot become the rounded size */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct holder {
	char *buf;
	size_t cap;
};

int holder_init(struct holder *h, size_t n, char *spare)
{
	char *p;

	if (spare) {
		p = spare;
	} else {
		p = kmalloc(n, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
	}
	h->cap = ksize(p);
	h->buf = p;
	return 0;
}

int holder_init_expr(struct holder *h, size_t n, char *spare)
{
	char *p;

	if (spare) {
		p = spare;
	} else {
		p = kmalloc(n * 2, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
	}
	h->cap = ksize(p);
	h->buf = p;
	return 0;
}
