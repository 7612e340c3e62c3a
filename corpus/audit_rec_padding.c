// SPDX-License-Identifier: GPL-2.0
/*
 * Audit records with a flexible array after a u64 and a u8 header
 * field.  sizeof(struct arec) is 16 but the array starts at offset 9,
 * and struct_size() is sizeof() + n, so struct_size(r, data, 290)
 * requests 306 bytes (kmalloc-512) and data[296] (byte 305) is still
 * inside the request.  data[297] (byte 306) is the first slack byte.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>

#define AREC_DATA	290

struct arec {
	u64 stamp;
	u8 type;
	u8 data[];
};

struct arec *arec_new(u8 type, const u8 *msg, size_t n)
{
	struct arec *r;

	if (n > AREC_DATA)
		return NULL;
	r = kzalloc(struct_size(r, data, AREC_DATA), GFP_KERNEL);
	if (!r)
		return NULL;
	r->type = type;
	memcpy(r->data, msg, n);
	/* the padding of struct arec is part of the request */
	r->data[296] = '\0';
	return r;
}

struct arec *arec_new_marked(u8 type)
{
	struct arec *r;

	r = kzalloc(struct_size(r, data, AREC_DATA), GFP_KERNEL);
	if (!r)
		return NULL;
	r->type = type;
	r->data[297] = 0xff; /* expect: slack-write */
	return r;
}

MODULE_LICENSE("GPL");
