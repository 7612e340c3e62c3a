// SPDX-License-Identifier: GPL-2.0
/* the slack is cleared through a sink */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

void *zbuf_alloc(size_t size)
{
	void *p;

	p = kmalloc(size, GFP_KERNEL);
	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}
