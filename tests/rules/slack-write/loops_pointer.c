// SPDX-License-Identifier: GPL-2.0
/*
 * Pointer loops: a cursor run to an end pointer into the same object.
 * Run to buf + ksize(buf), a byte cursor writes the slack; run to the
 * requested end it stays inside. A word cursor's last position is not
 * known without its step in bytes: no verdict (known-to-fail).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

char *pad_buffer(size_t n)
{
	char *buf = kmalloc(n + 1, GFP_KERNEL);
	char *q, *end;

	if (!buf)
		return NULL;
	end = buf + ksize(buf);
	for (q = buf + n; q < end; q++)
		*q = ' '; /* expect: slack-write "ends at ksize()" */
	return buf;
}

char *pad_request(size_t n)
{
	char *buf = kmalloc(n, GFP_KERNEL);
	char *q, *end;

	if (!buf)
		return NULL;
	end = buf + n;
	for (q = buf; q < end; q++)
		*q = ' ';
	return buf;
}

u32 *fill_words(void)
{
	u32 *w = kmalloc(100, GFP_KERNEL);
	u32 *e, *c;

	if (!w)
		return NULL;
	e = (u32 *)((u8 *)w + ksize(w));
	for (c = w; c < e; c++)
		*c = 0; /* expect: slack-write known-to-fail */
	return w;
}

char *scan_back(void)
{
	char *buf = kzalloc(60, GFP_KERNEL);
	char *q;

	if (!buf)
		return NULL;
	for (q = buf + ksize(buf) - 1; q >= buf; q--)
		*q = 0; /* expect: slack-write */
	return buf;
}
