// SPDX-License-Identifier: GPL-2.0
/*
 * A UART port driver that allocates its buffers in probe and uses them
 * from the interrupt path, in other functions.  Every store of rx_buf is
 * kmalloc(1500) (kmalloc-2k): the RX handler clears a whole 1536-byte
 * FIFO window, 36 bytes past the request.  The firmware image is 20000
 * bytes, above KMALLOC_MAX_CACHE_SIZE (8192), so it lives in an order-3
 * page allocation of 32768 bytes; patching it at offset 24000 writes into
 * those pages past the request.  The descriptor ring is sized by its own
 * count field (nr_desc * 4): the ring walk with i < nr_desc is fine, the
 * end marker written at ring[nr_desc] is 4 bytes of slack.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FUART_RX_LEN		1500
#define FUART_FIFO_WIN		1536
#define FUART_FW_LEN		20000
#define FUART_FW_PATCH_OFF	24000

struct fuart_port {
	u8 *rx_buf;
	u8 *fw;
	u32 *desc;
	unsigned int nr_desc;
};

int fuart_probe(struct fuart_port *up, unsigned int nr)
{
	up->rx_buf = kmalloc(FUART_RX_LEN, GFP_KERNEL);
	if (!up->rx_buf)
		return -ENOMEM;
	up->fw = kmalloc(FUART_FW_LEN, GFP_KERNEL);
	if (!up->fw)
		goto err_rx;
	up->nr_desc = nr;
	up->desc = kcalloc(nr, sizeof(*up->desc), GFP_KERNEL);
	if (!up->desc)
		goto err_fw;
	return 0;

err_fw:
	kfree(up->fw);
err_rx:
	kfree(up->rx_buf);
	return -ENOMEM;
}

void fuart_rx_irq(struct fuart_port *up)
{
	memset(up->rx_buf, 0, FUART_FIFO_WIN); /* expect: slack-write */
}

void fuart_rx_irq_ok(struct fuart_port *up)
{
	memset(up->rx_buf, 0, FUART_RX_LEN);
}

void fuart_fw_patch(struct fuart_port *up, u32 val)
{
	*(u32 *)(up->fw + FUART_FW_PATCH_OFF) = val; /* expect: slack-write */
}

void fuart_desc_reset(struct fuart_port *up)
{
	unsigned int i;

	for (i = 0; i < up->nr_desc; i++)
		up->desc[i] = 0;
	up->desc[up->nr_desc] = ~0u; /* expect: slack-write */
}

void fuart_remove(struct fuart_port *up)
{
	kfree(up->desc);
	kfree(up->fw);
	kfree(up->rx_buf);
}

MODULE_LICENSE("GPL");
