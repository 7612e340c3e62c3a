// SPDX-License-Identifier: GPL-2.0
/*
 * Stores into an array of pointers in a struct (a->qv[v] = q) are field
 * stores: every one holds a kzalloc() of 24 or 40 bytes (one or two
 * 16-byte rings after an 8-byte header). Reusing the old vector when the
 * new size fits its ksize() and clearing size bytes writes into the slack
 * of a smaller earlier request; clearing 64 bytes of any of them is past
 * every request (kmalloc-64 for 40). A table that also receives a vector
 * from elsewhere (an unknown pointer) says nothing.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

struct qring {
	u64 desc;
	u32 count;
};

struct qvec {
	int idx;
	struct qring ring[];
};

struct adapter {
	struct qvec *qv[8];
};

struct bridge {
	struct qvec *qv[8];
};

struct qvec *qvec_lookup(int id);

int alloc_qvec(struct adapter *a, int v, int nrings)
{
	struct qvec *q;
	size_t size;

	if (nrings > 2 || nrings < 1)
		return -EINVAL;
	size = struct_size(q, ring, nrings);
	q = a->qv[v];
	if (!q) {
		q = kzalloc(size, GFP_KERNEL);
	} else if (size > ksize(q)) {
		kfree(q);
		q = kzalloc(size, GFP_KERNEL);
	} else {
		memset(q, 0, size); /* expect: slack-write "ends at ksize()" */
	}
	if (!q)
		return -ENOMEM;
	a->qv[v] = q;
	return 0;
}

void clear_qvec(struct adapter *a, int v)
{
	memset(a->qv[v], 0, 64); /* expect: slack-write "requested size 40" */
	memset(a->qv[v], 0, 24);
}

int bridge_add(struct bridge *b, int v, int id)
{
	struct qvec *q = kzalloc(struct_size(q, ring, 1), GFP_KERNEL);

	if (!q)
		return -ENOMEM;
	b->qv[v] = q;
	b->qv[v + 1] = qvec_lookup(id);
	return 0;
}

void bridge_clear(struct bridge *b, int v)
{
	memset(b->qv[v], 0, 64);
}
