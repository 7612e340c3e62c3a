// SPDX-License-Identifier: GPL-2.0
/*
 * Quirk table entries of a HID driver, allocated too small: sizeof(q)
 * (the pointer, 8 bytes, kmalloc-8) instead of sizeof(*q) (24 bytes),
 * and a v1-sized report descriptor (300 bytes, kmalloc-512) used
 * through the v2 layout whose extra fields start at byte 400.  Members
 * past the allocation are written through the struct pointer.  On
 * x86_64 the quirk writes at bytes 8..23 are past kmalloc-8 (overflow);
 * with a 128-byte minimum object (arm64 6.1) they would be slack.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct hid_quirk {
	u16 vendor;
	u16 product;
	u32 flags;
	u64 match_mask;
	u32 delay_ms;
	u32 pad;
};

struct hid_rdesc_v2 {
	u8 v1_body[300];
	u8 pad[100];
	u32 v2_flags;		/* byte 400 */
	u16 v2_usage_page;	/* byte 404 */
};

struct hid_quirk *hid_quirk_new(u16 vendor, u16 product, u32 flags)
{
	struct hid_quirk *q;

	q = kzalloc(sizeof(q), GFP_KERNEL);
	if (!q)
		return NULL;
	q->vendor = vendor;
	q->product = product;
	q->flags = flags;
	q->match_mask = ~0ULL; /* expect: overflow-write */
	return q;
}

struct hid_quirk *hid_quirk_new_fixed(u16 vendor, u16 product, u32 flags)
{
	struct hid_quirk *q;

	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return NULL;
	q->vendor = vendor;
	q->product = product;
	q->flags = flags;
	q->match_mask = ~0ULL;
	q->delay_ms = 0;
	return q;
}

struct hid_rdesc_v2 *hid_rdesc_upgrade(const u8 *v1)
{
	struct hid_rdesc_v2 *d;

	d = kmemdup(v1, sizeof(d->v1_body), GFP_KERNEL);
	if (!d)
		return NULL;
	d->v2_flags = 0; /* expect: slack-write */
	d->v2_usage_page = 0x0001; /* expect: slack-write */
	return d;
}

MODULE_LICENSE("GPL");
