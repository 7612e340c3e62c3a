// SPDX-License-Identifier: GPL-2.0
/*
 * Slack reads: copying out ksize() bytes, a checksum loop to ksize(),
 * a kstrdup() result read at ksize() - 1.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

void export_buf(void *dst, size_t n)
{
	u8 *p = kzalloc(n, GFP_KERNEL);

	if (!p)
		return;
	memcpy(dst, p, ksize(p)); /* expect: slack-read */
	kfree(p);
}

u32 csum(size_t n)
{
	u8 *p = kzalloc(n, GFP_KERNEL);
	u32 sum = 0;
	size_t i;

	if (!p)
		return 0;
	for (i = 0; i < ksize(p); i++)
		sum += p[i]; /* expect: slack-read */
	kfree(p);
	return sum;
}

char last_char(void)
{
	char *s = kstrdup("abc", GFP_KERNEL);
	char c;

	if (!s)
		return 0;
	c = s[ksize(s) - 1]; /* expect: slack-read */
	kfree(s);
	return c;
}
