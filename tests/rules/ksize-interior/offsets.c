// SPDX-License-Identifier: GPL-2.0
/*
 * ksize() needs the start of the object: p + off, &obj->member at a
 * nonzero offset, &arr[i] past the first element, a pointer advanced in
 * a loop. Stepping back from a caller's interior pointer (ptr -= hdr) is
 * the valid idiom and stays silent, as does &obj->first_member.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct msg {
	u32 len;
	u32 flags;
	u8 payload[];
};

#define MSG_HDR	sizeof(struct msg)

size_t payload_size(size_t n)
{
	u8 *buf = kmalloc(n + 8, GFP_KERNEL);

	if (!buf)
		return 0;
	return ksize(buf + 8); /* expect: ksize-interior "8 bytes" */
}

size_t member_size(size_t n)
{
	struct msg *m = kmalloc(struct_size(m, payload, n), GFP_KERNEL);

	if (!m)
		return 0;
	return ksize(&m->flags); /* expect: ksize-interior */
}

size_t flex_size(size_t n)
{
	struct msg *m = kmalloc(struct_size(m, payload, n), GFP_KERNEL);

	if (!m)
		return 0;
	return ksize(m->payload); /* expect: ksize-interior */
}

size_t first_member_size(size_t n)
{
	struct msg *m = kmalloc(struct_size(m, payload, n), GFP_KERNEL);

	if (!m)
		return 0;
	return ksize(&m->len);
}

size_t elem_size(void)
{
	u32 *arr = kcalloc(16, sizeof(*arr), GFP_KERNEL);

	if (!arr)
		return 0;
	return ksize(&arr[3]); /* expect: ksize-interior "12 bytes" */
}

size_t walk_size(size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	u8 *q;

	if (!p)
		return 0;
	q = p;
	q += 16;
	return ksize(q); /* expect: ksize-interior */
}

size_t param_member_size(struct msg *m)
{
	return ksize(&m->flags); /* expect: ksize-interior */
}

size_t user_ptr_size(void *obj)
{
	u8 *p = obj;

	p -= MSG_HDR;
	return ksize(p);
}
