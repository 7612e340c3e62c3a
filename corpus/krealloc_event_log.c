// SPDX-License-Identifier: GPL-2.0
/*
 * An in-kernel event log that grows with krealloc().  elog_grow() uses
 * the accepted idiom (krealloc(buf, ksize(buf))) and may then use the
 * whole object.  elog_append_grow() does it the wrong way: it grows to
 * the new length and then clears up to ksize(), past what it asked for.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/spinlock.h>

#define ELOG_MIN	600

struct elog {
	spinlock_t lock;
	char *buf;
	size_t len;
	size_t size;
};

/* Grow into the slack of the current object, the accepted way. */
static int elog_grow(struct elog *log)
{
	char *nb;

	nb = krealloc(log->buf, ksize(log->buf), GFP_ATOMIC);
	if (!nb)
		return -ENOMEM;
	log->buf = nb;
	log->size = ksize(nb);
	memset(log->buf + log->len, 0, log->size - log->len);
	return 0;
}

static int elog_append_grow(struct elog *log, const char *msg, size_t n)
{
	size_t want = log->len + n + 1;
	char *nb;

	nb = krealloc(log->buf, want, GFP_ATOMIC);
	if (!nb)
		return -ENOMEM;
	log->buf = nb;
	memcpy(log->buf + log->len, msg, n);
	log->len += n;
	/* zero everything after the text: up to the bucket, not to want */
	memset(log->buf + log->len, 0, ksize(log->buf) - log->len); /* expect: slack-write */
	log->size = want;
	return 0;
}

int elog_init(struct elog *log)
{
	spin_lock_init(&log->lock);
	log->buf = kzalloc(ELOG_MIN, GFP_KERNEL);
	if (!log->buf)
		return -ENOMEM;
	log->len = 0;
	log->size = ELOG_MIN;
	return 0;
}

int elog_add(struct elog *log, const char *msg)
{
	size_t n = strlen(msg);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&log->lock, flags);
	if (log->len + n + 1 > log->size)
		ret = elog_grow(log);
	if (!ret && log->len + n + 1 > log->size)
		ret = elog_append_grow(log, msg, n);
	else if (!ret) {
		memcpy(log->buf + log->len, msg, n + 1);
		log->len += n;
	}
	spin_unlock_irqrestore(&log->lock, flags);
	return ret;
}

MODULE_LICENSE("GPL");
