// SPDX-License-Identifier: GPL-2.0
/*
 * I2C register block read for a battery gauge.  Small transfers use an
 * on-stack bounce buffer, large ones a kmalloc'd one; the helper asks
 * ksize() how much it may read, which is meaningless for stack memory.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>

#define GAUGE_SMALL_XFER	32

struct gauge {
	struct device *dev;
	u8 addr;
};

int gauge_bus_read(struct gauge *g, u8 reg, void *buf, size_t len);

static int gauge_read_small(struct gauge *g, u8 reg, u8 *out, size_t len)
{
	u8 bounce[GAUGE_SMALL_XFER];
	size_t room;
	int ret;

	room = ksize(bounce); /* expect: ksize-non-kmalloc */
	if (len > room)
		return -EINVAL;
	ret = gauge_bus_read(g, reg, bounce, len);
	if (ret)
		return ret;
	memcpy(out, bounce, len);
	return 0;
}

static int gauge_read_large(struct gauge *g, u8 reg, u8 *out, size_t len)
{
	u8 *bounce;
	int ret;

	bounce = kmalloc(len, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	ret = gauge_bus_read(g, reg, bounce, len);
	if (!ret)
		memcpy(out, bounce, len);
	kfree(bounce);
	return ret;
}

int gauge_read_block(struct gauge *g, u8 reg, u8 *out, size_t len)
{
	if (len <= GAUGE_SMALL_XFER)
		return gauge_read_small(g, reg, out, len);
	return gauge_read_large(g, reg, out, len);
}

int gauge_read_status(struct gauge *g, u16 *status)
{
	struct {
		__le16 status;
		__le16 flags;
	} raw;
	int ret;

	ret = gauge_bus_read(g, 0x0a, &raw, sizeof(raw));
	if (ret)
		return ret;
	*status = raw.status;
	dev_dbg(g->dev, "status frame %zu bytes\n", ksize(&raw)); /* expect: ksize-non-kmalloc */
	return 0;
}

MODULE_LICENSE("GPL");
