// SPDX-License-Identifier: GPL-2.0
/*
 * Symbolic bounds: a length checked against the request is silent; the
 * terminator written at that length, and a copy of strlen() + 1 into a
 * strlen() buffer, end one byte past the request. A switch with
 * fall-through choosing the request, then a ksize() clear.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
void *copy_guarded(const void *src, size_t len, size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return NULL;
	if (len > size) {
		kfree(p);
		return NULL;
	}
	memcpy(p, src, len);
	return p;
}

void *copy_terminated(const void *src, size_t len, size_t size)
{
	char *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return NULL;
	if (len > size) {
		kfree(p);
		return NULL;
	}
	memcpy(p, src, len);
	p[len] = 0; /* expect: slack-write */
	return p;
}

void *kind_clear(int kind, size_t n)
{
	void *p;

	switch (kind) {
	case 0:
		n = 24;
		fallthrough;
	case 1:
		p = kmalloc(n, GFP_KERNEL);
		break;
	default:
		p = kmalloc(64, GFP_KERNEL);
		break;
	}
	if (!p)
		return NULL;
	memset(p, 0, ksize(p)); /* expect: slack-write */
	return p;
}

void *dup_str(const char *src)
{
	size_t len = strlen(src);
	char *p = kmalloc(len, GFP_KERNEL);

	if (!p)
		return NULL;
	memcpy(p, src, len + 1); /* expect: slack-write */
	return p;
}
