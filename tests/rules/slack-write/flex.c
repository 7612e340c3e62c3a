// SPDX-License-Identifier: GPL-2.0
/*
 * Flexible array members: the object is sized with struct_size(); an
 * element index at the count is past the request, inside the bucket.
 * A struct allocated smaller than itself is written through a field.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/overflow.h>

struct evlist {
	u32 count;
	u32 pad;
	u64 ev[];
};

struct regs {
	u32 ctrl;
	u32 status;
	u32 mask;
	u32 data[5];
};

struct evlist *evlist_alloc(void)
{
	struct evlist *l = kzalloc(struct_size(l, ev, 6), GFP_KERNEL);
	int i;

	if (!l)
		return NULL;
	l->count = 6;
	for (i = 0; i < 6; i++)
		l->ev[i] = 0;
	l->ev[6] = 0; /* expect: slack-write */
	return l;
}

struct regs *regs_alloc_short(void)
{
	struct regs *r = kmalloc(10, GFP_KERNEL);

	if (!r)
		return NULL;
	r->ctrl = 0;
	r->mask = 0; /* expect: slack-write */
	return r;
}

/* A small header object viewed as a bigger type through a cast: the
 * one object has one constant size (8 bytes, kmalloc-8), so whatever
 * the type tag says, payload[0] at byte 8 is past the bucket. A header
 * whose size the tag chose (two sizes, one object) is not judged. */
struct msg_hdr {
	u32 type;
	u32 len;
};

struct msg_big {
	struct msg_hdr hdr;
	u64 payload[4];
};

u64 msg_peek(u32 type)
{
	struct msg_hdr *h = kzalloc(sizeof(*h), GFP_KERNEL);
	u64 v = 0;

	if (!h)
		return 0;
	h->type = type;
	if (h->type == 2)
		v = ((struct msg_big *)h)->payload[0]; /* expect: overflow-read */
	kfree(h);
	return v;
}

u64 msg_peek_sized(u32 type)
{
	struct msg_hdr *h = kzalloc(type == 2 ? sizeof(struct msg_big) :
				    sizeof(*h), GFP_KERNEL);
	u64 v = 0;

	if (!h)
		return 0;
	h->type = type;
	if (h->type == 2)
		v = ((struct msg_big *)h)->payload[0];
	kfree(h);
	return v;
}
