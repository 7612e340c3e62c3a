// SPDX-License-Identifier: GPL-2.0
/* a kmem_cache object is not a kmalloc object */
#include <linux/errno.h>
#include <linux/slab.h>

struct obj {
	int refs;
	char name[40];
};

static struct kmem_cache *obj_cache;

size_t obj_room(void)
{
	struct obj *o;
	size_t room;

	o = kmem_cache_alloc(obj_cache, GFP_KERNEL);
	if (!o)
		return 0;
	room = ksize(o);
	kmem_cache_free(obj_cache, o);
	return room;
}
