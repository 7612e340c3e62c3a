// SPDX-License-Identifier: GPL-2.0
/* negative: ksize() only feeds statistics, no slack is used */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct acct {
	unsigned long bytes;
	unsigned long peak;
};

void *acct_alloc(struct acct *a, size_t n)
{
	void *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return NULL;
	a->bytes += ksize(p);
	return p;
}

void *acct_alloc2(struct acct *a, size_t n)
{
	void *p;

	p = kzalloc(n, GFP_KERNEL);
	if (!p)
		return NULL;
	a->bytes = a->bytes + ksize(p);
	return p;
}

void *acct_alloc3(struct acct *a, size_t n)
{
	void *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return NULL;
	pr_debug("allocated %zu bytes\n", ksize(p));
	return p;
}
