// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Configuration upload of an FPGA manager.  Small blobs come in with
 * memdup_user() (kmalloc; ERR_PTR on failure), big bitstreams with
 * vmemdup_user() (kvmalloc: may be vmalloc).  After the IS_ERR() check
 * the memdup_user() copy is a kmalloc start and ksize() on it is fine;
 * ksize() on the vmemdup_user() copy is not.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/err.h>

#define FPGA_CFG_MAX		4000
#define FPGA_BITSTREAM_MAX	(16 << 20)

struct fpga_mgr_stub {
	u8 *cfg;
	size_t cfg_len;
	u8 *bitstream;
	size_t bs_len;
	size_t mem;
};

int fpga_set_cfg(struct fpga_mgr_stub *m, const void __user *ubuf, size_t len)
{
	u8 *cfg;

	if (!len || len > FPGA_CFG_MAX)
		return -EINVAL;
	cfg = memdup_user(ubuf, len);
	if (IS_ERR(cfg))
		return PTR_ERR(cfg);
	m->mem += ksize(cfg);
	cfg[len - 1] = 0;
	kfree(m->cfg);
	m->cfg = cfg;
	m->cfg_len = len;
	return 0;
}

int fpga_load_bitstream(struct fpga_mgr_stub *m, const void __user *ubuf,
			size_t len)
{
	u8 *bs;

	if (len > FPGA_BITSTREAM_MAX)
		return -EFBIG;
	bs = vmemdup_user(ubuf, len);
	if (IS_ERR(bs))
		return PTR_ERR(bs);
	m->mem += ksize(bs); /* expect: ksize-maybe-non-kmalloc */
	kvfree(m->bitstream);
	m->bitstream = bs;
	m->bs_len = len;
	return 0;
}

MODULE_LICENSE("GPL");
