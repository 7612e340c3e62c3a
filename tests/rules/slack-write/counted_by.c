// SPDX-License-Identifier: GPL-2.0
/*
 * __counted_by() flexible arrays allocated with struct_size(): a loop
 * that runs to the count inclusive, and an element at the count, write
 * one element past the request (into the slack unless the request is
 * itself a bucket size).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

struct id_list {
	u32 nr;
	u32 ids[] __counted_by(nr);
};

struct id_list *ids_reset(size_t n)
{
	struct id_list *l = kzalloc(struct_size(l, ids, n), GFP_KERNEL);
	size_t i;

	if (!l)
		return NULL;
	l->nr = n;
	for (i = 0; i <= n; i++)
		l->ids[i] = 0; /* expect: slack-write */
	return l;
}

struct id_list *ids_term(size_t n)
{
	struct id_list *l = kzalloc(struct_size(l, ids, n), GFP_KERNEL);

	if (!l)
		return NULL;
	l->nr = n;
	l->ids[l->nr] = 0; /* expect: slack-write */
	return l;
}

struct id_list *ids_nine(void)
{
	struct id_list *l = kzalloc(struct_size(l, ids, 9), GFP_KERNEL);
	size_t i;

	if (!l)
		return NULL;
	l->nr = 9;
	for (i = 0; i <= l->nr; i++)
		l->ids[i] = 0; /* expect: slack-write */
	return l;
}
