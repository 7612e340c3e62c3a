// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Video decoder context.  Static helpers allocate (vpu_alloc_words:
 * kmalloc_array of n 8-byte words), free (vpu_put_buf), and return
 * vmalloc memory (vpu_alloc_frame).  The caller clears 40 words of a
 * 37-word allocation (296 bytes requested, 320 written, kmalloc-512):
 * slack.  It then uses ksize() on a pointer a helper already freed, and
 * on the vmalloc'd frame.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

#define VPU_REG_WORDS		37
#define VPU_REG_WORDS_HW	40

struct vpu_ctx {
	u64 *regs;
	u8 *frame;
	u8 *bitstream;
	size_t mem;
};

static u64 *vpu_alloc_words(struct vpu_ctx *ctx, size_t nwords)
{
	return kmalloc_array(nwords, sizeof(u64), GFP_KERNEL);
}

static void vpu_put_buf(struct vpu_ctx *ctx, void *buf)
{
	kfree(buf);
}

static u8 *vpu_alloc_frame(struct vpu_ctx *ctx, unsigned int w, unsigned int h)
{
	return vzalloc(w * h * 3 / 2);
}

int vpu_ctx_init(struct vpu_ctx *ctx, const u8 *bs, size_t bs_len)
{
	u64 *regs;
	u8 *bsbuf;
	int i;

	regs = vpu_alloc_words(ctx, VPU_REG_WORDS);
	if (!regs)
		return -ENOMEM;
	for (i = 0; i < VPU_REG_WORDS_HW; i++)
		regs[i] = 0; /* expect: slack-write */

	bsbuf = kmemdup(bs, bs_len, GFP_KERNEL);
	if (!bsbuf)
		goto err_regs;
	vpu_put_buf(ctx, bsbuf);
	ctx->mem = ksize(bsbuf); /* expect: ksize-after-free "57 by vpu_put_buf() (kfree() at line 34), on every path" */

	ctx->frame = vpu_alloc_frame(ctx, 320, 240);
	if (!ctx->frame)
		goto err_regs;
	ctx->mem += ksize(ctx->frame); /* expect: ksize-non-kmalloc */

	ctx->regs = regs;
	return 0;

err_regs:
	vpu_put_buf(ctx, regs);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
