// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * USB sensor: the device answers a vendor request with a 6-byte status
 * block.  The parser reads a 16-bit word at offset 6, two bytes past what
 * was requested (kmalloc-8 bucket on x86_64: slack read).  The bulk
 * buffer is sized with kmalloc_size_roundup() first, so its ksize() use
 * is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/usb.h>

#define USENS_REQ_STATUS	0x01
#define USENS_STATUS_LEN	6
#define USENS_BULK_LEN		500

struct usens {
	struct usb_device *udev;
	struct urb *urb;
	u8 *bulk_buf;
	size_t bulk_len;
	u16 temp;
	u16 flags;
};

static void usens_bulk_complete(struct urb *urb)
{
	struct usens *s = urb->context;

	if (urb->status)
		return;
	s->flags |= 1;
}

static int usens_read_status(struct usens *s)
{
	u8 *st;
	int ret;

	st = kmalloc(USENS_STATUS_LEN, GFP_KERNEL);
	if (!st)
		return -ENOMEM;

	ret = usb_control_msg(s->udev, usb_rcvctrlpipe(s->udev, 0),
			      USENS_REQ_STATUS, 0xc0, 0, 0, st,
			      USENS_STATUS_LEN, 1000);
	if (ret < USENS_STATUS_LEN) {
		ret = ret < 0 ? ret : -EIO;
		goto out;
	}

	s->temp = st[0] | (st[1] << 8);
	s->flags = *(u16 *)&st[6]; /* expect: slack-read */
	ret = 0;
out:
	kfree(st);
	return ret;
}

static int usens_start_bulk(struct usens *s)
{
	size_t len = kmalloc_size_roundup(USENS_BULK_LEN);

	s->bulk_buf = kmalloc(len, GFP_KERNEL);
	if (!s->bulk_buf)
		return -ENOMEM;
	/* allocated with the rounded size: ksize() == len, no slack */
	s->bulk_len = ksize(s->bulk_buf);
	memset(s->bulk_buf, 0, s->bulk_len);

	s->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!s->urb) {
		kfree(s->bulk_buf);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(s->urb, s->udev, usb_rcvbulkpipe(s->udev, 1),
			  s->bulk_buf, s->bulk_len, usens_bulk_complete, s);
	return usb_submit_urb(s->urb, GFP_KERNEL);
}

static int usens_probe(struct usb_interface *intf,
		       const struct usb_device_id *id)
{
	struct usens *s;
	int ret;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->udev = interface_to_usbdev(intf);
	ret = usens_read_status(s);
	if (!ret)
		ret = usens_start_bulk(s);
	if (ret) {
		kfree(s);
		return ret;
	}
	usb_set_intfdata(intf, s);
	return 0;
}

static void usens_disconnect(struct usb_interface *intf)
{
	struct usens *s = usb_get_intfdata(intf);

	usb_kill_urb(s->urb);
	usb_free_urb(s->urb);
	kfree(s->bulk_buf);
	kfree(s);
}

static const struct usb_device_id usens_ids[] = {
	{ USB_DEVICE(0x1234, 0x5678) },
	{ }
};

static struct usb_driver usens_driver = {
	.name = "usens",
	.probe = usens_probe,
	.disconnect = usens_disconnect,
	.id_table = usens_ids,
};
module_usb_driver(usens_driver);
MODULE_LICENSE("GPL");
