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
