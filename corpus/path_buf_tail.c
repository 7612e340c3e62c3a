// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * A path buffer that is filled from its end (components are prepended,
 * as send/receive stream code does).  The end anchor is placed at
 * buf + ksize(buf) - 1, so the first component is written into the
 * slack of a 300-byte request (kmalloc-512).  The rounded twin allocates
 * kmalloc_size_roundup(len) and anchors at that length: silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define PBUF_LEN	300
#define PBUF_NAME_MAX	40

struct pbuf {
	char *buf;
	char *start;
	char *end;
	unsigned int buf_len;
};

int pbuf_init_tail(struct pbuf *p, const char *name, size_t nlen)
{
	if (nlen > PBUF_NAME_MAX)
		return -ENAMETOOLONG;
	p->buf = kmalloc(PBUF_LEN, GFP_KERNEL);
	if (!p->buf)
		return -ENOMEM;
	p->buf_len = ksize(p->buf);
	p->end = p->buf + p->buf_len - 1;
	*p->end = '\0'; /* expect: slack-write */
	p->start = p->end - nlen;
	memmove(p->start, name, nlen); /* expect: slack-write */
	return 0;
}

int pbuf_init_tail_rounded(struct pbuf *p, const char *name, size_t nlen)
{
	size_t len = kmalloc_size_roundup(PBUF_LEN);

	if (nlen > PBUF_NAME_MAX)
		return -ENAMETOOLONG;
	p->buf = kmalloc(len, GFP_KERNEL);
	if (!p->buf)
		return -ENOMEM;
	p->buf_len = len;
	p->end = p->buf + p->buf_len - 1;
	*p->end = '\0';
	p->start = p->end - nlen;
	memmove(p->start, name, nlen);
	return 0;
}

MODULE_LICENSE("GPL");
