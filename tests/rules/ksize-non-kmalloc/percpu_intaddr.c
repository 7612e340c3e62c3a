// SPDX-License-Identifier: GPL-2.0
/*
 * Addresses computed in integer types keep their provenance: per-CPU
 * memory through per_cpu_ptr(), and (unsigned long)p + off.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/percpu.h>

struct pcpu_stats {
	u64 rx;
	u64 tx;
};

size_t stats_size(int cpu)
{
	struct pcpu_stats __percpu *s = alloc_percpu(struct pcpu_stats);

	if (!s)
		return 0;
	return ksize(per_cpu_ptr(s, cpu)); /* expect: ksize-non-kmalloc "per-CPU" */
}

size_t raw_size(void)
{
	void *p = kmalloc(64, GFP_KERNEL);
	unsigned long a = (unsigned long)p;

	if (!p)
		return 0;
	return ksize((void *)(a + 16)); /* expect: ksize-interior */
}

size_t raw_ok(void)
{
	void *p = kmalloc(64, GFP_KERNEL);
	unsigned long a = (unsigned long)p;

	if (!p)
		return 0;
	return ksize((void *)a);
}
