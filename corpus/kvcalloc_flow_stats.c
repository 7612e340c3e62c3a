// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Per-flow counters for a traffic classifier, sized by a module
 * parameter: kvcalloc() because the array can be megabytes.  kvmalloc
 * memory may be a vmalloc fallback (size > PAGE_SIZE, GFP_KERNEL may
 * block), so the memory accounting through ksize() is only right when
 * the kmalloc path was taken.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/overflow.h>

struct flow_ctr {
	u64 packets;
	u64 bytes;
	u32 last_jiffies;
	u32 flags;
};

struct flow_tbl {
	struct flow_ctr *ctrs;
	unsigned int nflows;
	size_t mem_bytes;
};

static unsigned int max_flows = 65536;
module_param(max_flows, uint, 0444);

static int flow_tbl_init(struct flow_tbl *t)
{
	t->ctrs = kvcalloc(max_flows, sizeof(*t->ctrs), GFP_KERNEL);
	if (!t->ctrs)
		return -ENOMEM;
	t->nflows = max_flows;
	t->mem_bytes = ksize(t->ctrs); /* expect: ksize-maybe-non-kmalloc */
	return 0;
}

static void flow_tbl_reset(struct flow_tbl *t)
{
	unsigned int i;

	for (i = 0; i < t->nflows; i++) {
		t->ctrs[i].packets = 0;
		t->ctrs[i].bytes = 0;
	}
}

static struct flow_ctr *flow_tbl_snapshot(const struct flow_tbl *t)
{
	struct flow_ctr *snap;

	snap = kvmalloc_array(t->nflows, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return NULL;
	memcpy(snap, t->ctrs, array_size(t->nflows, sizeof(*snap)));
	return snap;
}

int flow_tbl_export(struct flow_tbl *t, u64 *total)
{
	struct flow_ctr *snap;
	unsigned int i;
	int ret;

	if (!t->ctrs) {
		ret = flow_tbl_init(t);
		if (ret)
			return ret;
	}
	snap = flow_tbl_snapshot(t);
	if (!snap)
		return -ENOMEM;
	*total = 0;
	for (i = 0; i < t->nflows; i++)
		*total += snap[i].bytes;
	kvfree(snap);
	flow_tbl_reset(t);
	return 0;
}

MODULE_LICENSE("GPL");
