// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * A packet buffer layout like the network core's: data first, a shared
 * info block at the very end.  Placing the end block at ksize() - 320
 * of a 1000-byte request (kmalloc-1024) puts bytes 704..1023 of it past
 * the request: a slack write.  Growing first with the krealloc idiom
 * (max(ksize(p), roundup(need))) and placing it by the new request is
 * fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define PKB_DATA	1000
#define PKB_SHINFO	320

struct pkb {
	u8 *head;
	unsigned int end;
};

int pkb_init(struct pkb *b)
{
	u8 *data;
	unsigned int end;

	data = kmalloc(PKB_DATA, GFP_ATOMIC);
	if (!data)
		return -ENOMEM;
	end = ksize(data) - PKB_SHINFO;
	memset(data + end, 0, PKB_SHINFO); /* expect: slack-write */
	b->head = data;
	b->end = end;
	return 0;
}

int pkb_init_grown(struct pkb *b, size_t need)
{
	u8 *data;
	size_t size;

	if (need < PKB_SHINFO || need > 4096)
		return -EINVAL;
	data = kmalloc(PKB_DATA, GFP_ATOMIC);
	if (!data)
		return -ENOMEM;
	size = max(ksize(data), kmalloc_size_roundup(need));
	data = krealloc(data, size, GFP_ATOMIC);
	if (!data)
		return -ENOMEM;
	memset(data + size - PKB_SHINFO, 0, PKB_SHINFO);
	b->head = data;
	b->end = size - PKB_SHINFO;
	return 0;
}

MODULE_LICENSE("GPL");
