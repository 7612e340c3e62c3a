// SPDX-License-Identifier: GPL-2.0
/*
 * An array of u32 requested with an opaque byte count (a struct size
 * kept in a field) is taken to hold whole elements: kbuf[pos / 4] under
 * pos < size reads the last whole element, not past the request, though
 * the bound alone would let it end 3 bytes past a size that is not a
 * multiple of 4. An index one element past (pos <= size), a request
 * that is visibly not whole elements (4 * n + 1), and a byte pointer
 * read as a word at a byte offset stay reported.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct dump_ring {
	unsigned int mqd_size;
	u32 *mqd;
	unsigned int n;
};

int dump_read_words(struct dump_ring *ring, loff_t *pos, u32 *out, int size)
{
	u32 *kbuf;
	unsigned int i;

	kbuf = kmalloc(ring->mqd_size, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	for (i = 0; i < ring->mqd_size / sizeof(u32); i++)
		kbuf[i] = ring->mqd[i];
	while (size > 0) {
		if (*pos >= ring->mqd_size)
			break;
		*out++ = kbuf[*pos / 4];
		size -= 4;
		*pos += 4;
	}
	kfree(kbuf);
	return 0;
}

u32 dump_read_past(struct dump_ring *ring, unsigned int pos)
{
	u32 *kbuf = kmalloc(ring->mqd_size, GFP_KERNEL);
	u32 v;

	if (!kbuf)
		return 0;
	if (pos > ring->mqd_size)
		goto out;
	v = kbuf[pos / 4]; /* expect: slack-read "ends up to 4 bytes past ring->mqd_size" */
out:
	kfree(kbuf);
	return v;
}

u32 dump_read_odd_request(struct dump_ring *ring, unsigned int pos)
{
	u32 *kbuf = kmalloc(4 * ring->n + 1, GFP_KERNEL);
	u32 v = 0;

	if (!kbuf)
		return 0;
	if (pos < 4 * ring->n + 1)
		v = kbuf[pos / 4]; /* expect: slack-read "ends up to 3 bytes past" */
	kfree(kbuf);
	return v;
}

u32 dump_read_unaligned(struct dump_ring *ring, unsigned int pos)
{
	u8 *kbuf = kmalloc(ring->mqd_size, GFP_KERNEL);
	u32 v = 0;

	if (!kbuf)
		return 0;
	if (pos < ring->mqd_size)
		v = *(u32 *)(kbuf + pos); /* expect: slack-read "ends up to 3 bytes past ring->mqd_size" */
	kfree(kbuf);
	return v;
}
