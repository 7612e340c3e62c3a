// SPDX-License-Identifier: GPL-2.0
/*
 * Bucket array of a flow hash table: 50 buckets of 8 bytes (400 bytes,
 * kmalloc-512).  The initialisation loop runs to ksize()/sizeof(bucket)
 * = 64 buckets, so it writes 112 bytes of slack.  The rehash loop is
 * bounded by the requested bucket count.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FH_BUCKETS	50

struct fh_node {
	struct fh_node *next;
	u32 key;
};

struct fh_bucket {
	struct fh_node *first;
};

struct fh_table {
	struct fh_bucket *b;
	unsigned int nbuckets;
};

int fh_init(struct fh_table *t)
{
	size_t i;

	t->b = kmalloc_array(FH_BUCKETS, sizeof(*t->b), GFP_KERNEL);
	if (!t->b)
		return -ENOMEM;
	for (i = 0; i < ksize(t->b) / sizeof(*t->b); i++)
		t->b[i].first = NULL; /* expect: slack-write */
	t->nbuckets = FH_BUCKETS;
	return 0;
}

void fh_rehash_clear(struct fh_table *t)
{
	unsigned int i;

	for (i = 0; i < t->nbuckets; i++)
		t->b[i].first = NULL;
}

int fh_init_exact(struct fh_table *t)
{
	unsigned int i;

	t->b = kmalloc_array(FH_BUCKETS, sizeof(*t->b), GFP_KERNEL);
	if (!t->b)
		return -ENOMEM;
	for (i = 0; i < FH_BUCKETS; i++)
		t->b[i].first = NULL;
	t->nbuckets = FH_BUCKETS;
	return 0;
}

MODULE_LICENSE("GPL");
