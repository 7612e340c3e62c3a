// SPDX-License-Identifier: GPL-2.0
/*
 * A DMA engine driver with its own allocation macro, written as a GNU
 * statement expression that also counts allocations.  The descriptor
 * block asks for 300 bytes (kmalloc-512); clearing it with ksize() as
 * the length writes 212 bytes of slack.  The command block is allocated
 * with kmalloc_size_roundup() first, so ksize() is the requested size.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define XDMA_DESC_BLOCK		300
#define XDMA_CMD_BLOCK		200

static unsigned long xdma_allocs;

#define xdma_alloc(sz) ({					\
	void *__p = kmalloc((sz), GFP_NOWAIT | __GFP_NOWARN);	\
	if (__p)						\
		xdma_allocs++;					\
	__p;							\
})

struct xdma_chan {
	void *desc;
	void *cmd;
	size_t cmd_len;
};

int xdma_chan_prep(struct xdma_chan *c)
{
	void *desc, *cmd;
	size_t cmd_len;

	desc = xdma_alloc(XDMA_DESC_BLOCK);
	if (!desc)
		return -ENOMEM;
	memset(desc, 0, ksize(desc)); /* expect: slack-write */

	cmd_len = kmalloc_size_roundup(XDMA_CMD_BLOCK);
	cmd = xdma_alloc(cmd_len);
	if (!cmd) {
		kfree(desc);
		return -ENOMEM;
	}
	memset(cmd, 0, ksize(cmd));

	c->desc = desc;
	c->cmd = cmd;
	c->cmd_len = cmd_len;
	return 0;
}

void xdma_chan_free(struct xdma_chan *c)
{
	kfree(c->cmd);
	kfree(c->desc);
}

MODULE_LICENSE("GPL");
