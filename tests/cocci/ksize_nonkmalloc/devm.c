// SPDX-License-Identifier: GPL-2.0
/* a devm_* pointer sits after the devres header */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/slab.h>

struct priv {
	u8 *fw;
	size_t fw_room;
};

int priv_probe(struct device *dev, struct priv *pv, size_t len)
{
	pv->fw = devm_kzalloc(dev, len, GFP_KERNEL);
	if (!pv->fw)
		return -ENOMEM;
	pv->fw_room = ksize(pv->fw);
	return 0;
}
