// SPDX-License-Identifier: GPL-2.0
/*
 * Writes whose length is ksize(): past the requested size whenever the
 * request is not itself a bucket size. kmalloc_size_roundup() before the
 * allocation, the krealloc(p, ksize(p)) idiom, a bucket-sized request
 * and ksize() used only for statistics stay silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/uaccess.h>

struct hdr {
	u32 type;
	u32 len;
};

void *zbuf_alloc(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p)); /* expect: slack-write "kmalloc_size_roundup" */
	return p;
}

void *zbuf_alloc_const(void)
{
	void *p = kmalloc(100, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0xff, ksize(p)); /* expect: slack-write "bucket 128" */
	return p;
}

void *zbuf_bucket_sized(void)
{
	void *p = kmalloc(128, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}

void *zbuf_rounded(size_t n)
{
	void *p;

	n = kmalloc_size_roundup(n);
	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}

void *zbuf_grown(void *p)
{
	p = krealloc(p, ksize(p), GFP_KERNEL);
	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}

void *zbuf_stats(size_t n)
{
	void *p = kzalloc(n, GFP_KERNEL);

	if (!p)
		return NULL;
	pr_debug("buffer of %zu usable bytes\n", ksize(p));
	return p;
}

void *zbuf_tail(size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	size_t room;

	if (!p)
		return NULL;
	room = ksize(p) - n;
	memset(p + n, 0, room); /* expect: slack-write */
	return p;
}

void *zbuf_copy(const void *src, size_t n)
{
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return NULL;
	strscpy(p, src, ksize(p)); /* expect: slack-write */
	return p;
}

int zbuf_fill(const void __user *src, size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	ret = copy_from_user(p, src, ksize(p)) ? -EFAULT : 0; /* expect: slack-write */
	kfree(p);
	return ret;
}

int zbuf_guarded(const void *src, size_t len)
{
	u8 *p = kmalloc(60, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (len > ksize(p)) {
		kfree(p);
		return -EINVAL;
	}
	memcpy(p, src, len); /* expect: slack-write */
	kfree(p);
	return 0;
}

int zbuf_guarded_ok(const void *src, size_t len)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (len > 64) {
		kfree(p);
		return -EINVAL;
	}
	memcpy(p, src, len);
	kfree(p);
	return 0;
}
