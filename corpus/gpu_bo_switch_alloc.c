// SPDX-License-Identifier: GPL-2.0
/*
 * Buffer objects of a small display controller.  The backing store is
 * chosen by placement in a switch: CMD and CURSOR objects fall through to
 * the kmalloc case, SCANOUT objects are vmalloc'd.  The debugfs size
 * helper calls ksize() on the result, which is a vmalloc area on one path.
 * The second switch only ever reaches kmalloc/kzalloc, so ksize() is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

enum bo_place {
	BO_PLACE_CMD,
	BO_PLACE_CURSOR,
	BO_PLACE_SYSMEM,
	BO_PLACE_SCANOUT,
};

struct dc_bo {
	void *vaddr;
	size_t size;
	enum bo_place place;
	size_t footprint;
};

int dc_bo_create(struct dc_bo *bo, enum bo_place place, size_t size)
{
	void *va;

	switch (place) {
	case BO_PLACE_CMD:
		size = ALIGN(size, 64);
		fallthrough;
	case BO_PLACE_CURSOR:
	case BO_PLACE_SYSMEM:
		va = kzalloc(size, GFP_KERNEL);
		break;
	case BO_PLACE_SCANOUT:
		va = vzalloc(size);
		break;
	default:
		return -EINVAL;
	}
	if (!va)
		return -ENOMEM;

	bo->vaddr = va;
	bo->size = size;
	bo->place = place;
	bo->footprint = ksize(va); /* expect: ksize-maybe-non-kmalloc */
	return 0;
}

void *dc_bo_create_small(enum bo_place place, size_t size)
{
	void *va;

	switch (place) {
	case BO_PLACE_CMD:
		va = kmalloc(size, GFP_KERNEL);
		if (va)
			memset(va, 0, size);
		break;
	case BO_PLACE_CURSOR:
		size += 16;
		fallthrough;
	default:
		va = kzalloc(size, GFP_KERNEL);
		break;
	}
	if (va)
		pr_debug("small bo %zu/%zu\n", size, ksize(va));
	return va;
}

void dc_bo_destroy(struct dc_bo *bo)
{
	if (bo->place == BO_PLACE_SCANOUT)
		vfree(bo->vaddr);
	else
		kfree(bo->vaddr);
}

MODULE_LICENSE("GPL");
