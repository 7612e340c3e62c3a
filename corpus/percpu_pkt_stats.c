// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU packet statistics of a tunnel device.  The memory report
 * calls ksize() on the per-CPU pointer, which is not a kmalloc object at
 * all.  The header that holds it is kmalloc'd and fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/percpu.h>
#include <linux/netdevice.h>

struct tun_pcpu_stats {
	u64 rx_packets;
	u64 rx_bytes;
	u64 tx_packets;
	u64 tx_bytes;
};

struct tun_priv {
	struct net_device *dev;
	struct tun_pcpu_stats __percpu *stats;
	char *ifalias;
};

static void tun_stats_fold(struct tun_priv *tp, struct net_device_stats *s)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct tun_pcpu_stats *p = per_cpu_ptr(tp->stats, cpu);

		s->rx_packets += p->rx_packets;
		s->rx_bytes += p->rx_bytes;
		s->tx_packets += p->tx_packets;
		s->tx_bytes += p->tx_bytes;
	}
}

struct tun_priv *tun_create(struct net_device *dev)
{
	struct tun_priv *tp;

	tp = kzalloc(sizeof(*tp), GFP_KERNEL);
	if (!tp)
		return NULL;
	tp->dev = dev;
	tp->stats = alloc_percpu(struct tun_pcpu_stats);
	if (!tp->stats) {
		kfree(tp);
		return NULL;
	}
	netdev_dbg(dev, "tunnel private %zu bytes\n", ksize(tp));
	netdev_dbg(dev, "stats %zu bytes per cpu\n", ksize(tp->stats)); /* expect: ksize-non-kmalloc */
	return tp;
}

void tun_destroy(struct tun_priv *tp)
{
	tun_stats_fold(tp, &tp->dev->stats);
	free_percpu(tp->stats);
	kfree(tp);
}

MODULE_LICENSE("GPL");
