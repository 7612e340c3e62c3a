// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Slack writes under the 6.10+ stubs through other kmalloc wrappers:
 * kmemdup, krealloc, kstrdup, kzalloc_node, kcalloc, and a small
 * kvmalloc (always kmalloc). A static helper that allocates and a
 * caller that fills ksize() bytes. The roundup forms stay silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

void *dup_pad(const void *src, size_t n)
{
	u8 *p = kmemdup(src, n, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p + n, 0, ksize(p) - n); /* expect: slack-write */
	return p;
}

void *dup_clear(const void *src)
{
	u8 *p = kmemdup(src, 24, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p)); /* expect: slack-write */
	return p;
}

void *grow_fill(void *old, size_t n)
{
	void *p = krealloc(old, n, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0xa5, ksize(p)); /* expect: slack-write */
	return p;
}

char *name_set(const char *a, const char *b)
{
	char *s = kstrdup(a, GFP_KERNEL);

	if (!s)
		return NULL;
	strscpy(s, b, ksize(s)); /* expect: slack-write */
	return s;
}

void *node_fill(int nid)
{
	void *p = kzalloc_node(200, GFP_KERNEL, nid);

	if (!p)
		return NULL;
	memset(p, 1, ksize(p)); /* expect: slack-write */
	return p;
}

u16 *ids_fill(void)
{
	u16 *ids = kcalloc(30, sizeof(*ids), GFP_KERNEL);
	size_t i;

	if (!ids)
		return NULL;
	for (i = 0; i < ksize(ids) / sizeof(*ids); i++)
		ids[i] = 0xffff; /* expect: slack-write */
	return ids;
}

void *small_kv(void)
{
	void *p = kvmalloc(100, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p)); /* expect: slack-write */
	return p;
}

static void *mk_buf(size_t n)
{
	return kmalloc(n, GFP_KERNEL);
}

void *helper_fill(size_t n)
{
	void *p = mk_buf(n);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p)); /* expect: slack-write */
	return p;
}

void *rounded_node(size_t n, int nid)
{
	void *p = kmalloc_node(kmalloc_size_roundup(n), GFP_KERNEL, nid);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}

void *realloc_then_use(void *old)
{
	void *p = krealloc(old, ksize(old), GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}
