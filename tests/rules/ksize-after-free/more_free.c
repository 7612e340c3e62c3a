// SPDX-License-Identifier: GPL-2.0
/*
 * ksize() after a free: through a static helper, after a backward
 * "goto retry" that frees and reallocates, in a loop that frees the
 * previous round's buffer, and kvfree() of kvmalloc memory.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct blob {
	void *data;
	size_t len;
};

static void blob_release(struct blob *b)
{
	kfree(b->data);
	b->len = 0;
}

size_t release_then_size(struct blob *b, size_t n)
{
	b->data = kmalloc(n, GFP_KERNEL);
	if (!b->data)
		return 0;
	b->len = n;
	blob_release(b);
	return ksize(b->data); /* expect: ksize-after-free */
}

static void put_buf(void *buf)
{
	kfree(buf);
}

size_t put_then_size(size_t n)
{
	void *buf = kzalloc(n, GFP_KERNEL);

	if (!buf)
		return 0;
	put_buf(buf);
	return ksize(buf); /* expect: ksize-after-free */
}

int fill(void *buf, size_t n);

size_t retry_size(size_t n)
{
	void *buf;
	size_t s;

retry:
	buf = kmalloc(n, GFP_KERNEL);
	if (!buf)
		return 0;
	if (fill(buf, n) == -EAGAIN) {
		kfree(buf);
		n *= 2;
		goto retry;
	}
	s = ksize(buf);
	kfree(buf);
	return s;
}

size_t retry_stale(size_t n)
{
	void *buf = kmalloc(n, GFP_KERNEL);
	int tries = 0;

	if (!buf)
		return 0;
again:
	if (fill(buf, n) == -EAGAIN && tries++ < 3) {
		kfree(buf);
		goto again;
	}
	return ksize(buf); /* expect: ksize-after-free "path through" */
}

size_t loop_free(int rounds, size_t n)
{
	void *buf = NULL;
	int i;

	for (i = 0; i < rounds; i++) {
		kfree(buf);
		buf = kmalloc(n, GFP_KERNEL);
		if (!buf)
			return 0;
	}
	return buf ? ksize(buf) : 0;
}

size_t kv_freed(size_t n)
{
	void *p = kvmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	kvfree(p);
	return ksize(p); /* expect: ksize-after-free */
}
