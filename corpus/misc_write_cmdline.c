// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * write() handler of a debug command channel.  It allocates count + 1
 * bytes after checking count against a page, copies count bytes from
 * user space and NUL-terminates at kbuf[count]: every access stays
 * inside the requested size.  Nothing here is a finding.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

#define DBGCH_MAX_ARGS	8

int dbgch_run(char **argv, int argc);

static ssize_t dbgch_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	char *kbuf, *p, *argv[DBGCH_MAX_ARGS];
	int argc = 0, ret;

	if (!count || count > PAGE_SIZE)
		return -EINVAL;
	kbuf = kmalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, ubuf, count)) {
		kfree(kbuf);
		return -EFAULT;
	}
	kbuf[count] = '\0';
	if (count && kbuf[count - 1] == '\n')
		kbuf[count - 1] = '\0';

	p = kbuf;
	while (p && argc < DBGCH_MAX_ARGS)
		argv[argc++] = strsep(&p, " ");
	ret = dbgch_run(argv, argc);
	kfree(kbuf);
	return ret ? ret : count;
}

static const struct file_operations dbgch_fops = {
	.owner = THIS_MODULE,
	.write = dbgch_write,
};

static struct miscdevice dbgch_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "dbgch",
	.fops = &dbgch_fops,
};

static int __init dbgch_init(void)
{
	return misc_register(&dbgch_dev);
}
module_init(dbgch_init);
MODULE_LICENSE("GPL");
