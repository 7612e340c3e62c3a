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
