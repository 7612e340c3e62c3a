// SPDX-License-Identifier: GPL-2.0
/* kcalloc with a count expression, the pointer copied into the pool, the
 * element count taken back with ksize() / size */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct trans_pool {
	void *base;
	u32 count;
	u32 free;
	size_t size;
};

int trans_pool_init(struct trans_pool *pool, size_t size, u32 count,
		    u32 max_alloc)
{
	void *virt;

	if (!size || !max_alloc)
		return -EINVAL;
	virt = kcalloc(count + max_alloc - 1, size, GFP_KERNEL);
	if (!virt)
		return -ENOMEM;
	pool->base = virt;
	pool->count = ksize(pool->base) / size;
	pool->free = 0;
	pool->size = size;
	return 0;
}
