// SPDX-License-Identifier: GPL-2.0
/*
 * Member accesses through a cast are judged by the member's own offset
 * and size against the one object the pointer holds: a v2 header read
 * through a pointer to kmalloc(sizeof(struct v1_hdr)) = 100 bytes
 * (kmalloc-128) reads its crc at byte 100 (slack) and its tail word at
 * byte 128 (past the bucket); the fields both versions share are fine,
 * and so are the same reads when the v2 size was allocated, when the
 * pointer may hold either of two objects, or when the request is a
 * range (a size chosen by the version).
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct v1_hdr {
	u32 magic;
	u32 len;
	u8 data[92];
};

struct v2_hdr {
	u32 magic;
	u32 len;
	u8 data[92];
	u32 crc;
	u8 more[24];
	u32 tail;
};

u32 v2_read_crc(void)
{
	struct v1_hdr *h = kzalloc(sizeof(*h), GFP_KERNEL);
	u32 c;

	if (!h)
		return 0;
	c = ((struct v2_hdr *)h)->crc; /* expect: slack-read "read of 4 bytes at offset 100" */
	c += ((struct v2_hdr *)h)->tail; /* expect: overflow-read */
	c += ((struct v2_hdr *)h)->len;
	c += ((struct v2_hdr *)h)->data[91];
	kfree(h);
	return c;
}

u32 v2_read_crc_sized(void)
{
	struct v1_hdr *h = kzalloc(sizeof(struct v2_hdr), GFP_KERNEL);
	u32 c;

	if (!h)
		return 0;
	c = ((struct v2_hdr *)h)->crc;
	c += ((struct v2_hdr *)h)->tail;
	kfree(h);
	return c;
}

u32 v2_read_either(int big)
{
	struct v1_hdr *h;
	u32 c;

	if (big)
		h = kzalloc(sizeof(struct v2_hdr), GFP_KERNEL);
	else
		h = kzalloc(sizeof(*h), GFP_KERNEL);
	if (!h)
		return 0;
	c = big ? ((struct v2_hdr *)h)->crc : h->len;
	kfree(h);
	return c;
}

u32 v2_read_range(u32 version)
{
	struct v1_hdr *h;
	u32 c = 0;

	h = kzalloc(version > 1 ? sizeof(struct v2_hdr) : sizeof(*h),
		    GFP_KERNEL);
	if (!h)
		return 0;
	if (version > 1)
		c = ((struct v2_hdr *)h)->crc;
	kfree(h);
	return c;
}
