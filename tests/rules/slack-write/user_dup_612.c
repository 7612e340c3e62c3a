// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * User copies duplicated into kmalloc memory (memdup_user,
 * memdup_array_user), then cleared up to ksize(): a slack write.
 * vmemdup_user() may be vmalloc memory.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>

u32 *ids_from_user(const void __user *u, size_t n)
{
	u32 *ids = memdup_array_user(u, n, sizeof(u32));

	if (IS_ERR(ids))
		return NULL;
	memset(ids, 0, ksize(ids)); /* expect: slack-write */
	return ids;
}

void *cfg_from_user(const void __user *u)
{
	u8 *cfg = memdup_user(u, 52);

	if (IS_ERR(cfg))
		return NULL;
	cfg[52] = 0; /* expect: slack-write */
	return cfg;
}

size_t big_from_user(const void __user *u, size_t len)
{
	void *p = vmemdup_user(u, len);

	if (IS_ERR(p))
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}
