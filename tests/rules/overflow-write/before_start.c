// SPDX-License-Identifier: GPL-2.0
/*
 * container_of() steps back from a member to its container; from a
 * pointer to the start of a bare allocation it steps before the object,
 * and every access through the result is outside the object on every
 * kernel, whatever its size. A payload pointer that was taken from a
 * container allocation steps back to that allocation's start: fine. A
 * pointer of unknown origin is not judged (it may sit in a container).
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct msg_hdr {
	u32 len;
	u32 flags;
	u8 data[];
};

static void msg_finish(u8 *payload, u32 n)
{
	struct msg_hdr *h = container_of(payload, struct msg_hdr, data);

	h->len = n; /* expect: overflow-write "at offset -8, before the start" */
}

static u32 msg_flags(const u8 *payload)
{
	const struct msg_hdr *h = container_of(payload, struct msg_hdr, data);

	return h->flags; /* expect: overflow-read "at offset -4, before the start" */
}

int msg_send_bare(u32 n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	u32 fl;

	if (!p)
		return -ENOMEM;
	msg_finish(p, n);
	fl = msg_flags(p);
	kfree(p);
	return fl;
}

static void msg_finish_ok(u8 *payload, u32 n)
{
	struct msg_hdr *h = container_of(payload, struct msg_hdr, data);

	h->len = n;
}

int msg_send_container(u32 n)
{
	struct msg_hdr *h = kmalloc(sizeof(*h) + n, GFP_KERNEL);

	if (!h)
		return -ENOMEM;
	msg_finish_ok(h->data, n);
	kfree(h);
	return 0;
}

u32 msg_len_of(u8 *payload)
{
	struct msg_hdr *h = container_of(payload, struct msg_hdr, data);

	return h->len;
}

/* an element before the one a loop index names: on the first round the
 * index is 0, but the guard the analysis cannot decide (the pool count
 * is at least 1) keeps that branch for later rounds; not judged */
struct post_pool {
	u64 *base;
	u64 dma;
};

int pools_chain(unsigned int count)
{
	struct post_pool *p = kcalloc(count, sizeof(*p), GFP_KERNEL);
	unsigned int i, chunks = DIV_ROUND_UP(count, 8);

	if (!p)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		if (i % 8 == 0 && chunks) {
			p[i].dma = i;
			chunks--;
		} else {
			p[i].dma = p[i - 1].dma + 64;
		}
	}
	kfree(p);
	return 0;
}

/* p[-1] names the byte before the object: reported */
u8 peek_before(void)
{
	u8 *p = kmalloc(15, GFP_KERNEL);
	u8 c;

	if (!p)
		return 0;
	c = p[-1]; /* expect: overflow-read "at offset -1, before the start" */
	kfree(p);
	return c;
}
