// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Sensor hub init with the usual goto unwind ladder.  The debug line in
 * the error path runs after the kfree() on that path, so its ksize() is
 * a use after free.  The accounting on the success path is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>

#define SHUB_FIFO_LEN		700
#define SHUB_CAL_LEN		48

struct shub {
	struct device *dev;
	u8 *fifo;
	s16 *cal;
	size_t mem;
};

int shub_hw_reset(struct shub *hub);
int shub_read_cal(struct shub *hub, s16 *cal, size_t len);

int shub_init(struct shub *hub)
{
	u8 *fifo;
	s16 *cal;
	int ret;

	fifo = kzalloc(SHUB_FIFO_LEN, GFP_KERNEL);
	if (!fifo)
		return -ENOMEM;

	cal = kcalloc(SHUB_CAL_LEN, sizeof(*cal), GFP_KERNEL);
	if (!cal) {
		ret = -ENOMEM;
		goto err_free_fifo;
	}

	ret = shub_hw_reset(hub);
	if (ret)
		goto err_free_cal;

	ret = shub_read_cal(hub, cal, SHUB_CAL_LEN * sizeof(*cal));
	if (ret < 0)
		goto err_free_cal;

	hub->fifo = fifo;
	hub->cal = cal;
	hub->mem = ksize(fifo) + ksize(cal);
	return 0;

err_free_cal:
	kfree(cal);
	dev_dbg(hub->dev, "dropped %zu bytes of calibration\n", ksize(cal)); /* expect: ksize-after-free */
err_free_fifo:
	kfree(fifo);
	return ret;
}

void shub_exit(struct shub *hub)
{
	kfree(hub->cal);
	kfree(hub->fifo);
}

MODULE_LICENSE("GPL");
