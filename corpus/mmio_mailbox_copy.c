// SPDX-License-Identifier: GPL-2.0
/*
 * Doorbell mailbox of a management controller, accessed through MMIO.
 * Responses are pulled with memcpy_fromio() into a 300-byte buffer
 * (kmalloc-512); using ksize() as the length pulls 512 bytes.  Commands
 * are pushed with memcpy_toio(); the long-command path reads 600 bytes
 * from a 520-byte object (kmalloc-1024): a slack read.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/io.h>

#define MBX_RESP_LEN		300
#define MBX_CMD_LEN		64
#define MBX_LCMD_LEN		520
#define MBX_LCMD_WINDOW		600
#define MBX_REG_DOORBELL	0x00
#define MBX_REG_DATA		0x100

struct mbx {
	void __iomem *base;
	u8 *resp;
};

int mbx_read_resp(struct mbx *m)
{
	u8 *resp;

	resp = kmalloc(MBX_RESP_LEN, GFP_KERNEL);
	if (!resp)
		return -ENOMEM;
	memcpy_fromio(resp, m->base + MBX_REG_DATA, ksize(resp)); /* expect: slack-write */
	kfree(m->resp);
	m->resp = resp;
	return 0;
}

int mbx_send_cmd(struct mbx *m, const u8 *payload, size_t len)
{
	u8 *cmd;

	if (len > MBX_CMD_LEN)
		return -EINVAL;
	cmd = kzalloc(MBX_CMD_LEN, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	memcpy(cmd, payload, len);
	memcpy_toio(m->base + MBX_REG_DATA, cmd, MBX_CMD_LEN);
	writel(1, m->base + MBX_REG_DOORBELL);
	kfree(cmd);
	return 0;
}

int mbx_send_long_cmd(struct mbx *m, const u8 *payload)
{
	u8 *cmd;

	cmd = kmemdup(payload, MBX_LCMD_LEN, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	/* the window is 600 bytes; the command only 520 */
	memcpy_toio(m->base + MBX_REG_DATA, cmd, MBX_LCMD_WINDOW); /* expect: slack-read */
	writel(2, m->base + MBX_REG_DOORBELL);
	kfree(cmd);
	return 0;
}

MODULE_LICENSE("GPL");
