// SPDX-License-Identifier: GPL-2.0
/*
 * A count the device reports, checked against the caller's request
 * (clamped to INT_MAX) but not against the buffer: the bound that
 * matters is what the transfer can return (at most the buffer), which
 * the analysis does not see. A length bounded only past KMALLOC_MAX_SIZE,
 * or one that may be negative (an int passed as size_t), is no bound:
 * no verdict. A header byte tested (buf[0] == 2) says nothing of the
 * other bytes. With a guard about the buffer's size, it is judged.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define HDR_SIZE 12

int xfer_in(void *dev, u8 *buf, int len, int *actual);
int xfer_len(void *dev, u8 *buf, int len);

static u32 hdr_count(const u8 *b)
{
	return b[4] + (b[5] << 8) + (b[6] << 16) + (b[7] << 24);
}

ssize_t dev_read(void *dev, char __user *ubuf, size_t count)
{
	u8 *buffer = kmalloc(4096, GFP_KERNEL);
	size_t remaining;
	u32 n_chars;
	int actual = 0;
	ssize_t ret = -EIO;

	if (!buffer)
		return -ENOMEM;
	if (count > INT_MAX)
		count = INT_MAX;
	remaining = count;
	if (xfer_in(dev, buffer, 4096, &actual))
		goto out;
	if (actual < HDR_SIZE || buffer[0] != 2)
		goto out;
	n_chars = hdr_count(buffer);
	if (n_chars > remaining)
		goto out;
	remaining = n_chars;
	actual -= HDR_SIZE;
	if (actual > remaining)
		actual = remaining;
	if (copy_to_user(ubuf, &buffer[HDR_SIZE], actual))
		goto out;
	ret = actual;
out:
	kfree(buffer);
	return ret;
}

ssize_t dev_read_signed(void *dev, char __user *ubuf)
{
	u8 *buffer = kmalloc(512, GFP_KERNEL);
	int actual = 0;
	ssize_t ret = -EIO;

	if (!buffer)
		return -ENOMEM;
	if (xfer_in(dev, buffer, 512, &actual))
		goto out;
	if (actual > 600)
		actual = 600;
	if (copy_to_user(ubuf, buffer, actual))
		goto out;
	ret = actual;
out:
	kfree(buffer);
	return ret;
}

ssize_t dev_read_small_cap(void *dev, char __user *ubuf)
{
	u8 *buffer = kmalloc(512, GFP_KERNEL);
	int actual = 0;
	ssize_t ret = -EIO;

	if (!buffer)
		return -ENOMEM;
	actual = xfer_len(dev, buffer, 512);
	if (actual < 0 || actual > 600)
		goto out;
	if (copy_to_user(ubuf, buffer, actual)) /* expect: overflow-read "[0, 600] bytes" */
		goto out;
	ret = actual;
out:
	kfree(buffer);
	return ret;
}
