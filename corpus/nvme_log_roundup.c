// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Log page buffers of a storage controller, converted the way 6.x
 * converted ksize() users: kmalloc_size_roundup() before the allocation,
 * then the whole object may be used.  The error-log path computes the
 * rounded size but allocates the unrounded one, then clears the rounded
 * length: that is still a slack write.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define NLOG_SMART_LEN		300
#define NLOG_ERR_LEN		300

struct nlog {
	void *buf;
	size_t size;
};

int nlog_alloc_smart(struct nlog *l)
{
	size_t size = kmalloc_size_roundup(NLOG_SMART_LEN);

	l->buf = kmalloc(size, GFP_KERNEL);
	if (!l->buf)
		return -ENOMEM;
	l->size = size;
	memset(l->buf, 0, ksize(l->buf));
	memset(l->buf, 0xff, size);
	return 0;
}

int nlog_alloc_var(struct nlog *l, size_t want)
{
	want = kmalloc_size_roundup(want);
	l->buf = kzalloc(want, GFP_KERNEL);
	if (!l->buf)
		return -ENOMEM;
	l->size = ksize(l->buf);
	memset(l->buf, 0, l->size);
	return 0;
}

int nlog_alloc_err(struct nlog *l)
{
	size_t rounded = kmalloc_size_roundup(NLOG_ERR_LEN);

	l->buf = kmalloc(NLOG_ERR_LEN, GFP_KERNEL);
	if (!l->buf)
		return -ENOMEM;
	memset(l->buf, 0, rounded); /* expect: slack-write */
	l->size = NLOG_ERR_LEN;
	return 0;
}

void nlog_free(struct nlog *l)
{
	kfree(l->buf);
	l->buf = NULL;
}

MODULE_LICENSE("GPL");
