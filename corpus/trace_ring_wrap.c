// SPDX-License-Identifier: GPL-2.0
/*
 * A driver's event trace ring whose capacity is taken from ksize() of a
 * 700-byte kmalloc (kmalloc-1024 on x86_64 SLUB): trc_log() wraps its
 * write position with `% tr->cap`, so the head runs up to byte 1023,
 * past the request (slack-write).  The rounded twin asks for
 * kmalloc_size_roundup(700) and owns the whole bucket; the twin that
 * keeps the requested size as its modulus stays inside it.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>

#define TRC_BYTES	700

struct trc_ring {
	u8 *buf;
	size_t cap;
	size_t head;
};

int trc_log_ksize(const u8 *ev, size_t len)
{
	struct trc_ring tr;
	size_t i;

	tr.buf = kmalloc(TRC_BYTES, GFP_KERNEL);
	if (!tr.buf)
		return -ENOMEM;
	tr.cap = ksize(tr.buf);
	tr.head = 0;
	for (i = 0; i < len; i++)
		tr.buf[(tr.head + i) % tr.cap] = ev[i]; /* expect: slack-write */
	kfree(tr.buf);
	return 0;
}

int trc_log_rounded(const u8 *ev, size_t len)
{
	struct trc_ring tr;
	size_t i;

	tr.cap = kmalloc_size_roundup(TRC_BYTES);
	tr.buf = kmalloc(tr.cap, GFP_KERNEL);
	if (!tr.buf)
		return -ENOMEM;
	tr.head = 0;
	for (i = 0; i < len; i++)
		tr.buf[(tr.head + i) % tr.cap] = ev[i];
	kfree(tr.buf);
	return 0;
}

int trc_log_req(const u8 *ev, size_t len, size_t head)
{
	u8 *buf = kmalloc(TRC_BYTES, GFP_KERNEL);
	size_t i;

	if (!buf)
		return -ENOMEM;
	for (i = 0; i < len; i++)
		buf[(head + i) % TRC_BYTES] = ev[i];
	kfree(buf);
	return 0;
}

MODULE_LICENSE("GPL");
