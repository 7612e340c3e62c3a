// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * HID-like input report with a flexible array member sized by
 * struct_size().  struct hreport is 4 bytes, so struct_size(r, data, 296)
 * requests 300 bytes (kmalloc-512).  Writing data[296] (byte 300) is a
 * slack write; data[508] (byte 512) is past the bucket.  Loops bounded
 * by the count that sized the allocation are fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

#define HREPORT_MAX_DATA	296
/* wrong: meant as the offset of the trailer inside a 512-byte frame */
#define HREPORT_TRAILER_OFF	508
#define HREPORT_TRAILER		0x5a

struct hreport {
	u8 id;
	u8 flags;
	__le16 len;
	u8 data[] __counted_by(len);
};

struct hreport_list {
	u32 count;
	struct hreport *reports[] __counted_by(count);
};

static struct hreport *hreport_alloc(u8 id, const u8 *payload, u16 n)
{
	struct hreport *r;
	u16 i;

	r = kzalloc(struct_size(r, data, n), GFP_KERNEL);
	if (!r)
		return NULL;
	r->id = id;
	r->len = n;
	for (i = 0; i < n; i++)
		r->data[i] = payload[i];
	return r;
}

static struct hreport *hreport_alloc_max(u8 id)
{
	struct hreport *r;

	r = kzalloc(struct_size(r, data, HREPORT_MAX_DATA), GFP_KERNEL);
	if (!r)
		return NULL;
	r->id = id;
	r->len = HREPORT_MAX_DATA;
	r->data[HREPORT_MAX_DATA - 1] = 0xff;
	/* "terminator" one past the array */
	r->data[HREPORT_MAX_DATA] = 0; /* expect: slack-write */
	/* byte 512 of a 300-byte request: past kmalloc-512 */
	r->data[HREPORT_TRAILER_OFF] = HREPORT_TRAILER; /* expect: overflow-write */
	return r;
}

static struct hreport_list *hreport_list_alloc(u32 n)
{
	struct hreport_list *l;
	u32 i;

	l = kmalloc(struct_size(l, reports, n), GFP_KERNEL);
	if (!l)
		return NULL;
	l->count = n;
	for (i = 0; i < n; i++)
		l->reports[i] = NULL;
	return l;
}

int hreport_selftest(void)
{
	static const u8 pl[4] = { 1, 2, 3, 4 };
	struct hreport_list *l;
	struct hreport *r;

	l = hreport_list_alloc(2);
	if (!l)
		return -ENOMEM;
	l->reports[0] = hreport_alloc(1, pl, sizeof(pl));
	r = hreport_alloc_max(2);
	l->reports[1] = r;
	kfree(l->reports[0]);
	kfree(l->reports[1]);
	kfree(l);
	return 0;
}

MODULE_LICENSE("GPL");
