// SPDX-License-Identifier: GPL-2.0
/*
 * A field of a struct that a header under include/ declares (struct
 * file's private_data) is stored into by other subsystems too: seq_open()
 * puts a struct seq_file there, while this file's open() puts its own
 * 16-byte record. The stores one file sees are not all of them, so they
 * give no fact, and the generic show() below, which reads private_data
 * as the seq_file, is not judged against the record. The same shape on
 * a struct of this file keeps its fact: the 16-byte request overflows.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/fs.h>

struct ee_private {
	u16 *buf;
	int len;
};

struct ee_seq {
	char *buf;
	size_t size;
	size_t count;
	loff_t index;
	void *private;
};

int ee_open(struct inode *inode, struct file *file)
{
	struct ee_private *ep = kmalloc(sizeof(*ep), GFP_KERNEL);

	if (!ep)
		return -ENOMEM;
	ep->buf = NULL;
	ep->len = 0;
	file->private_data = ep;
	return 0;
}

void ee_seq_attach(struct file *file, void *data)
{
	struct ee_seq *m = file->private_data;

	m->private = data;
}

struct ee_handle {
	void *priv;
	int id;
};

int ee_handle_open(struct ee_handle *h)
{
	struct ee_private *ep = kmalloc(sizeof(*ep), GFP_KERNEL);

	if (!ep)
		return -ENOMEM;
	h->priv = ep;
	return 0;
}

void ee_handle_attach(struct ee_handle *h, void *data)
{
	struct ee_seq *m = h->priv;

	m->private = data; /* expect: overflow-write "at offset 32 ends at 40" */
}
