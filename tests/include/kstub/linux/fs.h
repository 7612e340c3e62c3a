/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: file operations (small part). Not kernel source. */
#ifndef _KSTUB_LINUX_FS_H
#define _KSTUB_LINUX_FS_H

#include <linux/types.h>

struct module;
struct inode {
	umode_t i_mode;
	loff_t i_size;
	void *i_private;
};

struct file {
	void *private_data;
	fmode_t f_mode;
	loff_t f_pos;
	struct inode *f_inode;
};

struct poll_table_struct;
struct vm_area_struct;

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
};

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
int nonseekable_open(struct inode *inode, struct file *filp);

#endif /* _KSTUB_LINUX_FS_H */
