// SPDX-License-Identifier: GPL-2.0
/*
 * Reads of ksize() bytes through other kernel helpers: a hex dump,
 * seq_write(), simple_read_from_buffer(), skb_put_data(), memchr().
 * The same calls with the requested size are silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/fs.h>
#include <linux/skbuff.h>

void dump_buf(size_t n)
{
	u8 *p = kzalloc(n, GFP_KERNEL);

	if (!p)
		return;
	print_hex_dump(KERN_DEBUG, "buf: ", DUMP_PREFIX_OFFSET, 16, 1, /* expect: slack-read */
		       p, ksize(p), false);
	print_hex_dump(KERN_DEBUG, "buf: ", DUMP_PREFIX_OFFSET, 16, 1,
		       p, n, false);
	kfree(p);
}

void show_blob(struct seq_file *m, size_t n)
{
	char *b = kzalloc(n, GFP_KERNEL);

	if (!b)
		return;
	seq_write(m, b, ksize(b)); /* expect: slack-read */
	kfree(b);
}

ssize_t blob_read(char __user *ubuf, size_t count, loff_t *ppos)
{
	char *b = kzalloc(100, GFP_KERNEL);
	ssize_t ret;

	if (!b)
		return -ENOMEM;
	ret = simple_read_from_buffer(ubuf, count, ppos, /* expect: slack-read */
				      b, ksize(b));
	kfree(b);
	return ret;
}

void push_copy(struct sk_buff *skb)
{
	u8 *hdr = kzalloc(20, GFP_KERNEL);

	if (!hdr)
		return;
	skb_put_data(skb, hdr, ksize(hdr)); /* expect: slack-read */
	skb_put_data(skb, hdr, 20);
	kfree(hdr);
}

bool has_nul(size_t n)
{
	char *s = kzalloc(n, GFP_KERNEL);
	bool r;

	if (!s)
		return false;
	r = memchr(s, 0, ksize(s)) != NULL; /* expect: slack-read */
	kfree(s);
	return r;
}
