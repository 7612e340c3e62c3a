/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: misc character devices. Not kernel source. */
#ifndef _KSTUB_LINUX_MISCDEVICE_H
#define _KSTUB_LINUX_MISCDEVICE_H

#include <linux/fs.h>

#define MISC_DYNAMIC_MINOR	255

struct device;

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct device *this_device;
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#endif /* _KSTUB_LINUX_MISCDEVICE_H */
