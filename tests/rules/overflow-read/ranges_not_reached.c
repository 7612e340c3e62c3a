// SPDX-License-Identifier: GPL-2.0
/*
 * Ranges whose upper end no path reaches (silent): an index advanced by
 * data-dependent steps and guarded by a relation with the length; a
 * field holding objects of two allocation sites of different sizes read
 * back in a third function.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#define PBUF_SIZE 512

static int find_page(u8 *buffer, int len, int offset)
{
	while (offset < len) {
		u8 code = buffer[offset] & 0x3f;
		u8 spf = buffer[offset] & 0x40;

		if (code == 8) {
			if (len - offset <= 2)
				return -1;
			return buffer[offset + 2];
		}
		if (spf && len - offset > 3)
			offset += 4 + (buffer[offset + 2] << 8) +
				  buffer[offset + 3];
		else if (!spf && len - offset > 1)
			offset += 2 + buffer[offset + 1];
		else
			return -1;
	}
	return 0;
}

int read_pages(int len, int hdr)
{
	u8 *buffer = kmalloc(PBUF_SIZE, GFP_KERNEL);
	int r;

	if (!buffer)
		return -ENOMEM;
	if (len > PBUF_SIZE)
		len = PBUF_SIZE;
	r = find_page(buffer, len, hdr);
	kfree(buffer);
	return r;
}

struct tfm_cfg {
	unsigned int count;
	union {
		void **tfms;
		void **tfms_aead;
	} cipher;
};

static void free_tfms(struct tfm_cfg *cc)
{
	unsigned int i;

	if (!cc->cipher.tfms)
		return;
	for (i = 0; i < cc->count; i++)
		if (cc->cipher.tfms[i])
			cc->cipher.tfms[i] = NULL;
	kfree(cc->cipher.tfms);
	cc->cipher.tfms = NULL;
}

int alloc_tfms_many(struct tfm_cfg *cc)
{
	cc->cipher.tfms = kcalloc(cc->count, sizeof(void *), GFP_KERNEL);
	if (!cc->cipher.tfms)
		return -ENOMEM;
	return 0;
}

int alloc_tfms_one(struct tfm_cfg *cc, void *tfm)
{
	cc->cipher.tfms = kmalloc(sizeof(void *), GFP_KERNEL);
	if (!cc->cipher.tfms)
		return -ENOMEM;
	cc->cipher.tfms_aead[0] = tfm;
	if (!tfm) {
		free_tfms(cc);
		return -EINVAL;
	}
	return 0;
}
