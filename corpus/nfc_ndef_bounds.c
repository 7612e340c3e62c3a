// SPDX-License-Identifier: GPL-2.0
/*
 * NDEF record parser of an NFC controller driver.  The record type is
 * copied into a 300-byte buffer (kmalloc-512) and NUL-terminated; each
 * guard below is written a different way and each keeps the terminator
 * inside the 300 bytes, except the last one, whose guard is off by one.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define NDEF_TYPE_MAX	300

struct ndef_rec {
	char *type;
	u8 tnf;
};

static char *ndef_type_alloc(void)
{
	return kmalloc(NDEF_TYPE_MAX, GFP_KERNEL);
}

int ndef_parse_type_a(struct ndef_rec *r, const u8 *p, size_t len)
{
	char *t;

	if (len > NDEF_TYPE_MAX - 1)
		return -EINVAL;
	t = kmalloc(NDEF_TYPE_MAX, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	memcpy(t, p, len);
	t[len] = '\0';
	r->type = t;
	return 0;
}

int ndef_parse_type_b(struct ndef_rec *r, const u8 *p, size_t len)
{
	char *t;

	if (len >= NDEF_TYPE_MAX)
		return -EINVAL;
	t = ndef_type_alloc();
	if (!t)
		return -ENOMEM;
	memcpy(t, p, len);
	t[len] = '\0';
	r->type = t;
	return 0;
}

int ndef_parse_type_c(struct ndef_rec *r, const u8 *p, size_t len)
{
	char *t;
	size_t i;

	t = kzalloc(NDEF_TYPE_MAX, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	for (i = 0; i < len && i < NDEF_TYPE_MAX - 1; i++)
		t[i] = p[i];
	t[i] = '\0';
	r->type = t;
	return 0;
}

int ndef_parse_type_d(struct ndef_rec *r, const u8 *p, size_t len)
{
	char *t;

	if (len > NDEF_TYPE_MAX)
		return -EINVAL;
	t = kmalloc(NDEF_TYPE_MAX, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	memcpy(t, p, len);
	t[len] = '\0'; /* expect: slack-write */
	r->type = t;
	return 0;
}

MODULE_LICENSE("GPL");
