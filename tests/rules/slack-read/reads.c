// SPDX-License-Identifier: GPL-2.0
/*
 * Reads past the request inside the bucket: a copy out of the whole
 * bucket, a checksum loop to ksize(), an element past the count.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

int dump_buf(void __user *dst, size_t n)
{
	u8 *p = kzalloc(n, GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	ret = copy_to_user(dst, p, ksize(p)) ? -EFAULT : 0; /* expect: slack-read */
	kfree(p);
	return ret;
}

u32 sum_buf(size_t n)
{
	u8 *p = kzalloc(n, GFP_KERNEL);
	size_t i;
	u32 sum = 0;

	if (!p)
		return 0;
	for (i = 0; i < ksize(p); i++)
		sum += p[i]; /* expect: slack-read */
	kfree(p);
	return sum;
}

u32 last_elem(void)
{
	u32 *v = kcalloc(5, sizeof(*v), GFP_KERNEL);
	u32 x;

	if (!v)
		return 0;
	x = v[4];
	x += v[5]; /* expect: slack-read */
	kfree(v);
	return x;
}

void copy_out(void *dst, size_t n)
{
	u8 *p = kzalloc(n, GFP_KERNEL);

	if (!p)
		return;
	memcpy(dst, p, n);
	kfree(p);
}
