// SPDX-License-Identifier: GPL-2.0
/*
 * Capacity fields beyond cap = ksize(buf): a count of words,
 * ksize(words) / 4 (100 bytes requested, kmalloc-128: the loop writes up
 * to 128), and a header with a flexible array whose capacity counts
 * entries, (ksize(l) - offsetof(struct elist, table)) / 8, stored in the
 * list itself; the list is read back from a field filled through
 * WRITE_ONCE() and a same-file allocator helper. A capacity that another
 * function lowers (l->max = l->num) is not ksize() any more: silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>
#include <linux/bug.h>

struct ent;

struct elist {
	u32 num;
	u32 max;
	struct ent *table[];
};

struct owner {
	struct elist *list;
	u32 *words;
	u32 nwords;
};

static struct elist *elist_alloc(unsigned int n)
{
	struct elist *l;

	l = kmalloc(struct_size(l, table, n), GFP_KERNEL);
	if (!l)
		return NULL;
	l->max = (ksize(l) - offsetof(struct elist, table)) / sizeof(l->table[0]);
	l->num = 0;
	return l;
}

int owner_reserve(struct owner *o, unsigned int n)
{
	struct elist *l = elist_alloc(n);

	if (!l)
		return -ENOMEM;
	kfree(o->list);
	WRITE_ONCE(o->list, l);
	return 0;
}

void owner_add(struct owner *o, struct ent *e)
{
	struct elist *l = o->list;

	BUG_ON(l->num >= l->max);
	l->table[l->num] = e; /* expect: slack-write "ends at ksize()" */
	l->num++;
}

int owner_words(struct owner *o)
{
	o->words = kmalloc(100, GFP_KERNEL);
	if (!o->words)
		return -ENOMEM;
	o->nwords = ksize(o->words) / sizeof(u32);
	return 0;
}

void owner_words_clear(struct owner *o)
{
	u32 i;

	for (i = 0; i < o->nwords; i++)
		o->words[i] = 0; /* expect: slack-write "ends at ksize() = 128" */
}

/* the same list, but a debugging helper lowers the capacity */
struct dlist {
	u32 num;
	u32 max;
	struct ent *table[];
};

struct downer {
	struct dlist *list;
};

int downer_reserve(struct downer *o, unsigned int n)
{
	struct dlist *l = kmalloc(struct_size(l, table, n), GFP_KERNEL);

	if (!l)
		return -ENOMEM;
	l->max = (ksize(l) - offsetof(struct dlist, table)) / sizeof(l->table[0]);
	l->num = 0;
	o->list = l;
	return 0;
}

void downer_reset_max(struct downer *o)
{
	o->list->max = o->list->num;
}

void downer_add(struct downer *o, struct ent *e)
{
	struct dlist *l = o->list;

	BUG_ON(l->num >= l->max);
	l->table[l->num] = e;
	l->num++;
}
