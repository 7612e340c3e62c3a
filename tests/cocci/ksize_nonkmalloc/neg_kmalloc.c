// SPDX-License-Identifier: GPL-2.0
/* negative: kmalloc memory, and a vmalloc pointer replaced by kmalloc
 * memory before ksize() */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

size_t k_room(size_t n)
{
	void *p;
	size_t room;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return 0;
	room = ksize(p);
	kfree(p);
	return room;
}

size_t replaced_room(size_t n)
{
	void *p;
	size_t room;

	p = vmalloc(n);
	vfree(p);
	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return 0;
	room = ksize(p);
	kfree(p);
	return room;
}
