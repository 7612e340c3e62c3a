// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Crypto offload char device: SET_KEY copies a key blob from user space.
 * The blob length is validated against KEYDEV_MAX_BLOB before the
 * allocation, so the first copy is fine.  The "refresh" path re-reads the
 * blob into the existing buffer using ksize() as the length: up to 512
 * bytes into an object of 300 requested.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>

#define KEYDEV_MAX_BLOB		300
#define KEYDEV_BLOB_CACHE	300

struct keydev_blob_arg {
	__u64 ptr;
	__u32 len;
	__u32 flags;
};

#define KEYDEV_IOC_SET_KEY	_IOW('K', 1, struct keydev_blob_arg)
#define KEYDEV_IOC_REFRESH	_IOW('K', 2, struct keydev_blob_arg)

struct keydev_ctx {
	struct mutex lock;
	u8 *blob;
	u32 blob_len;
};

static long keydev_set_key(struct keydev_ctx *ctx, void __user *argp)
{
	struct keydev_blob_arg arg;
	u8 *blob;

	if (copy_from_user(&arg, argp, sizeof(arg)))
		return -EFAULT;
	if (!arg.len || arg.len > KEYDEV_MAX_BLOB)
		return -EINVAL;

	blob = kmalloc(arg.len, GFP_KERNEL);
	if (!blob)
		return -ENOMEM;
	if (copy_from_user(blob, u64_to_user_ptr(arg.ptr), arg.len)) {
		kfree(blob);
		return -EFAULT;
	}

	mutex_lock(&ctx->lock);
	kfree(ctx->blob);
	ctx->blob = blob;
	ctx->blob_len = arg.len;
	mutex_unlock(&ctx->lock);
	return 0;
}

static long keydev_refresh(struct keydev_ctx *ctx, void __user *argp)
{
	struct keydev_blob_arg arg;
	u8 *cache;

	if (copy_from_user(&arg, argp, sizeof(arg)))
		return -EFAULT;

	cache = kzalloc(KEYDEV_BLOB_CACHE, GFP_KERNEL);
	if (!cache)
		return -ENOMEM;
	if (copy_from_user(cache, u64_to_user_ptr(arg.ptr), ksize(cache))) { /* expect: slack-write */
		kfree(cache);
		return -EFAULT;
	}

	mutex_lock(&ctx->lock);
	kfree(ctx->blob);
	ctx->blob = cache;
	ctx->blob_len = KEYDEV_BLOB_CACHE;
	mutex_unlock(&ctx->lock);
	return 0;
}

static long keydev_ioctl(struct file *file, unsigned int cmd,
			 unsigned long arg)
{
	struct keydev_ctx *ctx = file->private_data;
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case KEYDEV_IOC_SET_KEY:
		return keydev_set_key(ctx, argp);
	case KEYDEV_IOC_REFRESH:
		return keydev_refresh(ctx, argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations keydev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = keydev_ioctl,
};

static struct miscdevice keydev_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "keydev",
	.fops = &keydev_fops,
};

static int __init keydev_init(void)
{
	return misc_register(&keydev_misc);
}
module_init(keydev_init);
MODULE_LICENSE("GPL");
