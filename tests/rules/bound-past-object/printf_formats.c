// SPDX-License-Identifier: GPL-2.0
/*
 * Bounded printf-style writers told a size past the object: silent when
 * the size is the request, bound-past-object when the format's most fits
 * the request, slack-write or overflow-write (with the format's most as
 * the length) when it does not, and the size argument judged as before
 * when the format's output has no bound.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define CAP_LEN		128

char *capacity_line(unsigned long long cap)
{
	char *buf = kzalloc(CAP_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* 24 letters, a u64 (20), ';' and the NUL: 46 bytes */
	scnprintf(buf, 1024, "current_device_capacity=%llu;", cap); /* expect: bound-past-object */
	scnprintf(buf, CAP_LEN, "current_device_capacity=%llu;", cap);
	return buf;
}

char *port_name(int id)
{
	char *p = kmalloc(40, GFP_KERNEL);

	if (!p)
		return NULL;
	/* "port" and an int: 16 bytes, ksize() is 64 */
	snprintf(p, ksize(p), "port%d", id); /* expect: bound-past-object */
	return p;
}

char *tagged(int id)
{
	char *p = kzalloc(10, GFP_KERNEL);

	if (!p)
		return NULL;
	/* "tab\there" (8), an int (11), '\n', NUL: 21 > 16 */
	snprintf(p, 64, "tab\there%d\n", id); /* expect: overflow-write */
	return p;
}

char *pair(void)
{
	char *p = kzalloc(20, GFP_KERNEL);

	if (!p)
		return NULL;
	/* literals are never NULL: "abc-defg" and the NUL, 9 bytes */
	snprintf(p, 64, "%s-%s", "abc", "defg"); /* expect: bound-past-object */
	snprintf(p, 20, "%s-%s", "abc", "defg");
	return p;
}

char *slack_fmt(unsigned int v)
{
	char *p = kzalloc(20, GFP_KERNEL);

	if (!p)
		return NULL;
	/* "value=" (6), %10u padded to 10, "/" and %x (8), NUL: 26 > 20,
	 * inside kmalloc-32 */
	snprintf(p, 64, "value=%10u/%x", v, v); /* expect: slack-write */
	return p;
}

char *unknown_name(const char *name)
{
	char *p = kzalloc(20, GFP_KERNEL);

	if (!p)
		return NULL;
	/* %s of unknown length: up to the size argument */
	snprintf(p, 64, "%s", name); /* expect: overflow-write */
	snprintf(p, 20, "%s", name);
	return p;
}

int va_fill(char *unused, const char *fmt, va_list ap)
{
	char *p = kzalloc(16, GFP_KERNEL);
	int n;

	if (!p)
		return -ENOMEM;
	/* a va_list: every conversion at its widest, "id=%d" and the NUL
	 * are 15 bytes */
	n = vsnprintf(p, 32, "id=%d", ap); /* expect: bound-past-object */
	kfree(p);
	return n;
}

char *sized_line(size_t n)
{
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return NULL;
	/* 4 bytes against the request n cannot be judged: the size is */
	snprintf(p, ksize(p), "abc"); /* expect: slack-write "snprintf() ends at ksize(), past the requested size 'n'" */
	snprintf(p, n, "abc");
	return p;
}
