// SPDX-License-Identifier: GPL-2.0
/*
 * Writes past the bucket: corruption of the next object on every kernel.
 * Past ksize() itself, and constant offsets past the bucket.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bug.h>

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

void bug_on_guarded(const void *src, size_t len)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return;
	BUG_ON(len > 64);
	memcpy(p, src, len);
	kfree(p);
}


void bug_on_index(size_t idx)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return;
	if (idx > 100)
		return;
	BUG_ON(idx >= 64);
	p[idx] = 1;
	kfree(p);
}

void guard_too_wide(size_t idx)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return;
	if (idx > 100)
		return;
	p[idx] = 1; /* expect: overflow-write "ends at 101" */
	kfree(p);
}
