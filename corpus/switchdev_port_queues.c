// SPDX-License-Identifier: GPL-2.0
/*
 * Switch ASIC driver: a controller holds ports, each port holds a
 * transmit queue whose descriptor area is kmalloc'd (600 bytes,
 * kmalloc-1024).  Fields are reached two levels deep, ctrl->ports[i].q.
 * The teardown accounts the descriptor memory after freeing it, and the
 * loopback test pokes a byte at 700, past the 600 requested.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define SW_NUM_PORTS		8
#define SW_DESC_BYTES		600
#define SW_LOOPBACK_MAGIC_OFF	700

struct sw_txq {
	u8 *desc;
	unsigned int head, tail;
};

struct sw_port {
	unsigned int id;
	struct sw_txq q;
};

struct sw_ctrl {
	struct sw_port ports[SW_NUM_PORTS];
	size_t desc_mem;
};

int sw_ports_init(struct sw_ctrl *ctrl)
{
	int i;

	for (i = 0; i < SW_NUM_PORTS; i++) {
		ctrl->ports[i].id = i;
		ctrl->ports[i].q.desc = kzalloc(SW_DESC_BYTES, GFP_KERNEL);
		if (!ctrl->ports[i].q.desc)
			goto err;
		ctrl->desc_mem += ksize(ctrl->ports[i].q.desc);
	}
	return 0;
err:
	while (--i >= 0)
		kfree(ctrl->ports[i].q.desc);
	return -ENOMEM;
}

void sw_port_teardown(struct sw_ctrl *ctrl, int i)
{
	kfree(ctrl->ports[i].q.desc);
	ctrl->desc_mem -= ksize(ctrl->ports[i].q.desc); /* expect: ksize-after-free */
	ctrl->ports[i].q.desc = NULL;
}

int sw_loopback_test(struct sw_ctrl *ctrl)
{
	struct sw_port *port = &ctrl->ports[1];

	port->q.desc = kzalloc(SW_DESC_BYTES, GFP_KERNEL);
	if (!port->q.desc)
		return -ENOMEM;
	port->q.desc[0] = 0xa5;
	port->q.desc[SW_DESC_BYTES - 1] = 0x5a;
	port->q.desc[SW_LOOPBACK_MAGIC_OFF] = 0x3c; /* expect: slack-write */
	return 0;
}

MODULE_LICENSE("GPL");
