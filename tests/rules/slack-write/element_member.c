// SPDX-License-Identifier: GPL-2.0
/*
 * A field of an array element is an access of the field's own bytes at
 * its offset in the element: an off-by-one loop over tbl[i].rate writes
 * 4 bytes of element 5, which lie in kmalloc-64's slack (5 x 12 = 60
 * requested), not the whole 12-byte element past the bucket. The loop
 * that stops at the count is silent; a field near the element's end in
 * the same loop is past the bucket.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct rate_entry {
	u32 rate;
	u32 flags;
	u16 hw;
	u16 pad;
};

int rates_init_off_by_one(void)
{
	struct rate_entry *tbl = kmalloc_array(5, sizeof(*tbl), GFP_KERNEL);
	int i;

	if (!tbl)
		return -ENOMEM;
	for (i = 0; i <= 5; i++)
		tbl[i].rate = i; /* expect: slack-write "write of 4 bytes" */
	kfree(tbl);
	return 0;
}

int rates_init(void)
{
	struct rate_entry *tbl = kmalloc_array(5, sizeof(*tbl), GFP_KERNEL);
	int i;

	if (!tbl)
		return -ENOMEM;
	for (i = 0; i < 5; i++)
		tbl[i].rate = i;
	kfree(tbl);
	return 0;
}

int rates_flags_past(void)
{
	struct rate_entry *tbl = kmalloc_array(5, sizeof(*tbl), GFP_KERNEL);
	int i;

	if (!tbl)
		return -ENOMEM;
	/* element 6's flags: offset 76, past kmalloc-64 */
	for (i = 0; i <= 6; i++)
		tbl[i].flags = 0; /* expect: overflow-write "ends at 80" */
	kfree(tbl);
	return 0;
}
