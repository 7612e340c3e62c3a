// SPDX-License-Identifier: GPL-2.0
/*
 * Objects allocated on several loop rounds are several objects: freeing
 * the previous round's buffer or one array slot does not free the
 * others. A buffer freed in the loop body and measured after it is.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct pool {
	void *slot[8];
};

size_t pool_second(struct pool *pl)
{
	int i;

	for (i = 0; i < 8; i++) {
		pl->slot[i] = kmalloc(64, GFP_KERNEL);
		if (!pl->slot[i])
			return 0;
	}
	kfree(pl->slot[0]);
	pl->slot[0] = NULL;
	return ksize(pl->slot[1]);
}

size_t local_slots(int n)
{
	void *bufs[4];
	int i;

	for (i = 0; i < 4; i++)
		bufs[i] = kmalloc(n, GFP_KERNEL);
	kfree(bufs[3]);
	return bufs[0] ? ksize(bufs[0]) : 0;
}

size_t keep_last(int n)
{
	void *prev = NULL, *cur = NULL;
	int i;

	for (i = 0; i < n; i++) {
		prev = cur;
		cur = kmalloc(32, GFP_KERNEL);
		if (!cur)
			return 0;
	}
	kfree(prev);
	return ksize(cur);
}

size_t freed_in_loop(int n)
{
	void *p = NULL;
	int i;

	for (i = 0; i < n; i++) {
		p = kmalloc(48, GFP_KERNEL);
		if (!p)
			return 0;
		kfree(p);
	}
	return p ? ksize(p) : 0; /* expect: ksize-after-free */
}
