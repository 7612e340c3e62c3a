// SPDX-License-Identifier: GPL-2.0
/* negative: the statement with ksize() also reads the old size (the
 * amount of slack); rewriting would make it 0 */
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
