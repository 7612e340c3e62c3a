// SPDX-License-Identifier: GPL-2.0
/*
 * Not findings: a length guarded before the copy, kmalloc_size_roundup()
 * before the allocation, the krealloc(p, ksize(p)) idiom then the slack
 * used, ksize() only in pr_debug() or statistics, and accesses inside
 * the request. Plus one real overflow past the bucket.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>

static size_t total_bytes;

void *guarded_copy(const void *src, size_t len)
{
	void *p;

	if (len > 100)
		return ERR_PTR(-EINVAL);
	p = kmalloc(100, GFP_KERNEL);
	if (!p)
		return NULL;
	memcpy(p, src, len);
	return p;
}

void *rounded_fill(size_t n)
{
	void *p;

	n = kmalloc_size_roundup(n);
	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}

void *rounded_const(void)
{
	size_t sz = kmalloc_size_roundup(70);
	u8 *p = kmalloc(sz, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, sz);
	p[95] = 1;
	return p;
}

void *realloc_idiom(size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	u8 *q;

	if (!p)
		return NULL;
	q = krealloc(p, ksize(p), GFP_KERNEL);
	if (!q) {
		kfree(p);
		return NULL;
	}
	memset(q, 0, ksize(q));
	return q;
}

void *stats_only(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return NULL;
	pr_debug("alloc %zu -> %zu\n", n, ksize(p));
	total_bytes += ksize(p);
	memset(p, 0, n);
	return p;
}

void *exact_bucket(void)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}

void *inside_request(const u8 *src)
{
	u8 *p = kmalloc(50, GFP_KERNEL);
	int i;

	if (!p)
		return NULL;
	for (i = 0; i < 50; i++)
		p[i] = src[i];
	return p;
}

void *past_bucket(void)
{
	u8 *p = kmalloc(90, GFP_KERNEL);

	if (!p)
		return NULL;
	p[96] = 0; /* expect: overflow-write */
	return p;
}

void *into_slack(void)
{
	u8 *p = kmalloc(90, GFP_KERNEL);

	if (!p)
		return NULL;
	p[95] = 0; /* expect: slack-write */
	return p;
}
