// SPDX-License-Identifier: GPL-2.0
/*
 * String copies into buffers sized from strlen(): one byte short for the
 * terminator is past the request (into the slack when the length is not
 * a bucket size). kstrdup() and strlen() + 1 are fine.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

char *dup_short(const char *s)
{
	char *p = kmalloc(strlen(s), GFP_KERNEL);

	if (!p)
		return NULL;
	strcpy(p, s); /* expect: slack-write */
	return p;
}

char *dup_ok(const char *s)
{
	size_t len = strlen(s);
	char *p = kmalloc(len + 1, GFP_KERNEL);

	if (!p)
		return NULL;
	memcpy(p, s, len + 1);
	return p;
}

char *dup_ok2(const char *s)
{
	char *p = kstrdup(s, GFP_KERNEL);

	if (!p)
		return NULL;
	strcpy(p, s);
	return p;
}

char *dup_short2(const char *s)
{
	size_t len = strlen(s);
	char *p = kmalloc(len, GFP_KERNEL);

	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0'; /* expect: slack-write */
	return p;
}
