// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * The 6.10+ shape: every allocator is a macro around alloc_hooks() (a
 * statement expression) and an X_noprof() function. The provenance is
 * the same as with the 6.1 inline wrappers.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>

size_t vm_size(size_t n)
{
	void *p = vmalloc(n);

	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-non-kmalloc */
}

size_t km_size(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p);
}

size_t kz_array_size(size_t n)
{
	u32 *p = kcalloc(n, sizeof(*p), GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p);
}

size_t pages_size(void)
{
	void *va = (void *)__get_free_pages(GFP_KERNEL, 1);

	if (!va)
		return 0;
	return ksize(va); /* expect: ksize-non-kmalloc */
}
