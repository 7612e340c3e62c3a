// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Netlink-style attribute duplication helper that attributes the
 * allocation to its caller (kmalloc_track_caller()).  It pads the copy
 * with zeroes up to ksize(): a slack write whenever len is not a bucket
 * size.  The 80-byte policy blob goes to kmalloc-96 on x86_64
 * (kmalloc-128 where the minimum is 64 or 128): the tail clear is slack
 * on all of them.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define NLA_POLICY_LEN	80

static void *nla_dup_padded(const void *src, size_t len)
{
	u8 *p;

	p = kmalloc_track_caller(len, GFP_KERNEL);
	if (!p)
		return NULL;
	memcpy(p, src, len);
	memset(p + len, 0, ksize(p) - len); /* expect: slack-write */
	return p;
}

void *nla_dup_policy(const void *src)
{
	u8 *p;

	p = kzalloc(NLA_POLICY_LEN, GFP_KERNEL);
	if (!p)
		return NULL;
	memcpy(p, src, NLA_POLICY_LEN);
	memset(p + NLA_POLICY_LEN, 0, ksize(p) - NLA_POLICY_LEN); /* expect: slack-write */
	return p;
}

void *nla_dup_attr(const void *src, size_t len)
{
	return nla_dup_padded(src, len);
}

MODULE_LICENSE("GPL");
