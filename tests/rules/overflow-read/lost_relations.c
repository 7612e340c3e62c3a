// SPDX-License-Identifier: GPL-2.0
/*
 * Ranges whose worst end is not a real path: no verdict (precision over
 * recall). From the false positives of the 6.1 whole-tree run:
 * - a helper analysed in its caller's context bounds a length by its
 *   own guard (512), meant for every caller; the caller's 64-byte buffer
 *   always comes with a length that fits (lmedm04, cs_dsp, stm32-mdma);
 * An exact length past the buffer in the same helper stays an overflow.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct link {
	u8 shadow[512];
};

static int link_talk(struct link *l, const u8 *wbuf, int wlen)
{
	if (wlen > sizeof(l->shadow))
		return -EINVAL;
	memcpy(l->shadow, wbuf, wlen);
	return 0;
}

int link_send_fw(struct link *l, const u8 *fw, size_t size)
{
	u8 *data = kzalloc(64, GFP_KERNEL);
	size_t j;
	int dlen, ret = 0;

	if (!data)
		return -ENOMEM;
	for (j = 0; j < size; j += 60) {
		if (size - j > 60)
			dlen = 60;
		else
			dlen = (u8)(size - j);
		memcpy(data, fw + j, dlen);
		ret |= link_talk(l, data, dlen);
	}
	kfree(data);
	return ret;
}

static int link_peek(struct link *l, const u8 *wbuf)
{
	memcpy(l->shadow, wbuf, 16); /* expect: overflow-read "16 bytes" */
	return 0;
}

int link_probe(struct link *l)
{
	u8 *id = kzalloc(4, GFP_KERNEL);
	int ret;

	if (!id)
		return -ENOMEM;
	ret = link_peek(l, id);
	kfree(id);
	return ret;
}

/* insertion sort (verify_pefile): the destination offset and the length
 * are both ranges over i, and their worst ends never meet */
unsigned int *sort_index(const u32 *key, unsigned int n)
{
	unsigned int *canon = kcalloc(n, sizeof(unsigned int), GFP_KERNEL);
	unsigned int loop, i;

	if (!canon)
		return NULL;
	canon[0] = 0;
	for (loop = 1; loop < n; loop++) {
		for (i = 0; i < loop; i++) {
			if (key[canon[i]] > key[loop]) {
				memmove(&canon[i + 1], &canon[i],
					(loop - i) * sizeof(canon[0]));
				break;
			}
		}
		canon[i] = loop;
	}
	return canon;
}
