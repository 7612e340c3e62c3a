// SPDX-License-Identifier: GPL-2.0
/*
 * Writes past the bucket: a fixed-size memset larger than the bucket,
 * an index at the bucket end, a struct_size() flex array written past
 * the bucket. The same writes within the request are silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

struct rec {
	u32 n;
	u32 v[];
};

void *clear_big(void)
{
	void *p = kmalloc(100, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, 129); /* expect: overflow-write */
	return p;
}

void *clear_ok(void)
{
	void *p = kmalloc(100, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0, 100);
	return p;
}

struct rec *rec_new(void)
{
	struct rec *r = kzalloc(struct_size(r, v, 7), GFP_KERNEL);

	if (!r)
		return NULL;
	r->n = 7;
	r->v[8] = 0; /* expect: overflow-write */
	return r;
}

u8 *tail_byte(void)
{
	u8 *p = kmalloc_array(20, 10, GFP_KERNEL);

	if (!p)
		return NULL;
	p[255] = 0; /* expect: slack-write */
	p[256] = 0; /* expect: overflow-write */
	return p;
}
