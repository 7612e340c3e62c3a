// SPDX-License-Identifier: GPL-2.0
/* negative: the allocating declaration is followed by another declaration,
 * so it cannot be split without a declaration after a statement */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct vec {
	int *v;
	size_t bytes;
};

int vec_alloc(struct vec *vec, size_t bytes)
{
	int *v = kmalloc(bytes, GFP_KERNEL);
	int i;

	if (!v)
		return -ENOMEM;
	for (i = 0; i < 4; i++)
		v[i] = 0;
	vec->bytes = ksize(v);
	vec->v = v;
	return 0;
}
