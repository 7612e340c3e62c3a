// SPDX-License-Identifier: GPL-2.0
/*
 * Interior pointers handed to ksize(): p + 1, &p[2], &s->member at a
 * nonzero offset, and a pointer advanced in a while loop. (void *)s and
 * a cast to the first member's type are the object's start.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct hdr {
	u16 type;
	u16 flags;
	u32 len;
	u8 body[32];
};

size_t plus_one(size_t n)
{
	u32 *p = kmalloc_array(n, sizeof(*p), GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p + 1); /* expect: ksize-interior "4 bytes" */
}

size_t third_elem(void)
{
	u64 *p = kcalloc(8, sizeof(u64), GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(&p[2]); /* expect: ksize-interior "16 bytes" */
}

size_t body_size(void)
{
	struct hdr *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return 0;
	return ksize(&h->len); /* expect: ksize-interior */
}

size_t whole_size(void)
{
	struct hdr *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return 0;
	return ksize((void *)h);
}

size_t first_size(void)
{
	struct hdr *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return 0;
	return ksize(&h->type);
}

size_t scan_size(const char *src, size_t n)
{
	char *buf = kmemdup(src, n, GFP_KERNEL);
	char *s;

	if (!buf)
		return 0;
	s = buf + 1;
	while (*s == ' ')
		s++;
	return ksize(s); /* expect: ksize-interior */
}

size_t reset_size(size_t n)
{
	u8 *buf = kmalloc(n, GFP_KERNEL);
	u8 *cur;

	if (!buf)
		return 0;
	cur = buf + 4;
	cur -= 4;
	return ksize(cur);
}
