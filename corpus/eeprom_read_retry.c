// SPDX-License-Identifier: GPL-2.0
/*
 * EEPROM read with retries: the buffer is reallocated on every attempt
 * in a do/while loop with continue and break.  On the give-up path the
 * buffer is freed and then measured with ksize().  The checksum loop and
 * the statistics inside the loop stay within the object.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define EEP_LEN		300
#define EEP_TRIES	3

struct eep {
	size_t stats_bytes;
	u8 csum;
};

int eep_hw_read(struct eep *e, u8 *buf, size_t len);

int eep_read_retry(struct eep *e, u8 **out)
{
	u8 *buf = NULL, sum;
	int tries, ret, i;

	tries = EEP_TRIES, ret = 0;
	do {
		kfree(buf);
		buf = kmalloc(EEP_LEN, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		ret = eep_hw_read(e, buf, EEP_LEN);
		if (ret == -EAGAIN)
			continue;
		if (ret)
			break;
		e->stats_bytes += ksize(buf);
	} while (ret == -EAGAIN && --tries);

	if (ret) {
		kfree(buf);
		pr_debug("eep: gave up with a %zu byte buffer\n", ksize(buf)); /* expect: ksize-after-free */
		return ret;
	}

	for (i = 0, sum = 0; i < EEP_LEN; i++)
		sum += buf[i];
	e->csum = sum;
	*out = buf;
	return 0;
}

MODULE_LICENSE("GPL");
