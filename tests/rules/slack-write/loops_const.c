// SPDX-License-Identifier: GPL-2.0
/*
 * Loops and constant offsets: a loop bounded by ksize() or by a constant
 * past the request writes into the slack; one bounded by the request is
 * fine. Element counts derived from ksize() (ksize / sizeof) too.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct slot {
	void *ptr;
	u32 gen;
	u32 flags;
};

void fill_ksize(size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	for (i = 0; i < ksize(p); i++)
		p[i] = 0xa5; /* expect: slack-write */
	kfree(p);
}

void fill_request(size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	size_t i;

	if (!p)
		return;
	for (i = 0; i < n; i++)
		p[i] = 0xa5;
	kfree(p);
}

void fill_const(void)
{
	u8 *p = kmalloc(40, GFP_KERNEL);
	int i;

	if (!p)
		return;
	for (i = 0; i < 64; i++)
		p[i] = 0; /* expect: slack-write "bucket 64" */
	for (i = 0; i < 40; i++)
		p[i] = 1;
	p[39] = 2;
	p[40] = 3; /* expect: slack-write */
	kfree(p);
}

void fill_while(void)
{
	u32 *p = kmalloc_array(10, sizeof(u32), GFP_KERNEL);
	int i = 0;

	if (!p)
		return;
	while (i < 12) {
		p[i] = i; /* expect: slack-write */
		i++;
	}
	kfree(p);
}

struct slot *slots_alloc(unsigned int n)
{
	struct slot *s = kcalloc(n, sizeof(*s), GFP_KERNEL);
	size_t i, cnt;

	if (!s)
		return NULL;
	cnt = ksize(s) / sizeof(*s);
	for (i = 0; i < cnt; i++)
		s[i].gen = 1; /* expect: slack-write */
	return s;
}
