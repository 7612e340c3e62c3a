// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Pin group array of a pin controller, grown with krealloc_array().
 * After growing to 37 groups of 8 bytes (296 bytes, kmalloc-512) the
 * driver computes its capacity from ksize() and fills the last slot it
 * thinks it has (index 63, byte 504): slack.  Growing with
 * krealloc(p, ksize(p)) first would make that legal.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define PCG_INITIAL	37

struct pcg {
	const char *name;
	const unsigned int *pins;
};

struct pcg_tbl {
	const char **names;
	unsigned int n;
	unsigned int cap;
};

int pcg_tbl_grow(struct pcg_tbl *t)
{
	const char **nn;
	size_t cap;

	nn = krealloc_array(t->names, PCG_INITIAL, sizeof(*nn), GFP_KERNEL);
	if (!nn)
		return -ENOMEM;
	cap = ksize(nn) / sizeof(*nn);
	nn[cap - 1] = NULL; /* expect: slack-write */
	t->names = nn;
	t->cap = PCG_INITIAL;
	return 0;
}

int pcg_tbl_grow_idiom(struct pcg_tbl *t)
{
	const char **nn;
	size_t cap;

	nn = krealloc_array(t->names, PCG_INITIAL, sizeof(*nn), GFP_KERNEL);
	if (!nn)
		return -ENOMEM;
	nn = krealloc(nn, ksize(nn), GFP_KERNEL);
	if (!nn)
		return -ENOMEM;
	cap = ksize(nn) / sizeof(*nn);
	nn[cap - 1] = NULL;
	t->names = nn;
	t->cap = cap;
	return 0;
}

MODULE_LICENSE("GPL");
