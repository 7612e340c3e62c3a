// SPDX-License-Identifier: GPL-2.0
/*
 * String builders: strcpy() leaves a string whose length is known (the
 * source's), so a strcat()/strncat() after it writes from there. A
 * buffer of strlen(a) + strlen(b) bytes forgets the NUL: strcat() ends
 * one byte past the request (slack); so does a literal suffix of 4
 * characters on strlen(a) + 4, and a strcat() on a kstrdup() copy. A
 * guard `strlen(a) > 296` before copying a and ".bin" into 300 bytes
 * lets the NUL land at byte 300. The twins with room for the NUL, and
 * a string rewritten by an unknown function in between, are silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

void sb_mangle(char *s);

char *sb_join(const char *a, const char *b)
{
	char *buf = kmalloc(strlen(a) + strlen(b), GFP_KERNEL);

	if (!buf)
		return NULL;
	strcpy(buf, a);
	strcat(buf, b); /* expect: slack-write "1 byte past" */
	return buf;
}

char *sb_join_ok(const char *a, const char *b)
{
	char *buf = kmalloc(strlen(a) + strlen(b) + 1, GFP_KERNEL);

	if (!buf)
		return NULL;
	strcpy(buf, a);
	strcat(buf, b);
	return buf;
}

char *sb_suffix(const char *a)
{
	char *buf = kmalloc(strlen(a) + 4, GFP_KERNEL);

	if (!buf)
		return NULL;
	strcpy(buf, a);
	strcat(buf, ".bin"); /* expect: slack-write */
	return buf;
}

char *sb_suffix_ok(const char *a)
{
	char *buf = kmalloc(strlen(a) + 5, GFP_KERNEL);

	if (!buf)
		return NULL;
	strcpy(buf, a);
	strcat(buf, ".bin");
	return buf;
}

char *sb_suffix_n(const char *a)
{
	char *buf = kmalloc(strlen(a) + 2, GFP_KERNEL);

	if (!buf)
		return NULL;
	strcpy(buf, a);
	strncat(buf, ".bin", 2); /* expect: slack-write */
	return buf;
}

char *sb_dup_append(const char *a)
{
	char *d = kstrdup(a, GFP_KERNEL);

	if (!d)
		return NULL;
	strcat(d, "x"); /* expect: slack-write */
	return d;
}

char *sb_fixed(const char *a)
{
	char *buf = kmalloc(300, GFP_KERNEL);

	if (!buf)
		return NULL;
	if (strlen(a) > 296)
		return NULL;
	strcpy(buf, a);
	strcat(buf, ".bin"); /* expect: slack-write "ends at 301" */
	return buf;
}

char *sb_fixed_ok(const char *a)
{
	char *buf = kmalloc(300, GFP_KERNEL);

	if (!buf)
		return NULL;
	if (strlen(a) >= 296)
		return NULL;
	strcpy(buf, a);
	strcat(buf, ".bin");
	return buf;
}

char *sb_mangled(const char *a)
{
	char *buf = kmalloc(strlen(a) + 4, GFP_KERNEL);

	if (!buf)
		return NULL;
	strcpy(buf, a);
	sb_mangle(buf);
	buf[0] = 'x';
	strcat(buf, ".bi");
	return buf;
}
