// SPDX-License-Identifier: GPL-2.0
/*
 * Audio codec configuration: a board may supply its own register table
 * (copied with kmemdup()), otherwise the driver points at the built-in
 * static table.  The size report uses ksize() on whichever it got: a
 * global on one path, a kmalloc object on the other.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>

struct codec_reg {
	u16 reg;
	u16 val;
};

static const struct codec_reg codec_default_regs[] = {
	{ 0x00, 0x0001 }, { 0x02, 0x00c0 }, { 0x04, 0x0000 },
	{ 0x06, 0x1f1f }, { 0x08, 0x0808 }, { 0x0a, 0x0003 },
};

static u8 codec_fw_scratch[256];

struct codec {
	struct device *dev;
	const struct codec_reg *regs;
	unsigned int nregs;
	bool regs_owned;
};

static int codec_setup_regs(struct codec *c, const struct codec_reg *board,
			    unsigned int n)
{
	if (board && n) {
		c->regs = kmemdup(board, n * sizeof(*board), GFP_KERNEL);
		if (!c->regs)
			return -ENOMEM;
		c->nregs = n;
		c->regs_owned = true;
	} else {
		c->regs = codec_default_regs;
		c->nregs = ARRAY_SIZE(codec_default_regs);
		c->regs_owned = false;
	}
	dev_dbg(c->dev, "register table: %zu bytes\n", ksize(c->regs)); /* expect: ksize-maybe-non-kmalloc "line" */
	return 0;
}

static void codec_dump_scratch(struct codec *c)
{
	dev_dbg(c->dev, "scratch %zu\n", ksize(codec_fw_scratch)); /* expect: ksize-non-kmalloc */
}

int codec_init(struct codec *c, const struct codec_reg *board, unsigned int n)
{
	int ret;

	ret = codec_setup_regs(c, board, n);
	if (ret)
		return ret;
	codec_dump_scratch(c);
	return 0;
}

void codec_exit(struct codec *c)
{
	if (c->regs_owned)
		kfree(c->regs);
}

MODULE_LICENSE("GPL");
