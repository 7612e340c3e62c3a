// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Flexible arrays sized with struct_size() (6.10+ stubs): an element at
 * the count is past the request. __counted_by() flex arrays the same.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/overflow.h>
#include <linux/string.h>

struct sample_set {
	u32 nr;
	u32 flags;
	u32 val[];
};

struct id_list {
	u16 nr;
	u16 pad;
	u32 ids[] __counted_by(nr);
};

struct sample_set *sample_set_new(void)
{
	struct sample_set *s = kzalloc(struct_size(s, val, 5), GFP_KERNEL);

	if (!s)
		return NULL;
	s->nr = 5;
	s->val[4] = 1;
	s->val[5] = 0; /* expect: slack-write */
	return s;
}

struct id_list *id_list_new(void)
{
	struct id_list *l = kmalloc(struct_size(l, ids, 4), GFP_KERNEL);

	if (!l)
		return NULL;
	l->nr = 4;
	l->ids[0] = 0;
	l->ids[4] = 0; /* expect: slack-write */
	return l;
}

struct sample_set *sample_set_fill(void)
{
	struct sample_set *s = kmalloc(struct_size(s, val, 10), GFP_KERNEL);
	int i;

	if (!s)
		return NULL;
	s->nr = 10;
	for (i = 0; i < 10; i++)
		s->val[i] = i;
	return s;
}

u32 *vals_clear(size_t n)
{
	u32 *v = kmalloc_array(n, sizeof(*v), GFP_KERNEL);

	if (!v)
		return NULL;
	memset(v, 0, ksize(v)); /* expect: slack-write */
	return v;
}
