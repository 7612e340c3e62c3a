// SPDX-License-Identifier: GPL-2.0
/* krealloc in a declaration, and the size is read again afterwards (a
 * high-water mark): the declaration is split and the rounded size goes
 * into a new local, so the mark keeps the requested size */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct name_buf {
	char *name;
	int size;
};

static int name_size_max;

int name_buf_expand(struct name_buf *nb, int size)
{
	char *name = krealloc(nb->name, size, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	if (size > name_size_max)
		name_size_max = size;
	nb->size = ksize(name);
	nb->name = name;
	return 0;
}
