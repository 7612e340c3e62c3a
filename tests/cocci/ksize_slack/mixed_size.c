// SPDX-License-Identifier: GPL-2.0
/* the statement with ksize() also reads the old size (the amount of
 * slack): rounding n in place would make it 0, so the rounded size goes
 * into a new local and n keeps its value */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct rec {
	char *data;
	size_t slack;
};

int rec_alloc(struct rec *r, size_t n)
{
	char *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	r->slack = ksize(p) - n;
	r->data = p;
	return 0;
}
