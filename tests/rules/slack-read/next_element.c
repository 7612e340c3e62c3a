// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the next element of an array of n: guarded by i + 1 < n, or
 * in the else branch of i + 1 == n, it stays inside; unguarded, the last
 * round reads one element past the request (cs_dsp, efi capsule).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

u32 gaps_guarded(const u32 *src, size_t n)
{
	u32 *a = kmemdup(src, n * sizeof(u32), GFP_KERNEL);
	u32 sum = 0;
	size_t i;

	if (!a)
		return 0;
	for (i = 0; i < n; i++)
		if (i + 1 < n)
			sum += a[i + 1] - a[i];
	kfree(a);
	return sum;
}

u64 chain_links(const u64 *src, size_t n)
{
	u64 *a = kmemdup(src, n * sizeof(u64), GFP_KERNEL);
	u64 last = 0;
	size_t i;

	if (!a)
		return 0;
	for (i = 0; i < n; i++) {
		if (i + 1 == n)
			last = 0;
		else
			last = a[i + 1];
	}
	kfree(a);
	return last;
}

u32 gaps_unguarded(const u32 *src, size_t n)
{
	u32 *a = kmemdup(src, n * sizeof(u32), GFP_KERNEL);
	u32 sum = 0;
	size_t i;

	if (!a)
		return 0;
	for (i = 0; i < n; i++)
		sum += a[i + 1] - a[i]; /* expect: slack-read "4 bytes past" */
	kfree(a);
	return sum;
}

/* the count is a quotient (pages of 255 descriptors): the same guard */
#define DESC_PER_PAGE 255

struct page;
u64 desc_phys(struct page *page);

u64 chain_pages(struct page **pages_in, size_t imagesize, u64 *desc)
{
	unsigned int count = DIV_ROUND_UP(imagesize, PAGE_SIZE);
	unsigned int sg_count = DIV_ROUND_UP(count, DESC_PER_PAGE);
	struct page **sg = kcalloc(sg_count, sizeof(*sg), GFP_KERNEL);
	unsigned int i;

	if (!sg)
		return 0;
	for (i = 0; i < sg_count; i++)
		sg[i] = pages_in[i];
	for (i = 0; i < sg_count; i++) {
		if (i + 1 == sg_count)
			desc[i] = 0;
		else
			desc[i] = desc_phys(sg[i + 1]);
	}
	kfree(sg);
	return desc[0];
}

u64 chain_pages_unguarded(struct page **pages_in, size_t imagesize,
			  u64 *desc)
{
	unsigned int count = DIV_ROUND_UP(imagesize, PAGE_SIZE);
	unsigned int sg_count = DIV_ROUND_UP(count, DESC_PER_PAGE);
	struct page **sg = kcalloc(sg_count, sizeof(*sg), GFP_KERNEL);
	unsigned int i;

	if (!sg)
		return 0;
	for (i = 0; i < sg_count; i++)
		sg[i] = pages_in[i];
	for (i = 0; i < sg_count; i++)
		desc[i] = desc_phys(sg[i + 1]); /* expect: slack-read "up to 8 bytes past" */
	kfree(sg);
	return desc[0];
}
