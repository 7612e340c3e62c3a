// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware loader for a DSP: small images are copied into a kmalloc
 * buffer, big ones into vmalloc.  A debug print later asks ksize() for
 * the image size, which is only valid on the kmalloc path.  The padding
 * of the small copy clears up to ksize(): a slack write.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/firmware.h>
#include <linux/device.h>

#define DSP_FW_NAME		"acme/dsp.bin"
#define DSP_FW_SMALL_MAX	(2 * PAGE_SIZE)

struct dsp {
	struct device *dev;
	void *image;
	size_t image_len;
	bool image_vmalloced;
};

static int dsp_copy_image(struct dsp *dsp, const struct firmware *fw)
{
	void *img;

	if (fw->size > DSP_FW_SMALL_MAX) {
		img = vmalloc(fw->size);
		dsp->image_vmalloced = true;
	} else {
		img = kmalloc(fw->size, GFP_KERNEL);
		dsp->image_vmalloced = false;
	}
	if (!img)
		return -ENOMEM;

	memcpy(img, fw->data, fw->size);
	dev_dbg(dsp->dev, "image copy uses %zu bytes\n", ksize(img)); /* expect: ksize-maybe-non-kmalloc */

	dsp->image = img;
	dsp->image_len = fw->size;
	return 0;
}

static void *dsp_dup_padded(struct dsp *dsp, const struct firmware *fw)
{
	u8 *buf;

	if (fw->size > DSP_FW_SMALL_MAX)
		return NULL;
	buf = kmemdup(fw->data, fw->size, GFP_KERNEL);
	if (!buf)
		return NULL;
	/* zero the tail the DSP DMA engine may prefetch */
	memset(buf + fw->size, 0, ksize(buf) - fw->size); /* expect: slack-write */
	return buf;
}

int dsp_load_firmware(struct dsp *dsp)
{
	const struct firmware *fw;
	void *padded;
	int ret;

	ret = request_firmware(&fw, DSP_FW_NAME, dsp->dev);
	if (ret)
		return ret;

	ret = dsp_copy_image(dsp, fw);
	if (ret)
		goto out_release;

	padded = dsp_dup_padded(dsp, fw);
	kfree(padded);
out_release:
	release_firmware(fw);
	return ret;
}

MODULE_LICENSE("GPL");
MODULE_FIRMWARE(DSP_FW_NAME);
