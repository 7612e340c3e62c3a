// SPDX-License-Identifier: GPL-2.0
/*
 * ksize() on interior pointers at offsets known only to be nonzero, and
 * on a flex array element of a parameter. ksize(p + n) where n may be 0
 * is not reported.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct id_list {
	u32 nr;
	u32 ids[];
};

size_t skip_size(size_t off)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	if (!p || !off)
		return 0;
	return ksize(p + off); /* expect: ksize-interior */
}

size_t elem2_size(struct id_list *l)
{
	return ksize(&l->ids[2]); /* expect: ksize-interior "12 bytes" */
}

size_t end_size(size_t n)
{
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p + n);
}
