// SPDX-License-Identifier: GPL-2.0
/*
 * Toy NIC: per-queue RX descriptor rings kept in dev->rings[i].  The ring
 * capacity is taken from ksize() at allocation time and later used by a
 * different function to clear the ring: that clears the slab slack.
 *
 * 40 descriptors of 24 bytes = 960 bytes requested, kmalloc-1024 bucket.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/netdevice.h>

#define TNIC_NUM_QUEUES		4
#define TNIC_RING_DESCS		40

struct tnic_rx_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
	u64 cookie;
};

struct tnic_ring {
	struct tnic_rx_desc *data;
	size_t cap;		/* bytes usable in data */
	unsigned int count;	/* descriptors */
	unsigned int next_to_use;
};

struct tnic_priv {
	struct net_device *netdev;
	struct tnic_ring rings[TNIC_NUM_QUEUES];
};

static int tnic_alloc_ring(struct tnic_priv *priv, int i)
{
	struct tnic_ring *ring = &priv->rings[i];

	ring->count = TNIC_RING_DESCS;
	ring->data = kmalloc(TNIC_RING_DESCS * sizeof(struct tnic_rx_desc),
			     GFP_KERNEL);
	if (!ring->data)
		return -ENOMEM;
	/* "use what we got": the capacity becomes the bucket, 1024 */
	ring->cap = ksize(ring->data);
	ring->next_to_use = 0;
	return 0;
}

static void tnic_reset_ring(struct tnic_priv *priv, int i)
{
	unsigned int d;

	/* descriptors are walked by the requested count: fine */
	for (d = 0; d < priv->rings[i].count; d++)
		priv->rings[i].data[d].flags = 0;

	/* the whole usable size, 64 bytes past the 960 requested */
	memset(priv->rings[i].data, 0, priv->rings[i].cap); /* expect: slack-write */
	priv->rings[i].next_to_use = 0;
}

static void tnic_free_rings(struct tnic_priv *priv)
{
	int i;

	for (i = 0; i < TNIC_NUM_QUEUES; i++) {
		kfree(priv->rings[i].data);
		priv->rings[i].data = NULL;
	}
}

int tnic_open(struct net_device *netdev)
{
	struct tnic_priv *priv = netdev_priv(netdev);
	int i, err;

	for (i = 0; i < TNIC_NUM_QUEUES; i++) {
		err = tnic_alloc_ring(priv, i);
		if (err)
			goto err_free;
		tnic_reset_ring(priv, i);
	}
	netif_wake_queue(netdev);
	return 0;

err_free:
	tnic_free_rings(priv);
	return err;
}

MODULE_LICENSE("GPL");
