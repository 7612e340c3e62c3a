// SPDX-License-Identifier: GPL-2.0
/*
 * RX path of a virtual Ethernet driver that builds skbs around kmalloc'd
 * fragments.  Like the core's slab-backed skb heads, it first grows the
 * fragment into its slack with krealloc(data, ksize(data)) and then uses
 * the whole object.  That is the accepted idiom: nothing to report.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define VETH_RX_HEADROOM	64

struct sk_buff *veth_build_rx(struct net_device *dev, const void *pkt,
			      unsigned int len)
{
	struct sk_buff *skb;
	unsigned int size;
	u8 *data;

	data = kmalloc(VETH_RX_HEADROOM + len, GFP_ATOMIC);
	if (!data)
		return NULL;

	/* make the slack part of the object before touching it */
	data = krealloc(data, ksize(data), GFP_ATOMIC);
	if (!data)
		return NULL;
	size = ksize(data);

	memset(data, 0, VETH_RX_HEADROOM);
	memcpy(data + VETH_RX_HEADROOM, pkt, len);
	memset(data + VETH_RX_HEADROOM + len, 0, size - VETH_RX_HEADROOM - len);

	skb = build_skb(data, size);
	if (!skb) {
		kfree(data);
		return NULL;
	}
	skb_reserve(skb, VETH_RX_HEADROOM);
	skb_put(skb, len);
	skb->dev = dev;
	return skb;
}

MODULE_LICENSE("GPL");
