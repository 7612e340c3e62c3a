// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware trace buffer of a wireless chip: 10000 bytes, above the
 * largest kmalloc cache (8192 with 4K pages), so kmalloc hands out an
 * order-2 compound page (16384 usable).  Clearing up to ksize() writes
 * 6384 bytes past the request; the write at byte 17000 is past the
 * pages altogether.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define WL_TRACE_LEN		10000
#define WL_TRACE_MARK_OFF	17000

struct wl_trace {
	u8 *buf;
	size_t len;
	size_t wp;
};

int wl_trace_init(struct wl_trace *t)
{
	t->buf = kmalloc(WL_TRACE_LEN, GFP_KERNEL);
	if (!t->buf)
		return -ENOMEM;
	memset(t->buf, 0, ksize(t->buf)); /* expect: slack-write */
	t->len = WL_TRACE_LEN;
	t->wp = 0;
	/* end-of-buffer marker for the firmware, at the wrong offset */
	t->buf[WL_TRACE_MARK_OFF] = 0xee; /* expect: overflow-write */
	return 0;
}

void wl_trace_push(struct wl_trace *t, const u8 *rec, size_t n)
{
	if (n > t->len)
		return;
	if (t->wp + n > t->len)
		t->wp = 0;
	memcpy(t->buf + t->wp, rec, n);
	t->wp += n;
}

MODULE_LICENSE("GPL");
