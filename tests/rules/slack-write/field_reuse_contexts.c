// SPDX-License-Identifier: GPL-2.0
/*
 * A static helper that only its callers reach, called with several ring
 * counts, keeps each vector in a table field and reuses the old one when
 * the new size fits its ksize(). Every call is analysed in its caller's
 * context, so the vector read back in the reuse branch is one of several
 * allocations (one per context and site): the join of them all is larger
 * than one pointer value holds, and the elements it drops are stores of
 * their own, not the table's old content. The counts are ints that are
 * only bounded from above; a negative sum wraps to a size kzalloc()
 * refuses (requested 0 to 40 bytes, the note says). Clearing size bytes
 * of the old vector can pass its smaller request. The rounded twin owns
 * its whole bucket and stays silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

struct rvring {
	u64 desc;
	u32 count;
};

struct rvec {
	int idx;
	struct rvring ring[];
};

/* frees a vector after a grace period */
void rv_retire(struct rvec *q);

struct rv_adapter {
	int nvec;
	struct rvec *vec[8];
};

static int rv_alloc_vec(struct rv_adapter *a, int v, int ntx, int nrx)
{
	struct rvec *q;
	size_t size;

	if (ntx > 1 || nrx > 1)
		return -ENOMEM;
	size = struct_size(q, ring, ntx + nrx);
	q = a->vec[v];
	if (!q) {
		q = kzalloc(size, GFP_KERNEL);
	} else if (size > ksize(q)) {
		struct rvec *nq = kzalloc(size, GFP_KERNEL);

		if (nq)
			rv_retire(q);
		q = nq;
	} else {
		memset(q, 0, size); /* expect: slack-write "ends at ksize()" */
	}
	if (!q)
		return -ENOMEM;
	a->vec[v] = q;
	q->idx = v;
	return 0;
}

int rv_alloc_vecs(struct rv_adapter *a, int ntx, int nrx)
{
	int v = 0, err;

	for (; v < a->nvec && nrx; v++, nrx--) {
		err = rv_alloc_vec(a, v, 0, 1);
		if (err)
			return err;
	}
	for (; v < a->nvec; v++) {
		err = rv_alloc_vec(a, v, ntx, nrx);
		if (err)
			return err;
	}
	return 0;
}

struct rv_bridge {
	int nvec;
	struct rvec *vec[8];
};

static int rv_bridge_vec(struct rv_bridge *b, int v, int ntx, int nrx)
{
	struct rvec *q;
	size_t size;

	if (ntx > 1 || nrx > 1)
		return -ENOMEM;
	size = kmalloc_size_roundup(struct_size(q, ring, ntx + nrx));
	q = b->vec[v];
	if (!q) {
		q = kzalloc(size, GFP_KERNEL);
	} else if (size > ksize(q)) {
		struct rvec *nq = kzalloc(size, GFP_KERNEL);

		if (nq)
			rv_retire(q);
		q = nq;
	} else {
		memset(q, 0, size);
	}
	if (!q)
		return -ENOMEM;
	b->vec[v] = q;
	return 0;
}

int rv_bridge_vecs(struct rv_bridge *b, int ntx, int nrx)
{
	int v = 0, err;

	for (; v < b->nvec && nrx; v++, nrx--) {
		err = rv_bridge_vec(b, v, 0, 1);
		if (err)
			return err;
	}
	for (; v < b->nvec; v++) {
		err = rv_bridge_vec(b, v, ntx, nrx);
		if (err)
			return err;
	}
	return 0;
}
