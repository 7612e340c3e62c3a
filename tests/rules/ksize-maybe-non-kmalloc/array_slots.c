// SPDX-License-Identifier: GPL-2.0
/*
 * Array slots holding different allocations: which slot holds which is
 * not tracked, so a kmalloc slot next to a vmalloc slot, or a freed
 * neighbour, gives no per-path verdict; neither do vmalloc slots next
 * to the slots' earlier (unknown) content. One kvmalloc slot is still
 * reported.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct bufs {
	void *b[2];
};

size_t first_of_mixed(struct bufs *s, size_t n)
{
	s->b[0] = kmalloc(n, GFP_KERNEL);
	s->b[1] = vmalloc(n);
	if (!s->b[0] || !s->b[1])
		return 0;
	return ksize(s->b[0]);
}

size_t after_neighbour_free(size_t n)
{
	void *v[2];

	v[0] = kmalloc(n, GFP_KERNEL);
	v[1] = kzalloc(n, GFP_KERNEL);
	if (!v[0])
		return 0;
	kfree(v[1]);
	return ksize(v[0]);
}

size_t all_vmalloc(struct bufs *s, size_t n)
{
	s->b[0] = vmalloc(n);
	s->b[1] = vzalloc(n);
	if (!s->b[0])
		return 0;
	return ksize(s->b[0]);
}

size_t kv_slot(struct bufs *s, size_t n)
{
	s->b[0] = kvmalloc(n, GFP_KERNEL);
	if (!s->b[0])
		return 0;
	return ksize(s->b[0]); /* expect: ksize-maybe-non-kmalloc */
}
