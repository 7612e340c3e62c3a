// SPDX-License-Identifier: GPL-2.0
/* ksize() on vmalloc memory is undefined */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct vbuf {
	void *data;
	size_t cap;
};

int vbuf_init(struct vbuf *b, size_t n)
{
	b->data = vzalloc(n);
	if (!b->data)
		return -ENOMEM;
	b->cap = ksize(b->data);
	return 0;
}

size_t vbuf_decl(size_t n)
{
	void *p = vmalloc(n);
	size_t cap = ksize(p);

	vfree(p);
	return cap;
}
