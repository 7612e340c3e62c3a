// SPDX-License-Identifier: GPL-2.0
/*
 * Self-test module that deliberately touches memory past a kmalloc
 * request, the way sanitizer test suites do: kmalloc(123) lands in
 * kmalloc-128, so byte 123 is slack and byte ksize() (128) is past the
 * bucket.  A checker must flag both: the test is supposed to trip
 * KASAN, and the checker should agree with it.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define SLABT_SIZE	123

static int slabt_ksize_unpoisons(void)
{
	char *ptr;
	size_t real_size;
	char c;

	ptr = kmalloc(SLABT_SIZE, GFP_KERNEL);
	if (!ptr)
		return -ENOMEM;
	real_size = ksize(ptr);
	barrier();

	/* 6.1 KASAN stays quiet (ksize() unpoisoned the slack): still a bug */
	ptr[SLABT_SIZE] = 'x'; /* expect: slack-write */

	/* but the byte after the bucket must */
	c = ptr[real_size]; /* expect: overflow-read */

	pr_info("slabt: %zu %d\n", real_size, c);
	kfree(ptr);
	return 0;
}

static int slabt_in_bounds(void)
{
	char *ptr;

	ptr = kzalloc(SLABT_SIZE, GFP_KERNEL);
	if (!ptr)
		return -ENOMEM;
	ptr[0] = 'a';
	ptr[SLABT_SIZE - 1] = 'z';
	kfree(ptr);
	return 0;
}

static int __init slabt_init(void)
{
	int ret = slabt_in_bounds();

	if (!ret)
		ret = slabt_ksize_unpoisons();
	return ret;
}
module_init(slabt_init);
MODULE_LICENSE("GPL");
