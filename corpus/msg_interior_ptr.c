// SPDX-License-Identifier: GPL-2.0
/*
 * Mailbox messages: one kmalloc object holds a header followed by the
 * payload.  Code that only sees the payload pointer (p + header) or the
 * embedded body (&msg->body) and asks ksize() gets the size of the whole
 * object, not of what it points into.  &msg->hdr is at offset 0, which
 * is the object start, so ksize() there is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct mbox_hdr {
	u16 cmd;
	u16 len;
	u32 seq;
};

struct mbox_body {
	u8 status;
	u8 pad[3];
	u32 arg[8];
};

struct mbox_msg {
	struct mbox_hdr hdr;	/* must stay first */
	struct mbox_body body;
	u8 tail[];
};

size_t mbox_payload_room(const void *payload)
{
	return ksize(payload);
}

int mbox_send_raw(const void *data, u16 len, u16 cmd)
{
	struct mbox_hdr *h;
	u8 *payload;

	h = kmalloc(sizeof(*h) + len, GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	h->cmd = cmd;
	h->len = len;
	payload = (u8 *)h + sizeof(*h);
	memcpy(payload, data, len);
	pr_debug("payload room %zu\n", ksize(payload)); /* expect: ksize-interior */
	kfree(h);
	return 0;
}

int mbox_send_msg(u16 cmd, const u32 *args, int nargs)
{
	struct mbox_msg *msg;
	int i;

	if (nargs > 8)
		return -EINVAL;
	msg = kzalloc(sizeof(*msg), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	msg->hdr.cmd = cmd;
	msg->hdr.len = sizeof(msg->body);
	for (i = 0; i < nargs; i++)
		msg->body.arg[i] = args[i];

	pr_debug("body %zu\n", ksize(&msg->body)); /* expect: ksize-interior */
	/* offset 0: the same pointer as msg */
	pr_debug("msg %zu\n", ksize(&msg->hdr));
	kfree(msg);
	return 0;
}

MODULE_LICENSE("GPL");
