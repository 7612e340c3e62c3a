// SPDX-License-Identifier: GPL-2.0
/*
 * Loops that step by s to i < ksize() from a multiple of s: every bucket
 * is a multiple of 8, so when s divides 8 the last index is ksize() - s
 * and a write of s bytes there ends at ksize() (slack), a wider one past
 * it (overflow). From an unknown start the last index is not known: no
 * verdict for a write wider than one byte.
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
		*(u32 *)(p + i) = 0; /* expect: slack-write "ends at ksize() = 128" */
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

void fill_quads(void)
{
	u8 *p = kmalloc(100, GFP_KERNEL);
	size_t i = 0;

	if (!p)
		return;
	while (i < ksize(p)) {
		*(u64 *)(p + i) = 0; /* expect: slack-write "ends at ksize() = 128" */
		i += 8;
	}
	kfree(p);
}

void fill_quads_by_four(void)
{
	u8 *p = kmalloc(100, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	/* the last write starts at ksize() - 4 and is 8 bytes wide */
	for (i = 0; i < ksize(p); i += 4)
		*(u64 *)(p + i) = 0; /* expect: overflow-write "ksize()+4" */
	kfree(p);
}

void fill_from(size_t start)
{
	u8 *p = kmalloc(100, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	for (i = start; i < ksize(p); i += 4)
		*(u32 *)(p + i) = 0;
	kfree(p);
}

void fill_threes(void)
{
	u8 *p = kmalloc(100, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	/* bytes: whatever the step, the index passes the request */
	for (i = 0; i < ksize(p); i += 3)
		p[i] = 0; /* expect: slack-write */
	kfree(p);
}
