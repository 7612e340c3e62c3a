// SPDX-License-Identifier: GPL-2.0
/* sample_drv.c - input of the output tests (tests/output): the findings
 * are built in-process by kc-out-sample at the lines below, so the
 * fingerprints and suppressions are computed from real source text.
 */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

struct sample_ring {
	void *buf;
	size_t cap;
};

static int sample_ring_init(struct sample_ring *r, size_t n)
{
	r->buf = kmalloc(n, GFP_KERNEL);
	if (!r->buf)
		return -ENOMEM;
	r->cap = ksize(r->buf);
	memset(r->buf, 0, r->cap);
	return 0;
}

static size_t sample_table_size(void)
{
	void *t = vmalloc(8192);
	size_t sz;

	if (!t)
		return 0;
	sz = ksize(t);
	vfree(t);
	return sz;
}

static void sample_stats(char *name)
{
	char *copy = kstrdup(name, GFP_KERNEL);

	/* ksizecheck: ignore slack-read: copy is NUL-terminated within len */
	pr_info("%zu\n", strnlen(copy, ksize(copy)));
	kfree(copy);
}
