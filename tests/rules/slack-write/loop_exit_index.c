// SPDX-License-Identifier: GPL-2.0
/*
 * A search loop `for (i = 0; i < n; i++)` whose only other exits return
 * leaves i == n: i starts at or below n, steps by one and the loop never
 * assigns n, so the failing test is the first i that reaches n. An
 * append at i after the search writes element n of an n-element table:
 * past the request, inside the bucket when the request is not a bucket
 * size. The twins: the last element (i - 1) is in bounds; a loop that
 * also moves n, one that steps by two, one that starts at an unknown
 * index, and one whose bound is a field (a call in the loop may change
 * it) leave i unknown past the bound, and say nothing.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct lx_tab {
	unsigned int n;
	u64 *slot;
};

u64 *lx_append(unsigned int n, u64 v)
{
	u64 *x = kmalloc_array(n, sizeof(*x), GFP_KERNEL);
	unsigned int i;

	if (!x)
		return NULL;
	for (i = 0; i < n; i++) {
		if (x[i] == v)
			return x;
	}
	x[i] = v; /* expect: slack-write "up to 8 bytes past the request" */
	return x;
}

u64 *lx_append_rev(unsigned int n, u64 v)
{
	u64 *x = kmalloc_array(n, sizeof(*x), GFP_KERNEL);
	unsigned int i;

	if (!x)
		return NULL;
	for (i = 0; n > i; ++i)
		if (x[i] == v)
			return x;
	x[i] = v; /* expect: slack-write "up to 8 bytes past the request" */
	return x;
}

u64 *lx_last(unsigned int n, u64 v)
{
	u64 *x = kmalloc_array(n, sizeof(*x), GFP_KERNEL);
	unsigned int i;

	if (!x || !n)
		return NULL;
	for (i = 0; i < n; i++) {
		if (x[i] == v)
			return x;
	}
	x[i - 1] = v;
	return x;
}

u64 *lx_shrinking(unsigned int n, u64 v)
{
	u64 *x = kmalloc_array(n, sizeof(*x), GFP_KERNEL);
	unsigned int i, m = n;

	if (!x)
		return NULL;
	for (i = 0; i < m; i++) {
		if (x[i] == v)
			m--;
	}
	x[i] = v;
	return x;
}

u64 *lx_by_two(unsigned int n, u64 v)
{
	u64 *x = kmalloc_array(n, sizeof(*x), GFP_KERNEL);
	unsigned int i;

	if (!x)
		return NULL;
	for (i = 0; i < n; i += 2) {
		if (x[i] == v)
			return x;
	}
	x[i] = v;
	return x;
}

u64 *lx_from(unsigned int n, unsigned int start, u64 v)
{
	u64 *x = kmalloc_array(n, sizeof(*x), GFP_KERNEL);
	unsigned int i;

	if (!x)
		return NULL;
	for (i = start; i < n; i++) {
		if (x[i] == v)
			return x;
	}
	x[i] = v;
	return x;
}

void lx_refill(struct lx_tab *t);

void lx_field_bound(struct lx_tab *t, u64 v)
{
	unsigned int i;

	t->slot = kmalloc_array(t->n, sizeof(*t->slot), GFP_KERNEL);
	if (!t->slot)
		return;
	for (i = 0; i < t->n; i++)
		if (t->slot[i] == v)
			lx_refill(t);
	t->slot[i] = v;
}
