// SPDX-License-Identifier: GPL-2.0
/*
 * kvmalloc() falls back to vmalloc above a page, kstrdup_const() may
 * return its .rodata argument: ksize() on them is only sometimes right.
 * A kvmalloc() of at most a page is always kmalloc memory.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

size_t tbl_size(size_t n)
{
	void *t = kvmalloc(n, GFP_KERNEL);

	if (!t)
		return 0;
	return ksize(t); /* expect: ksize-maybe-non-kmalloc "vmalloc" */
}

size_t tbl_array_size(size_t n)
{
	u64 *t = kvcalloc(n, sizeof(*t), GFP_KERNEL);

	if (!t)
		return 0;
	return ksize(t); /* expect: ksize-maybe-non-kmalloc */
}

size_t small_tbl_size(void)
{
	void *t = kvzalloc(512, GFP_KERNEL);

	if (!t)
		return 0;
	return ksize(t);
}

size_t name_size(const char *src)
{
	const char *n = kstrdup_const(src, GFP_KERNEL);

	if (!n)
		return 0;
	return ksize(n); /* expect: ksize-maybe-non-kmalloc ".rodata" */
}
