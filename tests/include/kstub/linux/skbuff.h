/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: a small part of the sk_buff API.  skb->head is a
 * kmalloc'd buffer in the real kernel, but the corpus treats skb
 * internals as opaque.  Not kernel source.
 */
#ifndef _KSTUB_LINUX_SKBUFF_H
#define _KSTUB_LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/gfp.h>

struct net_device;

struct sk_buff {
	struct sk_buff *next;
	struct net_device *dev;
	unsigned int len;
	unsigned int data_len;
	u16 protocol;
	unsigned char *head;
	unsigned char *data;
	unsigned int tail;
	unsigned int end;
};

struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length);
struct sk_buff *build_skb(void *data, unsigned int frag_size);
void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
void dev_kfree_skb_any(struct sk_buff *skb);
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len);
void skb_reserve(struct sk_buff *skb, int len);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);

#endif /* _KSTUB_LINUX_SKBUFF_H */
