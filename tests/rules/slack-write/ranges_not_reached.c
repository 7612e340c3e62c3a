// SPDX-License-Identifier: GPL-2.0
/*
 * Ranges whose upper end no path reaches (silent): a stride loop whose
 * index stops below the bound, and an index bounded only through a
 * relation between two variables (npages + cur <= max).
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#define SPI_BUF_LEN 240

int spi_burst(const u8 *txbuf, unsigned int len)
{
	u8 *write_buf = kmalloc(SPI_BUF_LEN + 6, GFP_KERNEL);
	unsigned int i, end, offset = 0;

	if (!write_buf)
		return -ENOMEM;
	while (offset < len) {
		if (offset + SPI_BUF_LEN <= len)
			end = SPI_BUF_LEN;
		else
			end = len % SPI_BUF_LEN;
		write_buf[0] = 2;
		for (i = 0; i < end; i += 8) {
			write_buf[i + 12] = txbuf[offset + i + 0];
			write_buf[i + 5] = txbuf[offset + i + 7];
		}
		offset += SPI_BUF_LEN;
	}
	kfree(write_buf);
	return 0;
}

struct pvec {
	void *page;
	unsigned int off;
};

int fill_vec(unsigned int max_pages, unsigned int count)
{
	struct pvec *bv = kmalloc_array(max_pages, sizeof(*bv), GFP_KERNEL);
	unsigned int npages = 0, cur, i;

	if (!bv)
		return -ENOMEM;
	while (count && npages < max_pages) {
		cur = count > 4 ? 4 : count;
		if (npages + cur > max_pages)
			break;
		for (i = 0; i < cur; i++) {
			bv[npages + i].page = NULL;
			bv[npages + i].off = 0;
		}
		count -= cur;
		npages += cur;
	}
	kfree(bv);
	return 0;
}
