// SPDX-License-Identifier: GPL-2.0
/*
 * An object read back from a field in a function that did not allocate
 * it: a length whose only bound here is a guard about something else (a
 * page) says nothing of the buffer, because the stores of the length
 * elsewhere are what keep it within the buffer; no verdict. A constant
 * length past the buffer is past it whatever the stores promised.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct upload {
	char *buf;
	size_t size;
};

int upload_init(struct upload *u)
{
	u->buf = kzalloc(2048, GFP_KERNEL);
	return u->buf ? 0 : -ENOMEM;
}

int upload_write(struct upload *u, const char *data, size_t size)
{
	if (!size || size > 2048)
		return -EINVAL;
	memcpy(u->buf, data, size);
	u->size = size;
	return 0;
}

ssize_t upload_show(struct upload *u, char *out)
{
	if (u->size > 4096)
		return -EINVAL;
	memcpy(out, u->buf, u->size);
	return u->size;
}

ssize_t upload_show_fixed(struct upload *u, char *out)
{
	memcpy(out, u->buf, 3000); /* expect: overflow-read "past the end of bucket 2048" */
	return 3000;
}
