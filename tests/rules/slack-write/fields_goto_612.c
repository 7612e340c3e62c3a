// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * 6.10+ stubs: a buffer kept two struct levels deep with its capacity
 * from ksize(), filled in another function; a backward goto that grows
 * the request and then clears ksize() bytes; a do/while refill loop.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct rx_ring {
	u8 *buf;
	size_t cap;
};

struct rx_dev {
	struct rx_ring *ring;
	int irq;
};

int rx_alloc(struct rx_dev *d, size_t n)
{
	d->ring = kzalloc(sizeof(*d->ring), GFP_KERNEL);
	if (!d->ring)
		return -ENOMEM;
	d->ring->buf = kmalloc(n, GFP_KERNEL);
	if (!d->ring->buf) {
		kfree(d->ring);
		return -ENOMEM;
	}
	d->ring->cap = ksize(d->ring->buf);
	return 0;
}

void rx_reset(struct rx_dev *d)
{
	memset(d->ring->buf, 0, d->ring->cap); /* expect: slack-write */
}

void rx_reset_head(struct rx_dev *d)
{
	memset(d->ring->buf, 0, 8);
}

int probe_len(void *buf, size_t n);

void *grow_until_fits(size_t n)
{
	void *buf;

again:
	buf = kmalloc(n, GFP_KERNEL);
	if (!buf)
		return NULL;
	if (probe_len(buf, n) > 0) {
		kfree(buf);
		n += 32;
		goto again;
	}
	memset(buf, 0, ksize(buf)); /* expect: slack-write */
	return buf;
}

void *refill(int rounds)
{
	u8 *p = kmalloc(72, GFP_KERNEL);

	if (!p)
		return NULL;
	do {
		memset(p, rounds, ksize(p)); /* expect: slack-write */
	} while (--rounds > 0);
	return p;
}
