// SPDX-License-Identifier: GPL-2.0
/*
 * Reads past the bucket.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

u8 read_past(void)
{
	u8 *p = kzalloc(60, GFP_KERNEL);
	u8 v;

	if (!p)
		return 0;
	v = p[59];
	v += p[64]; /* expect: overflow-read */
	kfree(p);
	return v;
}

void copy_past(void *dst, size_t n)
{
	u8 *p = kzalloc(n, GFP_KERNEL);

	if (!p)
		return;
	memcpy(dst, p, ksize(p) + 8); /* expect: overflow-read */
	kfree(p);
}
