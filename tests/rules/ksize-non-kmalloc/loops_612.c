// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * 6.10+ stubs: allocations inside while/for loops and a backward goto,
 * devm_kzalloc and kmem_cache_alloc results, vmalloc memory handed back
 * through an out-parameter, and a kmalloc/kmem_cache pick in a switch.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/device.h>

struct chunk {
	struct chunk *next;
	void *mem;
};

static struct kmem_cache *chunk_cache;

size_t chunks_size(int n)
{
	size_t total = 0;

	while (n--) {
		void *m = vmalloc(PAGE_SIZE * 4);

		if (!m)
			break;
		total += ksize(m); /* expect: ksize-non-kmalloc */
		vfree(m);
	}
	return total;
}

size_t retry_vm(size_t n)
{
	void *m;
	int tries = 0;

again:
	m = vzalloc(n);
	if (!m && tries++ < 3) {
		n /= 2;
		goto again;
	}
	if (!m)
		return 0;
	return ksize(m); /* expect: ksize-non-kmalloc */
}

size_t priv_size(struct device *dev)
{
	void *priv = devm_kzalloc(dev, 128, GFP_KERNEL);

	if (!priv)
		return 0;
	return ksize(priv); /* expect: ksize-non-kmalloc */
}

size_t chunk_obj_size(void)
{
	struct chunk *c = kmem_cache_alloc(chunk_cache, GFP_KERNEL);

	if (!c)
		return 0;
	return ksize(c); /* expect: ksize-non-kmalloc */
}

size_t chunk_pick(int kind, size_t n)
{
	void *p;

	switch (kind) {
	case 0:
		p = kmem_cache_zalloc(chunk_cache, GFP_KERNEL);
		break;
	case 1:
		p = kmalloc(n, GFP_KERNEL);
		break;
	default:
		return 0;
	}
	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t list_size(int n)
{
	struct chunk *head = NULL, *c;
	size_t total = 0;
	int i;

	for (i = 0; i < n; i++) {
		c = kzalloc(sizeof(*c), GFP_KERNEL);
		if (!c)
			break;
		c->next = head;
		head = c;
	}
	for (c = head; c; c = c->next)
		total += ksize(c);
	return total;
}

static int map_area(void **out, size_t n)
{
	void *a = vmalloc_user(n);

	if (!a)
		return -ENOMEM;
	*out = a;
	return 0;
}

size_t area_size(size_t n)
{
	void *area;
	int ret = map_area(&area, n);

	if (ret)
		return 0;
	return ksize(area); /* expect: ksize-non-kmalloc */
}
