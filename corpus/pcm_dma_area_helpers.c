// SPDX-License-Identifier: GPL-2.0
/*
 * Sound PCM runtime whose DMA area is vmalloc'd (an emulated device).
 * One static helper stores the area into the runtime (the caller then
 * measures rt->dma_area), another calls ksize() on the pointer it is
 * given: both see vmalloc memory.  The period table is kmalloc'd and
 * goes through the same helpers without a finding.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

struct pcm_rt {
	void *dma_area;
	size_t dma_bytes;
	u32 *periods;
	size_t mem;
};

static void pcm_attach_area(struct pcm_rt *rt, void *area, size_t bytes)
{
	rt->dma_area = area;
	rt->dma_bytes = bytes;
}

static size_t pcm_area_footprint(const void *area)
{
	return ksize(area); /* expect: ksize-non-kmalloc */
}

static size_t pcm_table_footprint(const void *table)
{
	return ksize(table);
}

int pcm_alloc_area(struct pcm_rt *rt, size_t bytes, unsigned int nper)
{
	void *area;

	area = vzalloc(bytes);
	if (!area)
		return -ENOMEM;
	pcm_attach_area(rt, area, bytes);
	rt->mem = ksize(rt->dma_area); /* expect: ksize-non-kmalloc */
	rt->mem += pcm_area_footprint(area);

	rt->periods = kcalloc(nper, sizeof(*rt->periods), GFP_KERNEL);
	if (!rt->periods) {
		vfree(area);
		return -ENOMEM;
	}
	rt->mem += pcm_table_footprint(rt->periods);
	return 0;
}

MODULE_LICENSE("GPL");
