// SPDX-License-Identifier: GPL-2.0
/*
 * Reservation object of a GPU buffer: a header (rcu-style next pointer
 * and two counters, 16 bytes) followed by a flexible table of fence
 * pointers.  The allocator stores in the list itself a capacity counted
 * from ksize(): (ksize(list) - 16) / 8.  For 4 fences the request is
 * 48 bytes (kmalloc-64), so the capacity is 6 entries and adding the
 * fifth and sixth fence writes table[4] and table[5], bytes 48..63: slack.
 * The list reaches the add path through the object's field, published
 * with a release store.  The second object type keeps the requested
 * count and is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>
#include <linux/bug.h>

struct gfence;

struct gresv_list {
	struct gresv_list *next;
	u32 num_fences, max_fences;
	struct gfence *table[];
};

struct gresv {
	struct gresv_list *fences;
};

static struct gresv_list *gresv_list_alloc(unsigned int max_fences)
{
	struct gresv_list *list;

	list = kmalloc(struct_size(list, table, max_fences), GFP_KERNEL);
	if (!list)
		return NULL;
	list->max_fences = (ksize(list) - offsetof(struct gresv_list, table)) /
		sizeof(*list->table);
	list->num_fences = 0;
	return list;
}

int gresv_reserve(struct gresv *obj, unsigned int num)
{
	struct gresv_list *new = gresv_list_alloc(num);

	if (!new)
		return -ENOMEM;
	kfree(obj->fences);
	WRITE_ONCE(obj->fences, new);
	return 0;
}

void gresv_add_fence(struct gresv *obj, struct gfence *fence)
{
	struct gresv_list *list = READ_ONCE(obj->fences);

	BUG_ON(list->num_fences >= list->max_fences);
	list->table[list->num_fences] = fence; /* expect: slack-write */
	list->num_fences++;
}

struct gresv_exact {
	u32 num, max;
	struct gfence *table[];
};

struct gresv_exact *gresv_exact_alloc(unsigned int n)
{
	struct gresv_exact *l = kmalloc(struct_size(l, table, n), GFP_KERNEL);

	if (!l)
		return NULL;
	l->max = n;
	l->num = 0;
	return l;
}

void gresv_exact_add(struct gresv_exact *l, struct gfence *fence)
{
	if (l->num >= l->max)
		return;
	l->table[l->num++] = fence;
}

MODULE_LICENSE("GPL");
