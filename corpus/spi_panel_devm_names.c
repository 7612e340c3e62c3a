// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * SPI display panel probe on 6.12 APIs: the init sequence is copied with
 * devm_kmemdup() and the panel name built with devm_kasprintf().  Both
 * are managed allocations placed after a devres header, so ksize() on
 * them reports the header's bucket, not theirs: wrong on every path.
 * The plain kmemdup() of the gamma table is a kmalloc start.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>

struct panel_cmd {
	u8 cmd;
	u8 len;
	u8 data[14];
};

struct spi_panel {
	struct device *dev;
	struct panel_cmd *init_seq;
	unsigned int init_len;
	char *name;
	u8 *gamma;
	size_t mem;
};

int spi_panel_setup(struct spi_panel *p, const struct panel_cmd *seq,
		    unsigned int n, const u8 *gamma, int id)
{
	p->init_seq = devm_kmemdup(p->dev, seq, n * sizeof(*seq), GFP_KERNEL);
	if (!p->init_seq)
		return -ENOMEM;
	p->init_len = n;
	p->mem = ksize(p->init_seq); /* expect: ksize-non-kmalloc */

	p->name = devm_kasprintf(p->dev, GFP_KERNEL, "panel-%d", id);
	if (!p->name)
		return -ENOMEM;
	p->mem += ksize(p->name); /* expect: ksize-non-kmalloc */

	p->gamma = kmemdup(gamma, 64, GFP_KERNEL);
	if (!p->gamma)
		return -ENOMEM;
	p->mem += ksize(p->gamma);
	dev_dbg(p->dev, "panel %s uses %zu bytes\n", p->name, p->mem);
	return 0;
}

MODULE_LICENSE("GPL");
