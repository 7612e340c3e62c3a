// SPDX-License-Identifier: GPL-2.0
/* negative: the function already uses the name alloc_size */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct frame {
	u8 *data;
	size_t room;
};

int frame_alloc(struct frame *fr, size_t hdr, size_t alloc_size)
{
	fr->data = kmalloc(hdr + alloc_size, GFP_KERNEL);
	if (!fr->data)
		return -ENOMEM;
	fr->room = ksize(fr->data);
	return 0;
}
