// SPDX-License-Identifier: GPL-2.0
/*
 * Field facts carry the requested size: a pointer field that every store
 * fills with kmalloc(1500) gives, in another function, an object of 1500
 * bytes (kmalloc-2k); one filled with kmalloc(20000) is page-backed
 * (order-3 pages, 32768 bytes). A size equal to a sibling field
 * (r->ring = kmalloc_array(n, 4) with r->nr = n) makes the field the
 * bound: i < r->nr is fine, i <= r->nr writes 4 bytes of slack. A second
 * store of another size, or a store of the length on its own, breaks the
 * fact.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_port {
	u8 *rx_buf;
	u8 *fw;
};

struct foo_ring {
	u32 *ring;
	unsigned int nr;
};

/* two stores of different sizes */
struct foo_tx {
	u8 *buf;
};

/* the length is also stored on its own */
struct foo_log {
	u32 *ent;
	unsigned int nent;
};

int foo_port_init(struct foo_port *p)
{
	p->rx_buf = kmalloc(1500, GFP_KERNEL);
	p->fw = kmalloc(20000, GFP_KERNEL);
	if (!p->rx_buf || !p->fw)
		return -ENOMEM;
	return 0;
}

void foo_port_clear(struct foo_port *p)
{
	memset(p->rx_buf, 0, 1536); /* expect: slack-write "requested size 1500" */
	memset(p->rx_buf, 0, 1500);
	memset(p->fw, 0, 20480); /* expect: slack-write "bucket 32768 (order-3 pages)" */
	memset(p->fw, 0, 40000); /* expect: overflow-write "past the end of bucket 32768" */
}

int foo_ring_init(struct foo_ring *r, unsigned int n)
{
	r->nr = n;
	r->ring = kmalloc_array(n, sizeof(u32), GFP_KERNEL);
	return r->ring ? 0 : -ENOMEM;
}

void foo_ring_clear(struct foo_ring *r)
{
	unsigned int i;

	for (i = 0; i < r->nr; i++)
		r->ring[i] = 0;
	for (i = 0; i <= r->nr; i++)
		r->ring[i] = 0; /* expect: slack-write "4 bytes past" */
}

void foo_tx_init(struct foo_tx *t, int big)
{
	if (big)
		t->buf = kmalloc(2000, GFP_KERNEL);
	else
		t->buf = kmalloc(1500, GFP_KERNEL);
}

void foo_tx_clear(struct foo_tx *t)
{
	memset(t->buf, 0, 1536);
}

int foo_log_init(struct foo_log *l, unsigned int n)
{
	l->nent = n;
	l->ent = kmalloc_array(n, sizeof(u32), GFP_KERNEL);
	return l->ent ? 0 : -ENOMEM;
}

void foo_log_trim(struct foo_log *l, unsigned int used)
{
	l->nent = used;
}

void foo_log_clear(struct foo_log *l)
{
	unsigned int i;

	for (i = 0; i <= l->nent; i++)
		l->ent[i] = 0;
}
