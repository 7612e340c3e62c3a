/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: a small part of the USB core API. Not kernel source. */
#ifndef _KSTUB_LINUX_USB_H
#define _KSTUB_LINUX_USB_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/gfp.h>
#include <linux/module.h>

struct usb_device {
	struct device dev;
	int devnum;
};

struct usb_interface {
	struct device dev;
	int minor;
};

struct urb;
typedef void (*usb_complete_t)(struct urb *);

struct urb {
	struct usb_device *dev;
	unsigned int pipe;
	int status;
	void *transfer_buffer;
	dma_addr_t transfer_dma;
	u32 transfer_buffer_length;
	u32 actual_length;
	void *context;
	usb_complete_t complete;
};

struct usb_device_id {
	u16 match_flags;
	u16 idVendor;
	u16 idProduct;
};

struct usb_driver {
	const char *name;
	int (*probe)(struct usb_interface *intf, const struct usb_device_id *id);
	void (*disconnect)(struct usb_interface *intf);
	const struct usb_device_id *id_table;
};

#define USB_DEVICE(vend, prod) \
	.match_flags = 3, .idVendor = (vend), .idProduct = (prod)

struct usb_device *interface_to_usbdev(struct usb_interface *intf);
void usb_set_intfdata(struct usb_interface *intf, void *data);
void *usb_get_intfdata(struct usb_interface *intf);
struct urb *usb_alloc_urb(int iso_packets, gfp_t mem_flags);
void usb_free_urb(struct urb *urb);
int usb_submit_urb(struct urb *urb, gfp_t mem_flags);
void usb_kill_urb(struct urb *urb);
unsigned int usb_rcvbulkpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_sndbulkpipe(struct usb_device *dev, unsigned int endpoint);
void *usb_alloc_coherent(struct usb_device *dev, size_t size,
			 gfp_t mem_flags, dma_addr_t *dma);
void usb_free_coherent(struct usb_device *dev, size_t size, void *addr,
		       dma_addr_t dma);
int usb_control_msg(struct usb_device *dev, unsigned int pipe, u8 request,
		    u8 requesttype, u16 value, u16 index, void *data,
		    u16 size, int timeout);
unsigned int usb_rcvctrlpipe(struct usb_device *dev, unsigned int endpoint);

static inline void usb_fill_bulk_urb(struct urb *urb, struct usb_device *dev,
				     unsigned int pipe, void *transfer_buffer,
				     int buffer_length, usb_complete_t complete_fn,
				     void *context)
{
	urb->dev = dev;
	urb->pipe = pipe;
	urb->transfer_buffer = transfer_buffer;
	urb->transfer_buffer_length = buffer_length;
	urb->complete = complete_fn;
	urb->context = context;
}

int usb_register(struct usb_driver *drv);
void usb_deregister(struct usb_driver *drv);
#define module_usb_driver(__usb_driver) \
	module_driver(__usb_driver, usb_register, usb_deregister)

#endif /* _KSTUB_LINUX_USB_H */
