// SPDX-License-Identifier: GPL-2.0
/*
 * A shared fence list of a buffer object: a 16-byte header (rcu-style
 * link, used and capacity counters) and a flexible table of tagged fence
 * pointers.  The list records its capacity from ksize(), (ksize(list) -
 * 16) / 8, so appending fills the bucket's slack: a list made for 5
 * fences asks for 56 bytes (kmalloc-64) and holds 6.  Adding a fence
 * first searches the table for one to replace; when the search loop runs
 * out (i == count, the used count) the new fence goes to table[i], past
 * the requested size when count is the requested number of entries, and
 * BUG_ON() only keeps it below the ksize()-derived capacity: a slack
 * write.  The second list type keeps the requested count as its capacity
 * and resets it to the used count in a debug helper, so its capacity is
 * not a form of ksize() and its append is in bounds: silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/overflow.h>
#include <linux/bug.h>

struct bofence {
	u64 context;
	u64 seqno;
};

struct bofence_list {
	struct bofence_list *next;
	u32 used, cap;
	unsigned long table[];
};

struct boresv {
	struct bofence_list *list;
};

static struct bofence_list *bofence_list_alloc(unsigned int cap)
{
	struct bofence_list *list;

	list = kmalloc(struct_size(list, table, cap), GFP_KERNEL);
	if (!list)
		return NULL;
	list->cap = (ksize(list) - offsetof(struct bofence_list, table)) /
		    sizeof(*list->table);
	list->used = 0;
	return list;
}

static void bofence_list_set(struct bofence_list *list, unsigned int idx,
			     struct bofence *f, unsigned int tag)
{
	list->table[idx] = (unsigned long)f | tag; /* expect: slack-write */
}

int boresv_reserve(struct boresv *obj, unsigned int n)
{
	struct bofence_list *list = bofence_list_alloc(n);

	if (!list)
		return -ENOMEM;
	kfree(obj->list);
	obj->list = list;
	return 0;
}

void boresv_add(struct boresv *obj, struct bofence *f, unsigned int tag)
{
	struct bofence_list *list = obj->list;
	unsigned int i, count;

	count = list->used;
	for (i = 0; i < count; ++i) {
		struct bofence *old = (struct bofence *)(list->table[i] & ~3ul);

		if (old->context == f->context) {
			bofence_list_set(list, i, f, tag);
			return;
		}
	}
	BUG_ON(list->used >= list->cap);
	count++;
	bofence_list_set(list, i, f, tag);
	list->used = count;
}

struct bofence_exact {
	u32 used, cap;
	unsigned long table[];
};

struct boresv_exact {
	struct bofence_exact *list;
};

int boresv_exact_reserve(struct boresv_exact *obj, unsigned int n)
{
	struct bofence_exact *list;

	list = kmalloc(struct_size(list, table, n), GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	list->cap = n;
	list->used = 0;
	kfree(obj->list);
	obj->list = list;
	return 0;
}

void boresv_exact_reset(struct boresv_exact *obj)
{
	obj->list->cap = obj->list->used;
}

void boresv_exact_add(struct boresv_exact *obj, struct bofence *f)
{
	struct bofence_exact *list = obj->list;
	unsigned int i, count = list->used;

	for (i = 0; i < count; ++i)
		if ((struct bofence *)list->table[i] == f)
			return;
	BUG_ON(list->used >= list->cap);
	list->table[i] = (unsigned long)f;
	list->used = count + 1;
}

MODULE_LICENSE("GPL");
