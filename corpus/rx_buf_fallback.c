// SPDX-License-Identifier: GPL-2.0
/*
 * Receive buffers of a serial protocol driver.  Jumbo buffers try
 * vmalloc first and fall back to kmalloc; the choice is written with
 * ?: and || as drivers do.  ksize() on the result sees a vmalloc area on
 * some paths.  With && guarding a kmalloc-only pointer it is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

#define SPROT_JUMBO	(64 * 1024)

struct sprot {
	void *rxbuf;
	size_t rxlen;
	bool jumbo;
	void *hdrbuf;
};

void *sprot_alloc_rx(struct sprot *sp, size_t len)
{
	void *buf;

	buf = len > SPROT_JUMBO ? vmalloc(len) : kmalloc(len, GFP_KERNEL);
	if (!buf)
		return NULL;
	pr_debug("rx buffer %zu bytes\n", ksize(buf)); /* expect: ksize-maybe-non-kmalloc */
	return buf;
}

int sprot_alloc_rx_fallback(struct sprot *sp, size_t len)
{
	void *buf = NULL;

	if (!sp->jumbo || !(buf = vmalloc(len)))
		buf = kmalloc(len, GFP_KERNEL | __GFP_NOWARN);
	if (!buf)
		return -ENOMEM;
	sp->rxbuf = buf;
	sp->rxlen = ksize(buf); /* expect: ksize-maybe-non-kmalloc */
	return 0;
}

int sprot_alloc_hdr(struct sprot *sp, size_t len)
{
	sp->hdrbuf = kmalloc(len, GFP_KERNEL);
	if (sp->hdrbuf && ksize(sp->hdrbuf) > len)
		pr_debug("hdr buffer has %zu spare bytes\n", ksize(sp->hdrbuf) - len);
	return sp->hdrbuf ? 0 : -ENOMEM;
}

MODULE_LICENSE("GPL");
