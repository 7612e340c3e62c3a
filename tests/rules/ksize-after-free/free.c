// SPDX-License-Identifier: GPL-2.0
/*
 * ksize() after kfree() & co.: on every path, on some path, through a
 * helper that frees its argument, and through another pointer to the
 * same object. A pointer reassigned after the free, kfree() of another
 * object, and the krealloc(p, ksize(p)) idiom stay silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct pkt {
	void *data;
	size_t cap;
};

static void pkt_drop_data(struct pkt *p)
{
	kfree(p->data);
}

size_t freed_size(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	kfree(p);
	return ksize(p); /* expect: ksize-after-free "line 27" */
}

size_t sometimes_freed(size_t n, bool drop)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	if (drop)
		kfree(p);
	return ksize(p); /* expect: ksize-after-free "path through" */
}

size_t alias_freed(size_t n)
{
	void *p = kzalloc(n, GFP_KERNEL);
	void *q = p;

	if (!p)
		return 0;
	kfree_sensitive(q);
	return ksize(p); /* expect: ksize-after-free */
}

size_t helper_freed(struct pkt *pk, size_t n)
{
	pk->data = kmalloc(n, GFP_KERNEL);
	if (!pk->data)
		return 0;
	pkt_drop_data(pk);
	return ksize(pk->data); /* expect: ksize-after-free */
}

size_t reassigned(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	kfree(p);
	p = kmalloc(2 * n, GFP_KERNEL);
	if (!p)
		return 0;
	return ksize(p);
}

size_t other_freed(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);
	void *q = kmalloc(n, GFP_KERNEL);

	kfree(q);
	if (!p)
		return 0;
	return ksize(p);
}

void *grow_idiom(void *p)
{
	return krealloc(p, ksize(p), GFP_KERNEL);
}
