// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Crash-dump writer: it tries to kmalloc a record buffer and falls back
 * to a static emergency buffer when memory is short (it may run in
 * atomic context after an oops).  ksize() on the record is then a global
 * on the fallback path.  A plain NULL check instead prunes the NULL path
 * and leaves a kmalloc start.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define PSTORE_REC_LEN	1000

static char pstore_emergency[PSTORE_REC_LEN];

struct pstore_rec {
	char *buf;
	size_t size;
	bool emergency;
};

void pstore_rec_get(struct pstore_rec *rec)
{
	char *buf;

	buf = kmalloc(PSTORE_REC_LEN, GFP_ATOMIC | __GFP_NOWARN);
	rec->emergency = !buf;
	if (!buf)
		buf = pstore_emergency;
	rec->buf = buf;
	rec->size = ksize(buf); /* expect: ksize-maybe-non-kmalloc "line" */
}

int pstore_rec_get_nofallback(struct pstore_rec *rec)
{
	char *buf;

	buf = kmalloc(PSTORE_REC_LEN, GFP_ATOMIC | __GFP_NOWARN);
	if (!buf)
		return -ENOMEM;
	rec->buf = buf;
	rec->emergency = false;
	pr_debug("record buffer %zu\n", ksize(buf));
	rec->size = PSTORE_REC_LEN;
	return 0;
}

void pstore_rec_put(struct pstore_rec *rec)
{
	if (!rec->emergency)
		kfree(rec->buf);
	rec->buf = NULL;
}

MODULE_LICENSE("GPL");
