// SPDX-License-Identifier: GPL-2.0
/* negative: a kvmalloc of a constant size of at most PAGE_SIZE (4096 on
 * every architecture at least) never takes the vmalloc fallback; a large
 * one may */
#include <linux/errno.h>
#include <linux/slab.h>

size_t small_tbl_room(void)
{
	void *t = kvzalloc(512, GFP_KERNEL);
	size_t room;

	if (!t)
		return 0;
	room = ksize(t);
	kvfree(t);
	return room;
}

size_t small_array_room(void)
{
	u32 *v;
	size_t room;

	v = kvmalloc_array(64, 4, GFP_KERNEL);
	if (!v)
		return 0;
	room = ksize(v);
	kvfree(v);
	return room;
}

size_t big_tbl_room(void)
{
	void *t;
	size_t room;

	t = kvmalloc(8192, GFP_KERNEL);
	if (!t)
		return 0;
	room = ksize(t);
	kvfree(t);
	return room;
}
