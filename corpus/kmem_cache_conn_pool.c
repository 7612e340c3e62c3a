// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Connection tracking objects from a dedicated kmem_cache.  Clearing an
 * object with ksize() is wrong: kmem_cache objects are not kmalloc
 * objects (SLOB even reads a header that does not exist); the size to
 * use is the cache's object size.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct ct_conn {
	struct list_head node;
	__be32 saddr, daddr;
	__be16 sport, dport;
	u8 proto;
	u8 state;
	u64 last_seen;
	refcount_t ref;
};

static struct kmem_cache *ct_cache;
static LIST_HEAD(ct_list);
static DEFINE_SPINLOCK(ct_lock);

static struct ct_conn *ct_conn_new(__be32 saddr, __be32 daddr, u8 proto)
{
	struct ct_conn *c;

	c = kmem_cache_alloc(ct_cache, GFP_ATOMIC);
	if (!c)
		return NULL;
	memset(c, 0, ksize(c)); /* expect: ksize-non-kmalloc */
	c->saddr = saddr;
	c->daddr = daddr;
	c->proto = proto;
	return c;
}

static struct ct_conn *ct_conn_new_zeroed(u8 proto)
{
	struct ct_conn *c = kmem_cache_zalloc(ct_cache, GFP_ATOMIC);

	if (c)
		c->proto = proto;
	return c;
}

static void ct_conn_recycle(struct ct_conn *c)
{
	/* the right size: what the cache was created with */
	memset(c, 0, sizeof(*c));
}

int ct_track(__be32 saddr, __be32 daddr, u8 proto)
{
	struct ct_conn *c = ct_conn_new(saddr, daddr, proto);

	if (!c)
		return -ENOMEM;
	spin_lock_bh(&ct_lock);
	list_add_tail(&c->node, &ct_list);
	spin_unlock_bh(&ct_lock);
	return 0;
}

void ct_flush(void)
{
	struct ct_conn *c, *tmp;

	spin_lock_bh(&ct_lock);
	list_for_each_entry_safe(c, tmp, &ct_list, node) {
		list_del(&c->node);
		ct_conn_recycle(c);
		kmem_cache_free(ct_cache, c);
	}
	spin_unlock_bh(&ct_lock);
}

static int __init ct_init(void)
{
	struct ct_conn *probe;

	ct_cache = KMEM_CACHE(ct_conn, SLAB_HWCACHE_ALIGN);
	if (!ct_cache)
		return -ENOMEM;
	probe = ct_conn_new_zeroed(6);
	if (probe) {
		pr_debug("ct: object %u bytes\n", kmem_cache_size(ct_cache));
		pr_debug("ct: usable %zu bytes\n", ksize(probe)); /* expect: ksize-non-kmalloc */
		kmem_cache_free(ct_cache, probe);
	}
	return 0;
}

static void __exit ct_exit(void)
{
	ct_flush();
	kmem_cache_destroy(ct_cache);
}
module_init(ct_init);
module_exit(ct_exit);
MODULE_LICENSE("GPL");
