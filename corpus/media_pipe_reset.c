// SPDX-License-Identifier: GPL-2.0
/*
 * Reset of a camera pipeline context.  A static helper releases the
 * context's buffers (it frees fields of its argument); the reset path
 * then accounts the old lookup table with ksize() after the helper
 * already freed it.  After the fields are reallocated, ksize() is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define MP_LUT_LEN	1000
#define MP_SCRATCH_LEN	300

struct mp_ctx {
	u16 *lut;
	u8 *scratch;
	size_t mem;
};

static void mp_release_bufs(struct mp_ctx *ctx)
{
	kfree(ctx->scratch);
	kfree(ctx->lut);
}

int mp_reset(struct mp_ctx *ctx)
{
	mp_release_bufs(ctx);
	ctx->mem -= ksize(ctx->lut); /* expect: ksize-after-free */

	ctx->lut = kzalloc(MP_LUT_LEN, GFP_KERNEL);
	ctx->scratch = kzalloc(MP_SCRATCH_LEN, GFP_KERNEL);
	if (!ctx->lut || !ctx->scratch) {
		kfree(ctx->lut);
		kfree(ctx->scratch);
		ctx->lut = NULL;
		ctx->scratch = NULL;
		return -ENOMEM;
	}
	ctx->mem = ksize(ctx->lut) + ksize(ctx->scratch);
	return 0;
}

MODULE_LICENSE("GPL");
