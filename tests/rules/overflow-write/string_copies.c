// SPDX-License-Identifier: GPL-2.0
/*
 * strscpy() and strncpy() read their source only up to its NUL: a short
 * string in a small buffer copied into a larger field is fine
 * (hid-uclogic: a 19-byte firmware version into 64-byte uniq). The
 * destination still takes the size the caller claims.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct hid_like {
	char uniq[64];
	char name[128];
};

int usb_string_like(void *udev, int index, char *buf, int size);

int read_version(void *udev, struct hid_like *h)
{
	char *ver = kzalloc(19, GFP_KERNEL);

	if (!ver)
		return -ENOMEM;
	if (usb_string_like(udev, 201, ver, 19) < 0)
		*ver = '\0';
	strscpy(h->uniq, ver, sizeof(h->uniq));
	strncpy(h->name, ver, sizeof(h->name));
	kfree(ver);
	return 0;
}

char *copy_name(const char *src)
{
	char *name = kzalloc(19, GFP_KERNEL);

	if (!name)
		return NULL;
	strscpy(name, src, 64); /* expect: overflow-write "strscpy() of 64 bytes" */
	return name;
}
