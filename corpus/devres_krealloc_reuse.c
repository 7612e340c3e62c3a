// SPDX-License-Identifier: GPL-2.0
/*
 * A driver core's managed allocations, written for the 6.1 API: every
 * devm_kmalloc() object is the data[] of a struct mres node, allocated
 * with kmalloc(sizeof(struct mres) + size) (24 header bytes on x86_64:
 * a list_head and a release hook), never rounded to a bucket.
 *
 * devm_krealloc() (its record in rules/allocators.tbl promises size
 * bytes, realloc=$1) returns the old pointer when 24 + size fits
 * ksize() of the old node: a node requested as 24 + 100 = 124 bytes
 * sits in kmalloc-128, so a resize to 104 bytes returns the same
 * object and the caller writes bytes 100..103 past the old request,
 * into the slack (KASAN and FORTIFY report it from 6.2 on, where
 * ksize() no longer unpoisons). slack-write at that return; the grown
 * path returns a fresh node of the new size and stays silent. (The
 * fixed forms, rounding the node's request or comparing with a stored
 * request, are the silent twins of tests/rules/slack-write/
 * realloc_reuse.c.)
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>

struct mres {
	struct list_head entry;
	void (*release)(struct device *dev, void *data);
	u8 __aligned(8) data[];
};

static LIST_HEAD(mres_list);

static bool mres_total(size_t size, size_t *total)
{
	/* catch sizes near SIZE_MAX */
	if (check_add_overflow(sizeof(struct mres), size, total))
		return false;
	return true;
}

static struct mres *mres_alloc(size_t size, gfp_t gfp)
{
	struct mres *mr;
	size_t total;

	if (!mres_total(size, &total))
		return NULL;
	mr = kmalloc(total, gfp);
	if (!mr)
		return NULL;
	INIT_LIST_HEAD(&mr->entry);
	mr->release = NULL;
	return mr;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	struct mres *mr = mres_alloc(size, gfp);

	if (!mr)
		return NULL;
	list_add_tail(&mr->entry, &mres_list);
	return mr->data;
}

void *devm_krealloc(struct device *dev, void *ptr, size_t new_size,
		    gfp_t gfp)
{
	struct mres *old, *mr;
	size_t new_total, old_total;

	if (!ptr)
		return devm_kmalloc(dev, new_size, gfp);
	if (!mres_total(new_size, &new_total))
		return NULL;
	old_total = ksize(container_of(ptr, struct mres, data));
	if (!old_total)
		return NULL;

	/* still fits the old node: keep it */
	if (new_total <= old_total)
		return ptr; /* expect: slack-write */

	mr = mres_alloc(new_size, gfp);
	if (!mr)
		return NULL;
	old = container_of(ptr, struct mres, data);
	list_del(&old->entry);
	list_add_tail(&mr->entry, &mres_list);
	kfree(old);
	return mr->data;
}
