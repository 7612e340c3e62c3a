// SPDX-License-Identifier: GPL-2.0
/*
 * Writes past the bucket: corruption of the next object on every kernel.
 * Past ksize() itself, and constant offsets past the bucket.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

void term_past_ksize(size_t n)
{
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return;
	p[ksize(p)] = '\0'; /* expect: overflow-write */
	kfree(p);
}

void write_past(void)
{
	u8 *p = kmalloc(24, GFP_KERNEL);

	if (!p)
		return;
	p[23] = 0;
	p[32] = 0; /* expect: overflow-write "bucket 32" */
	kfree(p);
}

void memset_past(void)
{
	u8 *p = kmalloc(200, GFP_KERNEL);

	if (!p)
		return;
	memset(p, 0, 300); /* expect: overflow-write */
	memset(p + 100, 0, 100);
	kfree(p);
}

void loop_past(void)
{
	u16 *p = kmalloc_array(8, sizeof(u16), GFP_KERNEL);
	int i;

	if (!p)
		return;
	for (i = 0; i <= 8; i++)
		p[i] = 0; /* expect: overflow-write */
	kfree(p);
}
