// SPDX-License-Identifier: GPL-2.0
/*
 * Type-length-value parser for a management protocol message.  The NAME
 * attribute is copied into a 300-byte buffer (kmalloc-512) and then
 * NUL-terminated at name[len]: with len up to 300 the terminator lands
 * one byte past the request, in the slack.  The KEY attribute does it
 * right (len + 1 bytes requested).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/types.h>

#define MGMT_ATTR_NAME		1
#define MGMT_ATTR_KEY		2
#define MGMT_ATTR_PAD		3
#define MGMT_NAME_MAX		300
#define MGMT_KEY_MAX		64

struct mgmt_tlv {
	__le16 type;
	__le16 len;
	u8 value[];
};

struct mgmt_msg {
	char *name;
	u8 *key;
	u16 key_len;
};

static int mgmt_parse_name(struct mgmt_msg *msg, const struct mgmt_tlv *tlv)
{
	u16 len = tlv->len;

	if (len > MGMT_NAME_MAX)
		return -EINVAL;
	msg->name = kmalloc(MGMT_NAME_MAX, GFP_KERNEL);
	if (!msg->name)
		return -ENOMEM;
	memcpy(msg->name, tlv->value, len);
	msg->name[len] = '\0'; /* expect: slack-write */
	return 0;
}

static int mgmt_parse_key(struct mgmt_msg *msg, const struct mgmt_tlv *tlv)
{
	u16 len = tlv->len;

	if (len > MGMT_KEY_MAX)
		return -EINVAL;
	msg->key = kmalloc(len + 1, GFP_KERNEL);
	if (!msg->key)
		return -ENOMEM;
	memcpy(msg->key, tlv->value, len);
	msg->key[len] = 0;
	msg->key_len = len;
	return 0;
}

int mgmt_parse(struct mgmt_msg *msg, const u8 *data, size_t size)
{
	size_t off = 0;
	int ret = 0;

	while (off + sizeof(struct mgmt_tlv) <= size && !ret) {
		const struct mgmt_tlv *tlv = (const void *)(data + off);

		if (off + sizeof(*tlv) + tlv->len > size)
			return -EBADMSG;
		switch (tlv->type) {
		case MGMT_ATTR_NAME:
			ret = mgmt_parse_name(msg, tlv);
			break;
		case MGMT_ATTR_KEY:
			ret = mgmt_parse_key(msg, tlv);
			break;
		case MGMT_ATTR_PAD:
		default:
			break;
		}
		off += ALIGN(sizeof(*tlv) + tlv->len, 4);
	}
	return ret;
}

void mgmt_msg_free(struct mgmt_msg *msg)
{
	kfree(msg->name);
	kfree(msg->key);
}

MODULE_LICENSE("GPL");
