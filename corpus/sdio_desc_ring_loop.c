// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * SDIO WLAN descriptor ring: 20 descriptors of 24 bytes (480 bytes,
 * kmalloc-512).  The init loop runs i <= n_desc, one descriptor too far
 * (bytes 480..503): still inside the bucket, so a slack write that
 * KASAN reports and production kernels silently absorb.  The reset loop
 * is bounded correctly.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define SDW_N_DESC	20

struct sdw_desc {
	u64 addr;
	u32 len;
	u32 ctrl;
	u64 cookie;
};

struct sdw_ring {
	struct sdw_desc *desc;
	unsigned int n_desc;
};

int sdw_ring_init(struct sdw_ring *r)
{
	unsigned int i;

	r->n_desc = SDW_N_DESC;
	r->desc = kcalloc(SDW_N_DESC, sizeof(*r->desc), GFP_KERNEL);
	if (!r->desc)
		return -ENOMEM;
	for (i = 0; i <= SDW_N_DESC; i++)
		r->desc[i].ctrl = 0x80000000; /* expect: slack-write */
	return 0;
}

void sdw_ring_reset(struct sdw_ring *r)
{
	unsigned int i;

	for (i = 0; i < r->n_desc; i++) {
		r->desc[i].len = 0;
		r->desc[i].ctrl = 0;
	}
}

int sdw_ring_init_fixed(struct sdw_ring *r)
{
	unsigned int i;

	r->desc = kcalloc(SDW_N_DESC, sizeof(*r->desc), GFP_KERNEL);
	if (!r->desc)
		return -ENOMEM;
	for (i = 0; i < SDW_N_DESC; i++)
		r->desc[i].ctrl = 0x80000000;
	r->n_desc = SDW_N_DESC;
	return 0;
}

MODULE_LICENSE("GPL");
