// SPDX-License-Identifier: GPL-2.0
/* krealloc in a declaration: the declaration is split */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct name_buf {
	char *name;
	int size;
};

int name_buf_expand(struct name_buf *nb, int size)
{
	char *name = krealloc(nb->name, size, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	nb->size = ksize(name);
	nb->name = name;
	return 0;
}
