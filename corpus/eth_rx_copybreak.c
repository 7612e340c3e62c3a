// SPDX-License-Identifier: GPL-2.0
/*
 * RX copybreak of a 100M Ethernet driver: short frames are copied into
 * a 256-byte kmalloc buffer so the DMA buffer can be reused.  The
 * copybreak threshold check uses 300 instead of the buffer size, so a
 * 257..300 byte frame is copied past the 256-byte object, which is a
 * bucket size itself: past the bucket.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/netdevice.h>

#define FE_COPYBREAK_BUF	256
#define FE_COPYBREAK		300

struct fe_priv {
	struct net_device *ndev;
	u8 *rx_dma_buf;
};

void fe_deliver(struct fe_priv *fp, u8 *frame, unsigned int len);

void fe_rx_frame(struct fe_priv *fp, unsigned int len)
{
	u8 *copy;

	if (len > FE_COPYBREAK) {
		fe_deliver(fp, fp->rx_dma_buf, len);
		return;
	}
	copy = kmalloc(FE_COPYBREAK_BUF, GFP_ATOMIC);
	if (!copy) {
		fp->ndev->stats.rx_dropped++;
		return;
	}
	memcpy(copy, fp->rx_dma_buf, len); /* expect: overflow-write */
	fe_deliver(fp, copy, len);
}

void fe_rx_frame_fixed(struct fe_priv *fp, unsigned int len)
{
	u8 *copy;

	if (len > FE_COPYBREAK_BUF) {
		fe_deliver(fp, fp->rx_dma_buf, len);
		return;
	}
	copy = kmalloc(FE_COPYBREAK_BUF, GFP_ATOMIC);
	if (!copy) {
		fp->ndev->stats.rx_dropped++;
		return;
	}
	memcpy(copy, fp->rx_dma_buf, len);
	fe_deliver(fp, copy, len);
}

MODULE_LICENSE("GPL");
