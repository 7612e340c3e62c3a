// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Multi-touch slot state of a touchscreen, allocated with the 6.12.117
 * type-based helpers.  kzalloc_flex(*f, ev, 30) requests
 * sizeof(struct mt_frame) + 30 * 16 = 488 bytes (kmalloc-512):
 * ev[30] (bytes 488..503) is slack, ev[32] (byte 520) is past the
 * bucket.  kmalloc_objs(*ids, 37) requests 296 bytes of u64.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define MT_SLOTS	30
#define MT_IDS		37

struct mt_event {
	u64 stamp;
	u16 x, y;
	u16 pressure;
	u16 slot;
};

struct mt_frame {
	u32 count;
	u32 flags;
	struct mt_event ev[] __counted_by(count);
};

struct mt_frame *mt_frame_alloc(void)
{
	struct mt_frame *f;
	unsigned int i;

	f = kzalloc_flex(*f, ev, MT_SLOTS);
	if (!f)
		return NULL;
	f->count = MT_SLOTS;
	for (i = 0; i < MT_SLOTS; i++)
		f->ev[i].slot = i;
	f->ev[MT_SLOTS].stamp = 0; /* expect: slack-write */
	f->ev[MT_SLOTS + 2].stamp = 0; /* expect: overflow-write */
	return f;
}

u64 *mt_ids_alloc(void)
{
	u64 *ids;
	unsigned int i;

	ids = kmalloc_objs(*ids, MT_IDS, GFP_ATOMIC);
	if (!ids)
		return NULL;
	for (i = 0; i < MT_IDS; i++)
		ids[i] = ~0ULL;
	pr_debug("ids: %zu bytes\n", ksize(ids));
	return ids;
}

MODULE_LICENSE("GPL");
