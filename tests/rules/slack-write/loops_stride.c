// SPDX-License-Identifier: GPL-2.0
/*
 * Loops that step by more than one element to a ksize() bound: the last
 * index is below the bound, so a word written at it is not an overflow.
 * The analysis does not track the step yet, so it stays silent where the
 * write only reaches the slack (known-to-fail), and never claims an
 * overflow it cannot show.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

void fill_words(void)
{
	u8 *p = kmalloc(100, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	for (i = 0; i < ksize(p); i += 4)
		*(u32 *)(p + i) = 0; /* expect: slack-write known-to-fail */
	kfree(p);
}

void fill_words_unit(void)
{
	u8 *p = kmalloc(100, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	/* steps by one but writes four bytes: the last write ends 3 past
	 * the bucket */
	for (i = 0; i < ksize(p); i++)
		*(u32 *)(p + i) = 0; /* expect: overflow-write "ksize()+3" */
	kfree(p);
}

void fill_words_to_request(size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	for (i = 0; i + 4 <= n; i += 4)
		*(u32 *)(p + i) = 0;
	kfree(p);
}
