// SPDX-License-Identifier: GPL-2.0
/*
 * Static helpers: ksize() of a field behind a helper used as a memset()
 * length; kmalloc_size_roundup() applied through an out-parameter
 * (silent); a context handed back through struct ctx **out whose buffer
 * is vmalloc memory.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

struct sbuf {
	u8 *data;
	size_t len;
};

static size_t buf_cap(struct sbuf *b)
{
	return ksize(b->data);
}

int b_init(struct sbuf *b, size_t n)
{
	b->data = kmalloc(n, GFP_KERNEL);
	if (!b->data)
		return -ENOMEM;
	memset(b->data, 0, buf_cap(b)); /* expect: slack-write */
	return 0;
}

static void *alloc_rounded(size_t *n)
{
	*n = kmalloc_size_roundup(*n);
	return kmalloc(*n, GFP_KERNEL);
}

void *rounded_by_helper(size_t n)
{
	void *p = alloc_rounded(&n);

	if (!p)
		return NULL;
	memset(p, 0, ksize(p));
	return p;
}

struct ctx {
	void *buf;
};

static int get_ctx(struct ctx **out, size_t n)
{
	struct ctx *x = kzalloc(sizeof(*x), GFP_KERNEL);

	if (!x)
		return -ENOMEM;
	x->buf = vmalloc(n);
	*out = x;
	return 0;
}

size_t ctx_buf_size(size_t n)
{
	struct ctx *x;

	if (get_ctx(&x, n))
		return 0;
	return ksize(x->buf); /* expect: ksize-non-kmalloc */
}
