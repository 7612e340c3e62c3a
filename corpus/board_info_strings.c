// SPDX-License-Identifier: GPL-2.0
/*
 * Board information strings exported by a platform driver.  Each string
 * buffer is a small kmalloc object; several copies are sized by a
 * different constant than the allocation:
 *   vendor: kmalloc(12) (no room for the NUL), strcpy writes 13 (kmalloc-16)
 *   model:  kmalloc(20), strncpy pads to 32                 (kmalloc-32)
 *   serial: kzalloc(40), snprintf told 64 (writes 11: only the bound is
 *           wrong), memcmp reads 48                      (kmalloc-64)
 *   blob:   kmalloc(300), copy_to_user of 600               (past kmalloc-512)
 * The correctly sized copies next to them are silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define BI_VENDOR	"acme-systems"
#define BI_MODEL_LEN	20
#define BI_MODEL_PAD	32
#define BI_SERIAL_LEN	40
#define BI_BLOB_LEN	300
#define BI_BLOB_WINDOW	600

struct board_info {
	char *vendor;
	char *model;
	char *serial;
	u8 *blob;
};

int bi_set_strings(struct board_info *bi, const char *model, u32 sn)
{
	bi->vendor = kmalloc(sizeof(BI_VENDOR) - 1, GFP_KERNEL);
	bi->model = kmalloc(BI_MODEL_LEN, GFP_KERNEL);
	bi->serial = kzalloc(BI_SERIAL_LEN, GFP_KERNEL);
	if (!bi->vendor || !bi->model || !bi->serial)
		goto err;

	strcpy(bi->vendor, BI_VENDOR); /* expect: slack-write */
	strncpy(bi->model, model, BI_MODEL_PAD); /* expect: slack-write */
	strscpy(bi->model, model, BI_MODEL_LEN);
	snprintf(bi->serial, 64, "SN%08x", sn); /* expect: bound-past-object */
	snprintf(bi->serial, BI_SERIAL_LEN, "SN%08x", sn);
	return 0;
err:
	kfree(bi->vendor);
	kfree(bi->model);
	kfree(bi->serial);
	return -ENOMEM;
}

bool bi_serial_matches(const char *expected)
{
	char *serial;
	bool eq;

	serial = kzalloc(BI_SERIAL_LEN, GFP_KERNEL);
	if (!serial)
		return false;
	snprintf(serial, BI_SERIAL_LEN, "SN%08x", 0x1234);
	eq = !memcmp(serial, expected, 48); /* expect: slack-read */
	eq = eq && !memcmp(serial, expected, BI_SERIAL_LEN);
	kfree(serial);
	return eq;
}

int bi_read_blob(void __user *ubuf, const u8 *src)
{
	u8 *blob;
	int ret = 0;

	blob = kmemdup(src, BI_BLOB_LEN, GFP_KERNEL);
	if (!blob)
		return -ENOMEM;
	if (copy_to_user(ubuf, blob, BI_BLOB_WINDOW)) /* expect: overflow-read */
		ret = -EFAULT;
	kfree(blob);
	return ret;
}

MODULE_LICENSE("GPL");
