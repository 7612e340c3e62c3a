// SPDX-License-Identifier: GPL-2.0
/*
 * A routing lookup table for a software switch: one entry per prefix,
 * up to a million entries, so it lives in vzalloc() memory.  The resize
 * path records the table's memory with ksize(): undefined on vmalloc
 * memory (virt_to_folio() on a non-linear address).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/overflow.h>

struct route_ent {
	__be32 prefix;
	u8 plen;
	u8 flags;
	u16 port;
};

struct route_table {
	struct route_ent *ents;
	unsigned int nents;
	unsigned int used;
	size_t mem;
};

static int rt_alloc(struct route_table *rt, unsigned int nents)
{
	rt->ents = vzalloc(array_size(nents, sizeof(*rt->ents)));
	if (!rt->ents)
		return -ENOMEM;
	rt->nents = nents;
	rt->used = 0;
	return 0;
}

static int rt_resize(struct route_table *rt, unsigned int nents)
{
	struct route_ent *ne;

	if (nents < rt->used)
		return -EINVAL;
	ne = vzalloc(array_size(nents, sizeof(*ne)));
	if (!ne)
		return -ENOMEM;
	memcpy(ne, rt->ents, array_size(rt->used, sizeof(*ne)));
	vfree(rt->ents);
	rt->ents = ne;
	rt->nents = nents;
	rt->mem = ksize(ne); /* expect: ksize-non-kmalloc */
	return 0;
}

static void rt_clear(struct route_table *rt)
{
	/* bounded by the allocation: fine */
	memset(rt->ents, 0, array_size(rt->nents, sizeof(*rt->ents)));
	rt->used = 0;
}

int rt_insert(struct route_table *rt, __be32 prefix, u8 plen, u16 port)
{
	struct route_ent *e;
	int ret;

	if (!rt->ents) {
		ret = rt_alloc(rt, 1024);
		if (ret)
			return ret;
	}
	if (rt->used == rt->nents) {
		ret = rt_resize(rt, rt->nents * 2);
		if (ret)
			return ret;
	}
	e = &rt->ents[rt->used++];
	e->prefix = prefix;
	e->plen = plen;
	e->port = port;
	return 0;
}

void rt_destroy(struct route_table *rt)
{
	rt_clear(rt);
	vfree(rt->ents);
	rt->ents = NULL;
}

MODULE_LICENSE("GPL");
