// SPDX-License-Identifier: GPL-2.0
/*
 * Shared fence list of a buffer object: a header followed by a flexible
 * array of fence pointers.  The capacity is derived from ksize() minus
 * the header, so the list believes it has room for more entries than it
 * asked for: 36 pointers after an 8-byte header request 296 bytes
 * (kmalloc-512), and the clearing loop runs to (512 - 8) / 8 = 63.
 * The capacity computed from the requested count is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

#define FLIST_INITIAL	36

struct fence_stub;

struct fence_list {
	u32 num;
	u32 max;
	struct fence_stub *table[];
};

struct fence_list *fence_list_alloc(void)
{
	struct fence_list *l;
	u32 i;

	l = kmalloc(struct_size(l, table, FLIST_INITIAL), GFP_KERNEL);
	if (!l)
		return NULL;
	l->max = (ksize(l) - offsetof(struct fence_list, table)) / sizeof(l->table[0]);
	l->num = 0;
	for (i = 0; i < l->max; i++)
		l->table[i] = NULL; /* expect: slack-write */
	return l;
}

struct fence_list *fence_list_alloc_exact(u32 n)
{
	struct fence_list *l;
	u32 i;

	l = kmalloc(struct_size(l, table, n), GFP_KERNEL);
	if (!l)
		return NULL;
	l->max = n;
	l->num = 0;
	for (i = 0; i < n; i++)
		l->table[i] = NULL;
	return l;
}

MODULE_LICENSE("GPL");
