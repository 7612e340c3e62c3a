// SPDX-License-Identifier: GPL-2.0
/*
 * Ring indices wrapped with `% size`: buf[i % cap] is bounded by cap - 1
 * and reaches it when i runs over cap values. With cap = ksize(buf) of
 * a 300-byte request (kmalloc-512) the last byte is slack; wrapped by
 * the request, by a rounded size, or by the variable request itself it
 * is fine. A modulus one past the request (301) reaches byte 300. A
 * scaled index (i * 8 % 16) takes only some values and is not judged
 * as reaching the top.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#define RING_REQ 300

void ring_fill_ksize(const u8 *src, size_t n, unsigned int start)
{
	u8 *buf = kmalloc(RING_REQ, GFP_KERNEL);
	size_t cap, i;

	if (!buf)
		return;
	cap = ksize(buf);
	for (i = 0; i < n; i++)
		buf[(start + i) % cap] = src[i]; /* expect: slack-write "ksize() = 512" */
	kfree(buf);
}

void ring_fill_req(const u8 *src, size_t n, unsigned int start)
{
	u8 *buf = kmalloc(RING_REQ, GFP_KERNEL);
	size_t i;

	if (!buf)
		return;
	for (i = 0; i < n; i++)
		buf[(start + i) % RING_REQ] = src[i];
	kfree(buf);
}

void ring_fill_rounded(const u8 *src, size_t n, unsigned int start)
{
	size_t cap = kmalloc_size_roundup(RING_REQ), i;
	u8 *buf = kmalloc(cap, GFP_KERNEL);

	if (!buf)
		return;
	for (i = 0; i < n; i++)
		buf[(start + i) % cap] = src[i];
	kfree(buf);
}

void ring_fill_sized(const u8 *src, size_t n, unsigned int start,
		     size_t size)
{
	u8 *buf = kmalloc(size, GFP_KERNEL);
	size_t i;

	if (!buf)
		return;
	for (i = 0; i < n; i++)
		buf[(start + i) % ksize(buf)] = src[i]; /* expect: slack-write */
	for (i = 0; i < n; i++)
		buf[(start + i) % size] = src[i];
	kfree(buf);
}

void ring_fill_past(const u8 *src, size_t n, unsigned int start)
{
	u8 *buf = kmalloc(RING_REQ, GFP_KERNEL);
	size_t i;

	if (!buf)
		return;
	for (i = 0; i < n; i++)
		buf[(start + i) % (RING_REQ + 1)] = src[i]; /* expect: slack-write "ends at 301" */
	kfree(buf);
}

void ring_fill_scaled(const u8 *src, size_t n)
{
	u8 *buf = kmalloc(15, GFP_KERNEL);
	size_t i;

	if (!buf)
		return;
	for (i = 0; i < n; i++)
		buf[(i * 8) % 16] = src[i];
	kfree(buf);
}
