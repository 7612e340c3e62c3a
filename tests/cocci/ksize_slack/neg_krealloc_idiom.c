// SPDX-License-Identifier: GPL-2.0
/*
 * The accepted idiom: grow the object in place to its bucket with
 * krealloc(p, ksize(p), gfp), after which the whole bucket is the
 * requested size. The allocation whose size is ksize() itself must not be
 * "rounded": patch mode leaves this file alone.
 */
#include <linux/slab.h>
#include <linux/string.h>

char *scratch_get(size_t size)
{
	char *nb;

	nb = kmalloc(size, GFP_KERNEL);
	if (!nb)
		return NULL;
	nb = krealloc(nb, ksize(nb), GFP_KERNEL);
	if (!nb)
		return NULL;
	memset(nb, ' ', ksize(nb));
	return nb;
}
