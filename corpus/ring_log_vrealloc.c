// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * A trace ring for a storage driver, on 6.12 APIs.  The small index
 * starts as krealloc(NULL, n) (a plain kmalloc of n bytes) and is
 * cleared up to ksize(): slack.  The big ring grows with vrealloc(),
 * vmalloc memory, so ksize() on it is wrong.  kvasprintf_const() may
 * hand back the .rodata format itself.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

#define TRL_INDEX_LEN	600
#define TRL_RING_LEN	(64 * 1024)

struct trl {
	u32 *index;
	u8 *ring;
	size_t ring_len;
	const char *tag;
	size_t mem;
};

int trl_init(struct trl *t)
{
	u32 *idx;

	idx = krealloc(NULL, TRL_INDEX_LEN, GFP_KERNEL);
	if (!idx)
		return -ENOMEM;
	memset(idx, 0xff, ksize(idx)); /* expect: slack-write */
	t->index = idx;
	return 0;
}

int trl_grow_ring(struct trl *t)
{
	u8 *nr;

	nr = vrealloc(t->ring, t->ring_len + TRL_RING_LEN, GFP_KERNEL);
	if (!nr)
		return -ENOMEM;
	t->ring = nr;
	t->ring_len += TRL_RING_LEN;
	t->mem = ksize(nr); /* expect: ksize-non-kmalloc */
	return 0;
}

__printf(2, 3) int trl_set_tag(struct trl *t, const char *fmt, ...)
{
	const char *tag;
	va_list ap;

	va_start(ap, fmt);
	tag = kvasprintf_const(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!tag)
		return -ENOMEM;
	t->mem += ksize(tag); /* expect: ksize-maybe-non-kmalloc */
	kfree_const(t->tag);
	t->tag = tag;
	return 0;
}

MODULE_LICENSE("GPL");
