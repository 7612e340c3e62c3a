// SPDX-License-Identifier: GPL-2.0
/*
 * Guards that are off by one against the allocation (300 bytes,
 * kmalloc-512), judged through the relations the guard records: a
 * pointer difference tested before a pre-increment store lets the
 * store land at byte 300; a length sum tested with `>` against the size
 * forgets the terminating NUL, which lands at byte 300; `<=` where `<`
 * was meant reaches element 75 of 75. Each twin with the right guard is
 * silent, and so is a sum whose parts step by more than one.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define LB_SIZE 300

int lb_put_chars(const char *src, int n)
{
	char *buf = kmalloc(LB_SIZE, GFP_KERNEL);
	char *p = buf;
	int i;

	if (!buf)
		return -ENOMEM;
	*p = 0;
	for (i = 0; i < n; i++) {
		if (p - buf > LB_SIZE - 1)
			break;
		*++p = src[i]; /* expect: slack-write "offset [1, 300]" */
	}
	kfree(buf);
	return 0;
}

int lb_put_chars_ok(const char *src, int n)
{
	char *buf = kmalloc(LB_SIZE, GFP_KERNEL);
	char *p;
	int i;

	if (!buf)
		return -ENOMEM;
	p = buf;
	*p = 0;
	for (i = 0; i < n; i++) {
		if (p - buf >= LB_SIZE - 1)
			break;
		*++p = src[i];
	}
	kfree(buf);
	return 0;
}

int lb_join(const char *a, size_t la, const char *b, size_t lb)
{
	char *buf = kmalloc(LB_SIZE, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (la + lb > LB_SIZE)
		goto out;
	memcpy(buf, a, la);
	memcpy(buf + la, b, lb);
	buf[la + lb] = 0; /* expect: slack-write "ends at 301" */
out:
	kfree(buf);
	return 0;
}

int lb_join_ok(const char *a, size_t la, const char *b, size_t lb)
{
	char *buf = kmalloc(LB_SIZE, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (la + lb + 1 > LB_SIZE)
		goto out;
	memcpy(buf, a, la);
	memcpy(buf + la, b, lb);
	buf[la + lb] = 0;
out:
	kfree(buf);
	return 0;
}

int lb_words(const u32 *w, size_t nw, size_t extra)
{
	u8 *buf = kmalloc(LB_SIZE, GFP_KERNEL);
	size_t off;

	if (!buf)
		return -ENOMEM;
	for (off = 0; off + extra < LB_SIZE; off += 4)
		buf[off + extra] = 1;
	kfree(buf);
	return 0;
}

int lb_slot(unsigned int idx)
{
	u32 *t = kmalloc_array(75, sizeof(u32), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	if (idx <= 75)
		t[idx] = 1; /* expect: slack-write */
	kfree(t);
	return 0;
}

int lb_slot_ok(unsigned int idx)
{
	u32 *t = kmalloc_array(75, sizeof(u32), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	if (idx < 75)
		t[idx] = 1;
	kfree(t);
	return 0;
}

int lb_join_sized(const char *a, size_t la, const char *b, size_t lb,
		  size_t size)
{
	char *buf = kmalloc(size, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (la + lb > size)
		goto out;
	memcpy(buf, a, la);
	memcpy(buf + la, b, lb);
	buf[la + lb] = 0; /* expect: slack-write "1 byte past size" */
out:
	kfree(buf);
	return 0;
}
