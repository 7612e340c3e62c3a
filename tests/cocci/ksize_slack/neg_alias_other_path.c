// SPDX-License-Identifier: GPL-2.0
/* negative: the pointer copied into the struct comes from kmalloc on one
 * branch and from a spare buffer on the other; ksize() of the copy cannot
 * become the rounded size */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

struct path_buf {
	char *buf;
	char *spare;
	char inline_buf[32];
	int buf_len;
};

int path_buf_ensure(struct path_buf *p, int len)
{
	char *tmp;
	int old_len = p->buf_len;

	len++;
	if (p->buf_len >= len)
		return 0;
	if (p->buf == p->inline_buf) {
		tmp = kmalloc(len, GFP_KERNEL);
		if (tmp)
			memcpy(tmp, p->buf, old_len);
	} else {
		tmp = p->spare;
	}
	if (!tmp)
		return -ENOMEM;
	p->buf = tmp;
	p->buf_len = ksize(p->buf);
	return 0;
}
