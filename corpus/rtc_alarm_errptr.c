// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * RTC alarm queue.  alarmq_create() is a static helper that returns
 * ERR_PTR() on bad input or allocation failure and a kzalloc'd object of
 * its size argument otherwise; after the IS_ERR() check the caller holds
 * a kmalloc start of 300 bytes (kmalloc-512), so clearing ksize() bytes
 * is a slack write.  ksize() for the statistics line is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>

#define ALARMQ_MAX	4096
#define ALARMQ_DEFAULT	300

struct alarmq {
	u32 head;
	u32 tail;
	u64 slots[];
};

static struct alarmq *alarmq_create(size_t size)
{
	struct alarmq *q;

	if (size < sizeof(*q) || size > ALARMQ_MAX)
		return ERR_PTR(-EINVAL);
	q = kzalloc(size, GFP_KERNEL);
	if (!q)
		return ERR_PTR(-ENOMEM);
	return q;
}

int alarmq_setup(struct alarmq **out)
{
	struct alarmq *q;

	q = alarmq_create(ALARMQ_DEFAULT);
	if (IS_ERR(q))
		return PTR_ERR(q);
	pr_debug("alarm queue %zu bytes\n", ksize(q));
	memset(q, 0, ksize(q)); /* expect: slack-write */
	*out = q;
	return 0;
}

MODULE_LICENSE("GPL");
