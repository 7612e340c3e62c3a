/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: a small part of the netdev API. Not kernel source. */
#ifndef _KSTUB_LINUX_NETDEVICE_H
#define _KSTUB_LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/skbuff.h>

#define IFNAMSIZ	16
#define ETH_ALEN	6
#define ETH_HLEN	14
#define ETH_DATA_LEN	1500
#define ETH_FRAME_LEN	1514

typedef enum netdev_tx {
	NETDEV_TX_OK	= 0x00,
	NETDEV_TX_BUSY	= 0x10,
} netdev_tx_t;

struct net_device_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_bytes;
	unsigned long tx_bytes;
	unsigned long rx_errors;
	unsigned long tx_errors;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
};

struct net_device {
	char name[IFNAMSIZ];
	unsigned int mtu;
	unsigned int flags;
	struct net_device_stats stats;
	struct device dev;
	unsigned char dev_addr[ETH_ALEN];
};

void *netdev_priv(const struct net_device *dev);
struct net_device *alloc_etherdev(int sizeof_priv);
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
void netif_stop_queue(struct net_device *dev);
void netif_wake_queue(struct net_device *dev);
int netif_rx(struct sk_buff *skb);
__printf(2, 3) void netdev_err(const struct net_device *dev, const char *fmt, ...);
__printf(2, 3) void netdev_dbg(const struct net_device *dev, const char *fmt, ...);
__printf(2, 3) void netdev_info(const struct net_device *dev, const char *fmt, ...);

#endif /* _KSTUB_LINUX_NETDEVICE_H */
