// SPDX-License-Identifier: GPL-2.0
/*
 * Key material of a VPN tunnel, allocated per peer on its NUMA node.
 * Wiping it with memzero_explicit() over __ksize() clears 212 bytes of
 * slack past the 300 requested (kmalloc-512); the accounting after
 * kfree_sensitive() calls __ksize() on freed memory.  The rekey path
 * wipes exactly the requested length.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define WGK_KEYS_LEN	300

struct wgk_peer {
	u8 *keys;
	int node;
	size_t key_mem;
};

int wgk_peer_keys_alloc(struct wgk_peer *peer)
{
	peer->keys = kzalloc_node(WGK_KEYS_LEN, GFP_KERNEL, peer->node);
	if (!peer->keys)
		return -ENOMEM;
	peer->key_mem = __ksize(peer->keys);
	return 0;
}

void wgk_peer_keys_wipe(struct wgk_peer *peer)
{
	u8 *keys = kmalloc_node(WGK_KEYS_LEN, GFP_KERNEL, peer->node);

	if (!keys)
		return;
	memzero_explicit(keys, __ksize(keys)); /* expect: slack-write */
	kfree(keys);
}

void wgk_peer_keys_free(struct wgk_peer *peer)
{
	u8 *keys = peer->keys;

	kfree_sensitive(keys);
	peer->key_mem -= __ksize(keys); /* expect: ksize-after-free */
	peer->keys = NULL;
}

int wgk_peer_rekey(struct wgk_peer *peer, const u8 *fresh)
{
	u8 *keys = kmalloc_node(WGK_KEYS_LEN, GFP_KERNEL, peer->node);

	if (!keys)
		return -ENOMEM;
	memcpy(keys, fresh, WGK_KEYS_LEN);
	memzero_explicit(keys, WGK_KEYS_LEN);
	kfree(keys);
	return 0;
}

MODULE_LICENSE("GPL");
