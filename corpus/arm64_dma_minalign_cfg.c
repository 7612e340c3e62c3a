// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: --slab-config arm64-slub-6.1 */
/*
 * Judged as arm64 SLUB 6.1, where ARCH_DMA_MINALIGN (128) is the minimum
 * kmalloc object and the 96/192 caches do not exist: kmalloc(65) gets
 * 128 bytes and kmalloc(150) gets 256.  The same writes that overflow
 * kmalloc-96/-192 on x86_64 are slack here; byte 130 of a 100-byte
 * object is past 128 on both.  A non-coherent DMA engine driver, where
 * the large minimum alignment comes from.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>

#define NCDMA_STATUS_LEN	65
#define NCDMA_DESC_LEN		150
#define NCDMA_SMALL_LEN		100

struct ncdma {
	struct device *dev;
	u8 *status;
	u8 *desc;
};

int ncdma_init(struct ncdma *d)
{
	u8 *status, *desc;

	status = kzalloc(NCDMA_STATUS_LEN, GFP_KERNEL);
	if (!status)
		return -ENOMEM;
	/* cache-line flag at byte 100: kmalloc-128 here */
	status[100] = 1; /* expect: slack-write */

	desc = kzalloc(NCDMA_DESC_LEN, GFP_KERNEL);
	if (!desc) {
		kfree(status);
		return -ENOMEM;
	}
	memset(desc, 0, ksize(desc)); /* expect: slack-write "256" */
	desc[200] = 0x80; /* expect: slack-write */

	d->status = status;
	d->desc = desc;
	return 0;
}

int ncdma_small(struct ncdma *d)
{
	u8 *p = kmalloc(NCDMA_SMALL_LEN, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p[NCDMA_SMALL_LEN - 1] = 0;
	p[130] = 0; /* expect: overflow-write */
	kfree(p);
	return 0;
}

MODULE_LICENSE("GPL");
