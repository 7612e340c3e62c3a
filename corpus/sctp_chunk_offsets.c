// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Chunk bundling of an SCTP-like transport.  A chunk buffer is one
 * kmalloc object: header, then parameters.  Pointers that are moved back
 * to the start (payload - header) are the object start again; &c->hdr
 * and &c->hdr.type sit at offset 0.  A pointer one descriptor into an
 * array (descs + 1) and the nested &c->hdr.length (offset 2) are
 * interior.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct sc_chunk_hdr {
	u8 type;
	u8 flags;
	__be16 length;
};

struct sc_chunk {
	struct sc_chunk_hdr hdr;
	u8 params[60];
};

struct sc_desc {
	u64 addr;
	u32 len;
	u32 flags;
};

size_t sc_bundle(const u8 *params, u16 plen)
{
	struct sc_chunk *c;
	u8 *payload, *base;
	size_t total = 0;

	if (plen > sizeof(c->params))
		return 0;
	c = kzalloc(sizeof(*c), GFP_ATOMIC);
	if (!c)
		return 0;
	c->hdr.type = 1;
	payload = (u8 *)c + sizeof(c->hdr);
	memcpy(payload, params, plen);
	base = payload - sizeof(c->hdr);
	total += ksize(base);
	total += ksize(&c->hdr);
	total += ksize(&c->hdr.type);
	total += ksize(&c->hdr.length); /* expect: ksize-interior */
	kfree(c);
	return total;
}

size_t sc_desc_ring(unsigned int n)
{
	struct sc_desc *descs;
	size_t ret;

	if (n < 2)
		return 0;
	descs = kcalloc(n, sizeof(*descs), GFP_KERNEL);
	if (!descs)
		return 0;
	ret = ksize(descs + 1); /* expect: ksize-interior */
	kfree(descs);
	return ret;
}

MODULE_LICENSE("GPL");
