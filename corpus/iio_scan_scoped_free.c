// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * IIO-style ADC scan dump written with 6.12 scope-based cleanup: the
 * scan buffer is declared "u8 *scan __free(kfree) = kmalloc(...)" and
 * freed automatically at scope exit.  Copying ksize() bytes of the
 * 300-byte scan (kmalloc-512) to user space leaks the slack.  The
 * duplicating helper hands its buffer on with return_ptr().
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/cleanup.h>

#define IIO_SCAN_BYTES	300

struct iio_stub {
	u32 channels;
	size_t scan_mem;
};

int iio_read_scan(struct iio_stub *st, u8 *buf, size_t len);

int iio_dump_scan(struct iio_stub *st, void __user *ubuf, size_t count)
{
	u8 *scan __free(kfree) = kmalloc(IIO_SCAN_BYTES, GFP_KERNEL);
	int ret;

	if (!scan)
		return -ENOMEM;
	ret = iio_read_scan(st, scan, IIO_SCAN_BYTES);
	if (ret)
		return ret;
	if (count < IIO_SCAN_BYTES)
		return -EINVAL;
	if (copy_to_user(ubuf, scan, ksize(scan))) /* expect: slack-read */
		return -EFAULT;
	return 0;
}

int iio_dump_scan_exact(struct iio_stub *st, void __user *ubuf, size_t count)
{
	u8 *scan __free(kfree) = kzalloc(IIO_SCAN_BYTES, GFP_KERNEL);
	int ret;

	if (!scan)
		return -ENOMEM;
	ret = iio_read_scan(st, scan, IIO_SCAN_BYTES);
	if (ret)
		return ret;
	st->scan_mem = ksize(scan);
	if (copy_to_user(ubuf, scan, min_t(size_t, count, IIO_SCAN_BYTES)))
		return -EFAULT;
	return 0;
}

u8 *iio_dup_scan(const u8 *src)
{
	u8 *scan __free(kfree) = kmalloc(IIO_SCAN_BYTES, GFP_KERNEL);

	if (!scan)
		return NULL;
	memcpy(scan, src, IIO_SCAN_BYTES);
	return_ptr(scan);
}

MODULE_LICENSE("GPL");
