// SPDX-License-Identifier: GPL-2.0
/*
 * A for statement with an empty slot: for (i = n; i--; ) has an
 * initialisation and a condition, no increment, so the body sees n - 1
 * first (the last element), not n. A count one too many reads past the
 * array; a for with only a condition and an increment is read the same
 * way.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

u64 sum_backward(void)
{
	u64 *a = kmalloc_array(64, sizeof(*a), GFP_KERNEL);
	u64 s = 0;
	int i;

	if (!a)
		return 0;
	for (i = 64; i--; )
		s += a[i];
	kfree(a);
	return s;
}

u64 sum_backward_one_more(void)
{
	u64 *a = kmalloc_array(64, sizeof(*a), GFP_KERNEL);
	u64 s = 0;
	int i;

	if (!a)
		return 0;
	for (i = 65; i--; )
		s += a[i]; /* expect: overflow-read "at offset 512 ends at 520" */
	kfree(a);
	return s;
}

u64 sum_forward(unsigned int i)
{
	u64 *a = kmalloc_array(64, sizeof(*a), GFP_KERNEL);
	u64 s = 0;

	if (!a)
		return 0;
	i = 0;
	for (; i < 64; i++)
		s += a[i];
	kfree(a);
	return s;
}
