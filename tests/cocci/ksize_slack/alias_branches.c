// SPDX-License-Identifier: GPL-2.0
/* kmalloc or krealloc in two branches, then the pointer is copied into
 * the struct and ksize() is taken on the copy */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

struct path_buf {
	char *buf;
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
		tmp = krealloc(p->buf, len, GFP_KERNEL);
	}
	if (!tmp)
		return -ENOMEM;
	p->buf = tmp;
	p->buf_len = ksize(p->buf);
	return 0;
}
