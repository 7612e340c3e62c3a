// SPDX-License-Identifier: GPL-2.0
/*
 * Frees and allocations made through helpers are named by their chain:
 * "freed at line N by helper() (kfree() at line M)" where N is the call
 * in the function that asks ksize() and M the kfree() inside the helper,
 * two helpers deep as well; "on every path" only when every path frees,
 * "on the path through line N" when one does. The allocation note names
 * the helper call and the allocator inside. A buffer reallocated after
 * the helper freed it is fine. A helper that frees on one of its paths
 * frees "on the path through" its call.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct vbuf {
	void *mem;
	size_t len;
};

static void vbuf_put(struct vbuf *b)
{
	kfree(b->mem);
}

static void vbuf_release(struct vbuf *b)
{
	b->len = 0;
	vbuf_put(b);
}

static void *vbuf_get(size_t n)
{
	return kmalloc(n, GFP_KERNEL);
}

size_t vbuf_reset(struct vbuf *b)
{
	b->mem = vbuf_get(300);
	if (!b->mem)
		return 0;
	vbuf_put(b);
	return ksize(b->mem); /* expect: ksize-after-free "freed at line 41 by vbuf_put() (kfree() at line 22), on every path" */
}

size_t vbuf_reset_deep(struct vbuf *b)
{
	b->mem = vbuf_get(300);
	if (!b->mem)
		return 0;
	vbuf_release(b);
	return ksize(b->mem); /* expect: ksize-after-free "freed at line 50 by vbuf_release() (vbuf_put() at line 28, kfree() at line 22)" */
}

size_t vbuf_maybe(struct vbuf *b, bool drop)
{
	b->mem = vbuf_get(300);
	if (!b->mem)
		return 0;
	if (drop)
		vbuf_put(b);
	return ksize(b->mem); /* expect: ksize-after-free "on the path through line 60 by vbuf_put()" */
}

size_t vbuf_either(struct vbuf *b, bool deep)
{
	b->mem = vbuf_get(300);
	if (!b->mem)
		return 0;
	if (deep)
		vbuf_release(b);
	else
		vbuf_put(b);
	return ksize(b->mem); /* expect: ksize-after-free "on every path: at line" */
}

size_t vbuf_refill(struct vbuf *b)
{
	b->mem = vbuf_get(300);
	if (!b->mem)
		return 0;
	vbuf_put(b);
	b->mem = vbuf_get(600);
	if (!b->mem)
		return 0;
	return ksize(b->mem);
}

static void vbuf_put_if(struct vbuf *b, bool drop)
{
	if (drop)
		kfree(b->mem);
}

size_t vbuf_put_sometimes(struct vbuf *b, bool drop)
{
	b->mem = vbuf_get(300);
	if (!b->mem)
		return 0;
	vbuf_put_if(b, drop);
	return ksize(b->mem); /* expect: ksize-after-free "on the path through line 99 by vbuf_put_if() (kfree() at line 91)" */
}
