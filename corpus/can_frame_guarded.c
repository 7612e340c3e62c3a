// SPDX-License-Identifier: GPL-2.0
/*
 * CAN FD frame reassembly: every access to the 300-byte reassembly
 * buffer is guarded by the requested size, in the different ways
 * drivers write it (early return, combined condition, loop bound,
 * offset + len check).  Nothing here is a finding.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define CANR_BUF_LEN	300

struct canr {
	u8 *buf;
	size_t off;
};

int canr_init(struct canr *r)
{
	r->buf = kzalloc(CANR_BUF_LEN, GFP_KERNEL);
	if (!r->buf)
		return -ENOMEM;
	r->off = 0;
	return 0;
}

int canr_push(const u8 *frag, size_t len)
{
	u8 *buf;
	size_t off = 0, i;

	buf = kzalloc(CANR_BUF_LEN, GFP_ATOMIC);
	if (!buf)
		return -ENOMEM;

	if (len > CANR_BUF_LEN) {
		kfree(buf);
		return -EMSGSIZE;
	}
	memcpy(buf, frag, len);
	off = len;

	if (off < CANR_BUF_LEN)
		buf[off] = 0;

	for (i = off; i < CANR_BUF_LEN; i++)
		buf[i] = 0xcc;

	if (len >= 2 && off + 2 <= CANR_BUF_LEN)
		memset(buf + off - 2, 0, 2);

	buf[CANR_BUF_LEN - 1] = 0;
	kfree(buf);
	return 0;
}

int canr_peek(const u8 *frag, size_t len, u8 *out, size_t idx)
{
	u8 *buf = kmemdup(frag, CANR_BUF_LEN, GFP_ATOMIC);

	if (!buf)
		return -ENOMEM;
	*out = idx < CANR_BUF_LEN ? buf[idx] : 0;
	kfree(buf);
	return 0;
}

MODULE_LICENSE("GPL");
