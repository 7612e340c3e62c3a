// SPDX-License-Identifier: GPL-2.0
/*
 * read() of a TPM-like character device.  The response buffer asks for
 * the response length; returning ksize() bytes to user space copies the
 * slab slack out (an info leak of whatever the previous owner left).
 * The second handler copies exactly what the device produced.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/mutex.h>

#define TPMX_RESP_MAX	1000

struct tpmx_priv {
	struct mutex lock;
	u8 *resp;
	size_t resp_len;
};

int tpmx_transmit(struct tpmx_priv *priv, u8 *buf, size_t len);

static ssize_t tpmx_read(struct file *file, char __user *ubuf, size_t count,
			 loff_t *ppos)
{
	struct tpmx_priv *priv = file->private_data;
	u8 *resp;
	ssize_t ret;

	resp = kzalloc(TPMX_RESP_MAX, GFP_KERNEL);
	if (!resp)
		return -ENOMEM;

	ret = tpmx_transmit(priv, resp, TPMX_RESP_MAX);
	if (ret < 0)
		goto out;
	if (count < ksize(resp)) {
		ret = -E2BIG;
		goto out;
	}
	if (copy_to_user(ubuf, resp, ksize(resp))) { /* expect: slack-read */
		ret = -EFAULT;
		goto out;
	}
	ret = ksize(resp);
out:
	kfree(resp);
	return ret;
}

static ssize_t tpmx_read_exact(struct file *file, char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct tpmx_priv *priv = file->private_data;
	size_t len;
	u8 *resp;
	int ret;

	resp = kmalloc(TPMX_RESP_MAX, GFP_KERNEL);
	if (!resp)
		return -ENOMEM;
	ret = tpmx_transmit(priv, resp, TPMX_RESP_MAX);
	if (ret < 0) {
		kfree(resp);
		return ret;
	}
	len = min_t(size_t, count, (size_t)ret);
	len = min_t(size_t, len, TPMX_RESP_MAX);
	if (copy_to_user(ubuf, resp, len)) {
		kfree(resp);
		return -EFAULT;
	}
	kfree(resp);
	return len;
}

const struct file_operations tpmx_fops = {
	.read = tpmx_read,
};

const struct file_operations tpmx_exact_fops = {
	.read = tpmx_read_exact,
};

MODULE_LICENSE("GPL");
