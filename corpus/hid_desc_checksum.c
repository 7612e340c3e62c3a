// SPDX-License-Identifier: GPL-2.0
/*
 * HID report descriptor fixup: the descriptor is duplicated with
 * kmemdup() (100 bytes, kmalloc-128 on x86_64).  The checksum loop runs
 * to ksize() and reads the 28 slack bytes; reading byte 110 directly is
 * slack as well.  Reading byte 130 is past kmalloc-128.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define HIDF_DESC_LEN	100

u8 *hidf_fixup(const u8 *rdesc, u8 *csum_out)
{
	u8 *d;
	size_t i;
	u8 csum = 0;

	d = kmemdup(rdesc, HIDF_DESC_LEN, GFP_KERNEL);
	if (!d)
		return NULL;
	for (i = 0; i < ksize(d); i++)
		csum += d[i]; /* expect: slack-read */
	*csum_out = csum;

	if (d[110] == 0xc0) /* expect: slack-read */
		d[0] = 0x05;
	return d;
}

u8 hidf_vendor_byte(const u8 *rdesc)
{
	u8 *d, v;

	d = kmemdup(rdesc, HIDF_DESC_LEN, GFP_KERNEL);
	if (!d)
		return 0;
	v = d[130]; /* expect: overflow-read */
	kfree(d);
	return v;
}

MODULE_LICENSE("GPL");
