// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Debug tracing of a firmware mailbox: the message copy is dumped with
 * print_hex_dump_bytes() and into a seq_file.  Dumping ksize() bytes of
 * a 300-byte copy (kmalloc-512) prints 212 bytes of slack, whatever the
 * previous owner of the object left there.  Dumping the requested length
 * is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/seq_file.h>

#define MBT_MSG_LEN	300

struct mbt {
	u8 *last;
};

void mbt_trace(struct mbt *t, const u8 *msg)
{
	u8 *copy;

	copy = kmemdup(msg, MBT_MSG_LEN, GFP_ATOMIC);
	if (!copy)
		return;
	print_hex_dump_bytes("mbox: ", DUMP_PREFIX_OFFSET, copy, ksize(copy)); /* expect: slack-read */
	print_hex_dump_bytes("mbox: ", DUMP_PREFIX_OFFSET, copy, MBT_MSG_LEN);
	kfree(t->last);
	t->last = copy;
}

void mbt_show(struct seq_file *m, const u8 *msg)
{
	u8 *copy;

	copy = kmemdup(msg, MBT_MSG_LEN, GFP_KERNEL);
	if (!copy)
		return;
	seq_write(m, copy, ksize(copy)); /* expect: slack-read */
	seq_write(m, copy, MBT_MSG_LEN);
	kfree(copy);
}

MODULE_LICENSE("GPL");
