// SPDX-License-Identifier: GPL-2.0
/* negative: two allocations in one function need the new local; one
 * name cannot serve both, so neither is converted (report: by hand) */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct pair {
	char *a;
	char *b;
	size_t cap_a;
	size_t cap_b;
};

int pair_alloc(struct pair *pr, size_t n)
{
	pr->a = kmalloc(n + 1, GFP_KERNEL);
	if (!pr->a)
		return -ENOMEM;
	pr->cap_a = ksize(pr->a);
	pr->b = kmalloc(n + 2, GFP_KERNEL);
	if (!pr->b)
		return -ENOMEM;
	pr->cap_b = ksize(pr->b);
	return 0;
}
