// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * LED trigger registration.  devm_kstrdup_const() returns either a
 * managed copy (after a devres header) or the .rodata string itself:
 * neither is a kmalloc start, so ksize() is wrong on every path.  The
 * pattern buffer comes from alloc_pages_exact(), page allocator memory.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/device.h>

#define LEDT_PATTERN_BYTES	6000

struct ledt {
	struct device *dev;
	const char *name;
	u8 *pattern;
	size_t mem;
};

int ledt_register(struct ledt *t, const char *name)
{
	t->name = devm_kstrdup_const(t->dev, name, GFP_KERNEL);
	if (!t->name)
		return -ENOMEM;
	t->mem = ksize(t->name); /* expect: ksize-non-kmalloc */

	t->pattern = alloc_pages_exact(LEDT_PATTERN_BYTES, GFP_KERNEL | __GFP_ZERO);
	if (!t->pattern)
		return -ENOMEM;
	t->mem += ksize(t->pattern); /* expect: ksize-non-kmalloc */
	return 0;
}

void ledt_unregister(struct ledt *t)
{
	free_pages_exact(t->pattern, LEDT_PATTERN_BYTES);
}

MODULE_LICENSE("GPL");
