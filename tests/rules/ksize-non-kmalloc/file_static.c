// SPDX-License-Identifier: GPL-2.0
/*
 * File-static pointers set up in an init function and used in another:
 * the only stores in the TU say what they hold. A helper measuring its
 * argument is judged over its callers (vmalloc in one, kmalloc in the
 * other: maybe).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

static void *trace_area;
static char *trace_name;

int trace_init(size_t n)
{
	trace_area = vmalloc(n);
	if (!trace_area)
		return -ENOMEM;
	trace_name = kmalloc(n, GFP_KERNEL);
	if (!trace_name) {
		vfree(trace_area);
		return -ENOMEM;
	}
	return 0;
}

size_t trace_area_size(void)
{
	return ksize(trace_area); /* expect: ksize-non-kmalloc */
}

void trace_name_clear(void)
{
	memset(trace_name, 0, ksize(trace_name)); /* expect: slack-write */
}

size_t trace_name_size(void)
{
	return ksize(trace_name);
}

static size_t cap_of(const void *p)
{
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t both_caps(size_t n)
{
	void *v = vzalloc(n);
	void *k = kzalloc(n, GFP_KERNEL);
	size_t s = 0;

	if (v)
		s += cap_of(v);
	if (k)
		s += cap_of(k);
	vfree(v);
	kfree(k);
	return s;
}
