// SPDX-License-Identifier: GPL-2.0
/*
 * hwmon-style limit tables written from user space.  The length is
 * bounded with min_t()/min()/clamp() before copying into a 300-byte
 * buffer (kmalloc-512): min_t(.., 300) is fine, clamp(.., 16, 512) lets
 * the copy reach the end of the bucket (slack), min(.., 600) lets it run
 * past the bucket (overflow).  An unbounded length is not judged.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define HWM_TABLE_LEN	300

struct hwm {
	u8 *table;
};

int hwm_set_table(struct hwm *h, const void __user *ubuf, size_t count)
{
	size_t len = min_t(size_t, count, HWM_TABLE_LEN);
	u8 *t;

	t = kzalloc(HWM_TABLE_LEN, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	if (copy_from_user(t, ubuf, len)) {
		kfree(t);
		return -EFAULT;
	}
	kfree(h->table);
	h->table = t;
	return 0;
}

int hwm_set_table_clamped(struct hwm *h, const void __user *ubuf, size_t count)
{
	size_t len = clamp_t(size_t, count, 16, 512);
	u8 *t;

	t = kzalloc(HWM_TABLE_LEN, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	if (copy_from_user(t, ubuf, len)) { /* expect: slack-write */
		kfree(t);
		return -EFAULT;
	}
	kfree(h->table);
	h->table = t;
	return 0;
}

int hwm_set_table_wide(struct hwm *h, const u8 *src, size_t count)
{
	size_t len = min(count, (size_t)600);
	u8 *t;

	t = kzalloc(HWM_TABLE_LEN, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	memcpy(t, src, len); /* expect: overflow-write */
	kfree(h->table);
	h->table = t;
	return 0;
}

int hwm_set_table_unchecked(struct hwm *h, const u8 *src, size_t count)
{
	u8 *t;

	t = kzalloc(HWM_TABLE_LEN, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	/* count is never bounded here: not judged (counted in --stats) */
	memcpy(t, src, count);
	kfree(h->table);
	h->table = t;
	return 0;
}

MODULE_LICENSE("GPL");
