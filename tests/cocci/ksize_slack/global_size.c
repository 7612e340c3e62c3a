// SPDX-License-Identifier: GPL-2.0
/* the size is a global that other code reads: not rounded in place, the
 * rounded size goes into a new local (the function has no declarations:
 * a blank line follows the new one) */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

static size_t default_size = 100;

struct cache_ent {
	char *buf;
	size_t cap;
};

int cache_ent_init(struct cache_ent *e)
{
	e->buf = kmalloc(default_size, GFP_KERNEL);
	if (!e->buf)
		return -ENOMEM;
	e->cap = ksize(e->buf);
	return 0;
}
