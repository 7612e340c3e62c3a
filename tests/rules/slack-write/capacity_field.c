// SPDX-License-Identifier: GPL-2.0
/*
 * A capacity field filled with ksize() in one function and used as a
 * write bound in others of the same file, also when a helper grows the
 * buffer with krealloc() on one branch. The same pattern with a rounded
 * request is silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct sbuf {
	char *data;
	size_t cap;
	size_t used;
};

struct rbuf {
	char *data;
	size_t cap;
};

int sbuf_init(struct sbuf *b, size_t n)
{
	b->data = kmalloc(n, GFP_KERNEL);
	if (!b->data)
		return -ENOMEM;
	b->cap = ksize(b->data);
	b->used = 0;
	return 0;
}

void sbuf_clear(struct sbuf *b)
{
	memset(b->data, 0, b->cap); /* expect: slack-write "ksize()" */
}

int sbuf_put(struct sbuf *b, const char *s, size_t len)
{
	if (b->used + len > b->cap)
		return -ENOSPC;
	memcpy(b->data + b->used, s, len); /* expect: slack-write */
	b->used += len;
	return 0;
}

static int grow(struct sbuf *b, size_t need)
{
	char *p = krealloc(b->data, need, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	b->cap = ksize(p);
	b->data = p;
	return 0;
}

int sbuf_append(struct sbuf *b, const char *s, size_t len)
{
	if (b->used + len > b->cap && grow(b, b->used + len))
		return -ENOMEM;
	memcpy(b->data + b->used, s, b->cap - b->used); /* expect: slack-write */
	return 0;
}

int rbuf_init(struct rbuf *b, size_t n)
{
	n = kmalloc_size_roundup(n);
	b->data = kmalloc(n, GFP_KERNEL);
	if (!b->data)
		return -ENOMEM;
	b->cap = ksize(b->data);
	return 0;
}

void rbuf_clear(struct rbuf *b)
{
	memset(b->data, 0, b->cap);
}
