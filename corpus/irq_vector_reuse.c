// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt vectors of a NIC, kept in an array of pointers in the
 * adapter.  A vector is a 40-byte header (counters and index) followed
 * by one or two 8-byte rings: 48 or 56 bytes, both kmalloc-64.  On
 * reconfiguration the old vector is reused when the new size fits its
 * ksize(): a vector first allocated for one ring (48 bytes) and reused
 * for two clears 56 bytes, 8 bytes past its request, inside the bucket.
 * The check reads the old vector back from the adapter's array, whose
 * every store is this function's kzalloc().  Rounding the size with
 * kmalloc_size_roundup() before allocating (the second adapter type)
 * makes ksize() the request and is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

#define NIC_MAX_VEC	8

struct nic_ring {
	u64 dma;
};

struct nic_vec {
	u64 stats[4];
	int idx;
	struct nic_ring ring[];
};

struct nic_adapter {
	struct nic_vec *vec[NIC_MAX_VEC];
};

struct nic_adapter_r {
	struct nic_vec *vec[NIC_MAX_VEC];
};

int nic_alloc_vec(struct nic_adapter *ad, int v, int txr, int rxr)
{
	struct nic_vec *q;
	size_t size;

	if (txr < 0 || rxr < 0 || txr > 1 || rxr > 1 || !(txr + rxr))
		return -EINVAL;
	size = struct_size(q, ring, txr + rxr);
	q = ad->vec[v];
	if (!q) {
		q = kzalloc(size, GFP_KERNEL);
	} else if (size > ksize(q)) {
		kfree(q);
		q = kzalloc(size, GFP_KERNEL);
	} else {
		memset(q, 0, size); /* expect: slack-write */
	}
	if (!q)
		return -ENOMEM;
	q->idx = v;
	ad->vec[v] = q;
	return 0;
}

int nic_alloc_vec_r(struct nic_adapter_r *ad, int v, int txr, int rxr)
{
	struct nic_vec *q;
	size_t size;

	if (txr < 0 || rxr < 0 || txr > 1 || rxr > 1 || !(txr + rxr))
		return -EINVAL;
	size = kmalloc_size_roundup(struct_size(q, ring, txr + rxr));
	q = ad->vec[v];
	if (!q) {
		q = kzalloc(size, GFP_KERNEL);
	} else if (size > ksize(q)) {
		kfree(q);
		q = kzalloc(size, GFP_KERNEL);
	} else {
		memset(q, 0, size);
	}
	if (!q)
		return -ENOMEM;
	q->idx = v;
	ad->vec[v] = q;
	return 0;
}

MODULE_LICENSE("GPL");
