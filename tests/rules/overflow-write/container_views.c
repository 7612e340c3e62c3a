// SPDX-License-Identifier: GPL-2.0
/*
 * container_of() from a member back to a container larger than the
 * object: the container's fields are judged at their offsets from the
 * object's start. Only the 8-byte member was allocated (kmalloc-8), so
 * any field past it is past the bucket; a field before the member is
 * before the object and not judged here. When the whole container was
 * allocated, the same steps are fine.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct link {
	u32 id;
	u32 flags;
};

struct node {
	u64 key;
	struct link link;
	u32 weight[6];
};

struct node_first {
	struct link link;
	u64 count;
};

static void node_touch(struct link *l)
{
	struct node *n = container_of(l, struct node, link);

	n->weight[1] = l->id; /* expect: overflow-write "offset 12" */
}

static void node_first_touch(struct link *l)
{
	struct node_first *n = container_of(l, struct node_first, link);

	n->count++; /* expect: overflow-write */
}

int link_only(void)
{
	struct link *l = kzalloc(sizeof(*l), GFP_KERNEL);

	if (!l)
		return -ENOMEM;
	node_touch(l);
	node_first_touch(l);
	kfree(l);
	return 0;
}

int whole_nodes(void)
{
	struct node *n = kzalloc(sizeof(*n), GFP_KERNEL);
	struct node_first *nf = kzalloc(sizeof(*nf), GFP_KERNEL);

	if (!n || !nf)
		goto out;
	node_touch(&n->link);
	node_first_touch(&nf->link);
out:
	kfree(n);
	kfree(nf);
	return 0;
}
