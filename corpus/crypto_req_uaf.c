// SPDX-License-Identifier: GPL-2.0
/*
 * Request context of an async crypto engine.  The completion path frees
 * the bounce buffer and then accounts its size with ksize(), which is
 * after the free on every path.  In the submit path the buffer is freed
 * only when the engine rejects the request, but the statistics line
 * after it runs on both paths.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct cre_req {
	u8 *bounce;
	size_t len;
	int err;
};

struct cre_stats {
	size_t bounce_bytes;
	unsigned int rejects;
};

static struct cre_stats cre_stats;

int cre_hw_submit(u8 *buf, size_t len);

void cre_complete(struct cre_req *req)
{
	u8 *buf = req->bounce;

	kfree(buf);
	cre_stats.bounce_bytes -= ksize(buf); /* expect: ksize-after-free */
	req->bounce = NULL;
}

int cre_submit(struct cre_req *req, const u8 *src, size_t len)
{
	u8 *buf;
	int ret;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, src, len);

	ret = cre_hw_submit(buf, len);
	if (ret) {
		cre_stats.rejects++;
		kfree(buf);
	}
	cre_stats.bounce_bytes += ksize(buf); /* expect: ksize-after-free */
	if (ret)
		return ret;
	req->bounce = buf;
	req->len = len;
	return 0;
}

int cre_submit_fixed(struct cre_req *req, const u8 *src, size_t len)
{
	u8 *buf;
	int ret;

	buf = kmemdup(src, len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	/* accounted before anything can free it: fine */
	cre_stats.bounce_bytes += ksize(buf);
	ret = cre_hw_submit(buf, len);
	if (ret) {
		cre_stats.bounce_bytes -= ksize(buf);
		kfree(buf);
		return ret;
	}
	req->bounce = buf;
	req->len = len;
	return 0;
}

MODULE_LICENSE("GPL");
