// SPDX-License-Identifier: GPL-2.0
/*
 * Command ring of a PCIe accelerator in coherent DMA memory.  The ring
 * is not a kmalloc object, so ksize() on it is wrong.  The shadow copy
 * the driver keeps for error recovery is kmalloc'd and may be measured.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>

#define ACC_RING_ENTRIES	256
#define ACC_CMD_SIZE		32

struct acc_ring {
	struct device *dev;
	void *cmds;
	dma_addr_t cmds_dma;
	void *shadow;
	size_t ring_bytes;
};

int acc_ring_alloc(struct acc_ring *r)
{
	size_t bytes = ACC_RING_ENTRIES * ACC_CMD_SIZE;

	r->cmds = dma_alloc_coherent(r->dev, bytes, &r->cmds_dma, GFP_KERNEL);
	if (!r->cmds)
		return -ENOMEM;
	r->ring_bytes = ksize(r->cmds); /* expect: ksize-non-kmalloc */

	r->shadow = kmalloc(bytes, GFP_KERNEL);
	if (!r->shadow) {
		dma_free_coherent(r->dev, bytes, r->cmds, r->cmds_dma);
		return -ENOMEM;
	}
	dev_dbg(r->dev, "shadow %zu bytes\n", ksize(r->shadow));
	memset(r->shadow, 0, bytes);
	return 0;
}

void acc_ring_free(struct acc_ring *r)
{
	kfree(r->shadow);
	dma_free_coherent(r->dev, ACC_RING_ENTRIES * ACC_CMD_SIZE, r->cmds,
			  r->cmds_dma);
}

MODULE_LICENSE("GPL");
