// SPDX-License-Identifier: GPL-2.0
/* the size lives in a struct field and ksize() is stored back into it */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct pbuf {
	void *data;
	unsigned int len;
};

int pbuf_grow(struct pbuf *b)
{
	b->data = kzalloc(b->len, GFP_KERNEL);
	if (!b->data)
		return -ENOMEM;
	b->len = ksize(b->data);
	return 0;
}
