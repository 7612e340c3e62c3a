// SPDX-License-Identifier: GPL-2.0
/*
 * A small string builder used by a trace dumper.  tb_init() records the
 * capacity as ksize() of the buffer; tb_putc()/tb_puts() in other
 * functions bound their writes by that capacity, so they write into the
 * slab slack (requested 300 bytes, kmalloc-512).  tb_scratch() takes the
 * accepted route: krealloc(buf, ksize(buf)) makes the slack part of the
 * object before anything uses it.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define TB_INITIAL	300

struct tbuf {
	char *buf;
	size_t len;
	size_t cap;
};

static int tb_init(struct tbuf *tb)
{
	tb->buf = kmalloc(TB_INITIAL, GFP_KERNEL);
	if (!tb->buf)
		return -ENOMEM;
	tb->len = 0;
	tb->cap = ksize(tb->buf);
	return 0;
}

static int tb_putc(struct tbuf *tb, char c)
{
	if (tb->len + 1 >= tb->cap)
		return -ENOSPC;
	tb->buf[tb->len++] = c; /* expect: slack-write */
	tb->buf[tb->len] = '\0'; /* expect: slack-write */
	return 0;
}

static int tb_puts(struct tbuf *tb, const char *s)
{
	size_t n = strlen(s);

	if (tb->len + n + 1 > tb->cap)
		return -ENOSPC;
	memcpy(tb->buf + tb->len, s, n + 1); /* expect: slack-write */
	tb->len += n;
	return 0;
}

static void tb_release(struct tbuf *tb)
{
	kfree(tb->buf);
	tb->buf = NULL;
	tb->len = tb->cap = 0;
}

/* The accepted idiom: grow in place to the bucket, then use all of it. */
static char *tb_scratch(size_t size)
{
	char *nb;

	nb = kmalloc(size, GFP_KERNEL);
	if (!nb)
		return NULL;
	nb = krealloc(nb, ksize(nb), GFP_KERNEL);
	if (!nb)
		return NULL;
	memset(nb, ' ', ksize(nb));
	nb[ksize(nb) - 1] = '\0';
	return nb;
}

int trace_dump_header(struct tbuf *tb, const char *name)
{
	int ret;

	ret = tb_init(tb);
	if (ret)
		return ret;
	ret = tb_puts(tb, "trace: ");
	if (!ret)
		ret = tb_puts(tb, name);
	if (!ret)
		ret = tb_putc(tb, '\n');
	if (ret)
		tb_release(tb);
	return ret;
}

char *trace_dump_blank_line(size_t width)
{
	return tb_scratch(width);
}

MODULE_LICENSE("GPL");
