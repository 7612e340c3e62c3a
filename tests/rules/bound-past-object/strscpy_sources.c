// SPDX-License-Identifier: GPL-2.0
/*
 * The strscpy() family as bounded writers: when the source string's
 * length is known (a literal, a string a writer left), strscpy() and
 * strlcpy() write the smaller of their size and the source with its NUL.
 * A size past the request whose source fits is bound-past-object; a
 * source that does not fit is slack-write or overflow-write with the
 * source's length; an unknown source is judged by the size as before;
 * strscpy_pad() pads to the size, so it is judged by the size; strlcat()
 * is modelled only when the destination's length is known. Negative
 * twins: the request as the size, a known source that fits.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define NAME_LEN	16

char *name_literal(void)
{
	char *buf = kmalloc(NAME_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* "literal" and the NUL: 8 bytes */
	strscpy(buf, "literal", 64); /* expect: bound-past-object "its source is at most 8 bytes with its NUL" */
	strscpy(buf, "literal", NAME_LEN);
	return buf;
}

char *name_literal_strlcpy(void)
{
	char *buf = kzalloc(NAME_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	strlcpy(buf, "eth0", 32); /* expect: bound-past-object "is given size 32, past the requested size 16" */
	return buf;
}

char *name_too_long(void)
{
	char *buf = kmalloc(20, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* 22 letters and the NUL: 23 bytes, ksize() is 32 */
	strscpy(buf, "a_much_longer_dev_name", 64); /* expect: slack-write "its source string and its NUL; it is given size 64" */
	return buf;
}

char *name_past_bucket(void)
{
	char *buf = kmalloc(8, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* 11 bytes into the 8-byte bucket */
	strscpy(buf, "0123456789", 64); /* expect: overflow-write "of 11 bytes at offset 0 ends at 11, past the end of bucket 8" */
	return buf;
}

char *name_unknown(const char *src)
{
	char *buf = kmalloc(NAME_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* the source's length is unknown: the size is what is written */
	strscpy(buf, src, 64); /* expect: overflow-write "strscpy() of 64 bytes" */
	strscpy(buf, src, NAME_LEN);
	return buf;
}

char *name_padded(void)
{
	char *buf = kmalloc(NAME_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* pads up to the size: 64 bytes written whatever the source */
	strscpy_pad(buf, "abc", 64); /* expect: overflow-write "strscpy_pad() of 64 bytes" */
	strscpy_pad(buf, "abc", NAME_LEN);
	return buf;
}

char *name_copied(void)
{
	char *buf = kmalloc(NAME_LEN, GFP_KERNEL);
	char *dup;

	if (!buf)
		return NULL;
	dup = kmalloc(NAME_LEN, GFP_KERNEL);
	if (!dup) {
		kfree(buf);
		return NULL;
	}
	/* buf holds "hello" (5) after the first copy */
	strscpy(buf, "hello", NAME_LEN);
	strscpy(dup, buf, 64); /* expect: bound-past-object "its source is at most 6 bytes" */
	kfree(buf);
	return dup;
}

char *name_truncated(void)
{
	char *buf = kmalloc(NAME_LEN, GFP_KERNEL);
	char *dup;

	if (!buf)
		return NULL;
	dup = kmalloc(8, GFP_KERNEL);
	if (!dup) {
		kfree(buf);
		return NULL;
	}
	/* a 20-letter source cut to the size: buf holds 15 letters */
	strscpy(buf, "twenty_letters_long_", NAME_LEN);
	strscpy(dup, buf, 8);
	strscpy(dup, buf, 64); /* expect: overflow-write "strscpy() of 16 bytes" */
	kfree(buf);
	return dup;
}

char *name_appended(void)
{
	char *buf = kmalloc(NAME_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* "dev" (3), then "-1" after it: 6 bytes from the start */
	strscpy(buf, "dev", NAME_LEN);
	strlcat(buf, "-1", 64); /* expect: bound-past-object "its string after the append is at most 6 bytes with its NUL" */
	strlcat(buf, "-2", NAME_LEN);
	return buf;
}

char *name_appended_unknown(void)
{
	char *buf = kzalloc(NAME_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* the destination's length is unknown: judged by the size */
	strlcat(buf, "-1", 64); /* expect: overflow-write "strlcat() of 64 bytes" */
	strlcat(buf, "-1", NAME_LEN);
	return buf;
}

char *name_appended_long(const char *src)
{
	char *buf = kmalloc(NAME_LEN, GFP_KERNEL);

	if (!buf)
		return NULL;
	/* buf holds at most 15 letters: "-1" after them may reach 18 */
	strscpy(buf, src, NAME_LEN);
	strlcat(buf, "-1", 64); /* expect: overflow-write "strlcat() of [3, 18] bytes at offset 0 ends at 18" */
	strlcat(buf, "-1", NAME_LEN);
	return buf;
}

char *name_sized(size_t n)
{
	char *buf = kmalloc(n, GFP_KERNEL);

	if (!buf)
		return NULL;
	/*
	 * 4 bytes cannot be judged against the request n: the size
	 * argument is, as before
	 */
	strscpy(buf, "abc", ksize(buf)); /* expect: slack-write "strscpy() ends at ksize(), past the requested size 'n'" */
	strscpy(buf, "abc", n);
	return buf;
}
