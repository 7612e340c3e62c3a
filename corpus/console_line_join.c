// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * A debug console that assembles input lines and joins a prefix with a
 * device name, each in a 600-byte kmalloc buffer (kmalloc-1024 on
 * x86_64 SLUB).  Two guards are off by one against the allocation:
 * dcon_feed() tests the cursor's distance from the start with `>` before
 * a pre-increment store, so the store can land at byte 600 (slack);
 * dcon_name() checks plen + nlen against the size but forgets the NUL,
 * which lands at byte 600 (slack).  The corrected twins are silent, and
 * so is a guard against the allocation's own variable size done right.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define DCON_LINE	600

struct dcon {
	char *line;
	char *name;
	unsigned int len;
};

int dcon_feed(struct dcon *dc, const char *in, size_t n)
{
	char *p;
	size_t i;

	dc->line = kmalloc(DCON_LINE, GFP_KERNEL);
	if (!dc->line)
		return -ENOMEM;
	p = dc->line;
	*p = '>';
	for (i = 0; i < n && in[i] != '\n'; i++) {
		if (p - dc->line > DCON_LINE - 1)
			return -ENOSPC;
		*++p = in[i]; /* expect: slack-write */
	}
	dc->len = p - dc->line;
	return 0;
}

int dcon_feed_ok(struct dcon *dc, const char *in, size_t n)
{
	char *p;
	size_t i;

	dc->line = kmalloc(DCON_LINE, GFP_KERNEL);
	if (!dc->line)
		return -ENOMEM;
	p = dc->line;
	*p = '>';
	for (i = 0; i < n && in[i] != '\n'; i++) {
		if (p - dc->line >= DCON_LINE - 1)
			return -ENOSPC;
		*++p = in[i];
	}
	dc->len = p - dc->line;
	return 0;
}

int dcon_name(struct dcon *dc, const char *prefix, const char *dev)
{
	size_t plen = strlen(prefix), nlen = strlen(dev);

	dc->name = kmalloc(DCON_LINE, GFP_KERNEL);
	if (!dc->name)
		return -ENOMEM;
	if (plen + nlen > DCON_LINE)
		return -ENAMETOOLONG;
	memcpy(dc->name, prefix, plen);
	memcpy(dc->name + plen, dev, nlen);
	dc->name[plen + nlen] = '\0'; /* expect: slack-write */
	return 0;
}

int dcon_name_ok(struct dcon *dc, const char *prefix, const char *dev)
{
	size_t plen = strlen(prefix), nlen = strlen(dev);

	dc->name = kmalloc(DCON_LINE, GFP_KERNEL);
	if (!dc->name)
		return -ENOMEM;
	if (plen + nlen >= DCON_LINE)
		return -ENAMETOOLONG;
	memcpy(dc->name, prefix, plen);
	memcpy(dc->name + plen, dev, nlen);
	dc->name[plen + nlen] = '\0';
	return 0;
}

int dcon_name_sized(struct dcon *dc, const char *prefix, const char *dev,
		    size_t size)
{
	size_t plen = strlen(prefix), nlen = strlen(dev);

	dc->name = kmalloc(size, GFP_KERNEL);
	if (!dc->name)
		return -ENOMEM;
	if (plen + nlen + 1 > size)
		return -ENAMETOOLONG;
	memcpy(dc->name, prefix, plen);
	memcpy(dc->name + plen, dev, nlen);
	dc->name[plen + nlen] = '\0';
	return 0;
}

MODULE_LICENSE("GPL");
