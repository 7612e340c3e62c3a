// SPDX-License-Identifier: GPL-2.0
/* page allocator memory, with the usual cast */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/slab.h>

size_t page_room(void)
{
	char *buf;
	size_t room;

	buf = (char *)__get_free_pages(GFP_KERNEL, 2);
	if (!buf)
		return 0;
	room = ksize(buf);
	free_pages((unsigned long)buf, 2);
	return room;
}
