// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Host-to-DSP IPC queue.  ipcq_init() stores ksize() of the 700-byte
 * queue (kmalloc-1024) as its capacity; ipcq_snapshot(), in another
 * function, copies cap bytes out of it, reading 324 bytes of slack.
 * ipcq_drain() uses the requested length field and is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>

#define IPCQ_BYTES	700

struct ipcq {
	struct mutex lock;
	u8 *buf;
	size_t cap;
	size_t len;
};

int ipcq_init(struct ipcq *q)
{
	mutex_init(&q->lock);
	q->buf = kzalloc(IPCQ_BYTES, GFP_KERNEL);
	if (!q->buf)
		return -ENOMEM;
	q->len = IPCQ_BYTES;
	q->cap = ksize(q->buf);
	return 0;
}

void ipcq_snapshot(struct ipcq *q, u8 *out)
{
	mutex_lock(&q->lock);
	memcpy(out, q->buf, q->cap); /* expect: slack-read "requested size 700" */
	mutex_unlock(&q->lock);
}

void ipcq_drain(struct ipcq *q, u8 *out)
{
	mutex_lock(&q->lock);
	memcpy(out, q->buf, q->len);
	memset(q->buf, 0, q->len);
	mutex_unlock(&q->lock);
}

void ipcq_exit(struct ipcq *q)
{
	kfree(q->buf);
}

MODULE_LICENSE("GPL");
