/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: debugfs (small part). Not kernel source. */
#ifndef _KSTUB_LINUX_DEBUGFS_H
#define _KSTUB_LINUX_DEBUGFS_H

#include <linux/types.h>
#include <linux/fs.h>

struct dentry;

struct debugfs_blob_wrapper {
	void *data;
	unsigned long size;
};

struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_blob(const char *name, umode_t mode,
				   struct dentry *parent,
				   struct debugfs_blob_wrapper *blob);
void debugfs_create_u32(const char *name, umode_t mode,
			struct dentry *parent, u32 *value);
void debugfs_remove_recursive(struct dentry *dentry);

#endif /* _KSTUB_LINUX_DEBUGFS_H */
