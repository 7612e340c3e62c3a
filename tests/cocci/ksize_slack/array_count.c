// SPDX-License-Identifier: GPL-2.0
/* kmalloc_array/kcalloc: ksize(p) / element size gives the element count */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct item {
	int key;
	int val;
	char tag[16];
};

struct pool {
	struct item *items;
	unsigned int count;
};

int pool_init(struct pool *pool, unsigned int count)
{
	struct item *items;

	items = kcalloc(count, sizeof(*items), GFP_KERNEL);
	if (!items)
		return -ENOMEM;
	pool->items = items;
	pool->count = ksize(items) / sizeof(*items);
	return 0;
}
