// SPDX-License-Identifier: GPL-2.0
/*
 * RX path of a UART driver with a swappable receive buffer.  The flush
 * frees the buffer through an alias and then measures it through the
 * original pointer: after free.  The other functions free and then
 * replace the pointer, free only on a path that returns, or free the
 * previous buffer in a refill loop: none of them is a finding.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/spinlock.h>

#define URX_BUF_LEN	600

struct urx {
	spinlock_t lock;
	u8 *buf;
	size_t len;
	size_t mem;
};

int urx_fill(struct urx *u, u8 *buf, size_t room);

void urx_flush(struct urx *u)
{
	u8 *old, *victim;

	old = kmalloc(URX_BUF_LEN, GFP_ATOMIC);
	if (!old)
		return;
	victim = old;
	kfree(victim);
	u->mem -= ksize(old); /* expect: ksize-after-free */
}

int urx_swap(struct urx *u)
{
	u8 *buf;

	buf = kmalloc(URX_BUF_LEN, GFP_ATOMIC);
	if (!buf)
		return -ENOMEM;
	kfree(buf);
	buf = kzalloc(URX_BUF_LEN, GFP_ATOMIC);
	if (!buf)
		return -ENOMEM;
	u->mem = ksize(buf);
	u->buf = buf;
	return 0;
}

int urx_try(struct urx *u)
{
	u8 *buf;
	int ret;

	buf = kmalloc(URX_BUF_LEN, GFP_ATOMIC);
	if (!buf)
		return -ENOMEM;
	ret = urx_fill(u, buf, URX_BUF_LEN);
	if (ret < 0) {
		kfree(buf);
		return ret;
	}
	u->mem += ksize(buf);
	u->buf = buf;
	u->len = ret;
	return 0;
}

int urx_refill(struct urx *u, int rounds)
{
	u8 *buf = NULL;
	int i, ret = 0;

	for (i = 0; i < rounds; i++) {
		kfree(buf);
		buf = kmalloc(URX_BUF_LEN, GFP_ATOMIC);
		if (!buf)
			return -ENOMEM;
		ret = urx_fill(u, buf, URX_BUF_LEN);
		if (ret <= 0)
			break;
	}
	if (buf)
		u->mem = ksize(buf);
	kfree(u->buf);
	u->buf = buf;
	return ret;
}

MODULE_LICENSE("GPL");
