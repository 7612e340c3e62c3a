// SPDX-License-Identifier: GPL-2.0
/* kvmalloc falls back to vmalloc for large sizes */
#include <linux/errno.h>
#include <linux/slab.h>

struct table {
	unsigned long *bits;
	size_t bytes;
};

int table_init(struct table *t, size_t n)
{
	t->bits = kvmalloc(n, GFP_KERNEL);
	if (!t->bits)
		return -ENOMEM;
	t->bytes = ksize(t->bits);
	return 0;
}
