// SPDX-License-Identifier: GPL-2.0
/*
 * With FORTIFY_SOURCE the string functions are macros over
 * __underlying_*() and __builtin_*(): the finding names the call as the
 * code spells it.
 */
#include <linux/slab.h>
#include <linux/string.h>

#define __underlying_memmove	__builtin_memmove
#undef memmove
#define memmove(p, q, s)	__underlying_memmove(p, q, s)

void ring_shift(const char *src)
{
	char *p = kmalloc(100, GFP_KERNEL);

	if (!p)
		return;
	memmove(p, src, ksize(p)); /* expect: slack-write "memmove() ends at" */
	kfree(p);
}

void ring_shift_direct(const char *src)
{
	char *p = kmalloc(100, GFP_KERNEL);

	if (!p)
		return;
	__builtin_memmove(p, src, ksize(p)); /* expect: slack-write "__builtin_memmove() ends at" */
	kfree(p);
}
