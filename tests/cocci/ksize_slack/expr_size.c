// SPDX-License-Identifier: GPL-2.0
/* the size is an expression that cannot be rounded in place: the rounded
 * size goes into a new local alloc_size. str_alloc() is not converted:
 * ksize() is reached only when the allocation succeeded and there is no
 * error return (Coccinelle's all-paths match); report mode lists it. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/overflow.h>

struct fence_list {
	unsigned int max;
	void *table[];
};

struct fence_list *fence_list_alloc(unsigned int max)
{
	struct fence_list *list;

	list = kmalloc(struct_size(list, table, max), GFP_KERNEL);
	if (!list)
		return NULL;
	list->max = (ksize(list) - sizeof(*list)) / sizeof(list->table[0]);
	return list;
}

char *str_alloc(size_t len, size_t *cap)
{
	char *s;

	s = kmalloc(len + 1, GFP_KERNEL);
	if (s)
		*cap = ksize(s);
	return s;
}
