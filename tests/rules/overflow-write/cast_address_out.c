// SPDX-License-Identifier: GPL-2.0
/*
 * A pointer whose address a function not seen gets, through a cast
 * ((void **)&p, (struct hdr **)&tab), may be replaced by it: what p held
 * before says nothing after the call. Without the call, the 16-byte
 * object it held is overrun.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

int table_get(void **out);

int fill_after_get(void)
{
	u8 *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (table_get((void **)&p))
		return -EIO;
	memset(p, 0, 32);
	return 0;
}

int fill_without_get(void)
{
	u8 *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	memset(p, 0, 32); /* expect: overflow-write "past the end of bucket 16" */
	kfree(p);
	return 0;
}
