// SPDX-License-Identifier: GPL-2.0
/* negative: the allocation is in another function */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct msg {
	char *body;
	size_t room;
};

static char *msg_body_alloc(size_t len)
{
	return kmalloc(len, GFP_KERNEL);
}

int msg_init(struct msg *m, size_t len)
{
	m->body = msg_body_alloc(len);
	if (!m->body)
		return -ENOMEM;
	m->room = ksize(m->body);
	return 0;
}
