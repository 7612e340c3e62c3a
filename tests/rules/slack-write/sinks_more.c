// SPDX-License-Identifier: GPL-2.0
/*
 * Slack writes through sinks whose length is ksize(): memcpy, strscpy,
 * snprintf, copy_from_user, a byte loop up to ksize(), the last byte at
 * ksize() - 1, and a capacity kept in a struct two levels deep.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct name_buf {
	char *s;
	size_t cap;
};

struct port {
	struct name_buf *nb;
	int id;
};

char *name_copy(const char *src)
{
	char *p = kmalloc(20, GFP_KERNEL);

	if (!p)
		return NULL;
	strscpy(p, src, ksize(p)); /* expect: slack-write */
	return p;
}

char *name_fmt(const char *name)
{
	char *p = kmalloc(40, GFP_KERNEL);

	if (!p)
		return NULL;
	/* %s of unknown length: snprintf may write up to ksize() */
	snprintf(p, ksize(p), "port-%s", name); /* expect: slack-write */
	return p;
}

void *blob_from_user(const void __user *u, size_t len)
{
	void *p = kmalloc(len, GFP_KERNEL);

	if (!p)
		return NULL;
	if (copy_from_user(p, u, ksize(p))) { /* expect: slack-write */
		kfree(p);
		return NULL;
	}
	return p;
}

void *blob_dup(const void *src, size_t len)
{
	size_t cap;
	void *p = kmalloc(len, GFP_KERNEL);

	if (!p)
		return NULL;
	cap = ksize(p);
	memcpy(p, src, cap); /* expect: slack-write */
	return p;
}

u8 *zero_loop(size_t n)
{
	u8 *p = kmalloc(n, GFP_KERNEL);
	size_t i;

	if (!p)
		return NULL;
	for (i = 0; i < ksize(p); i++)
		p[i] = 0; /* expect: slack-write */
	return p;
}

char *terminate(size_t n)
{
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return NULL;
	p[ksize(p) - 1] = '\0'; /* expect: slack-write */
	return p;
}

int port_name_init(struct port *pt, size_t n)
{
	pt->nb = kzalloc(sizeof(*pt->nb), GFP_KERNEL);
	if (!pt->nb)
		return -ENOMEM;
	pt->nb->s = kmalloc(n, GFP_KERNEL);
	if (!pt->nb->s)
		return -ENOMEM;
	pt->nb->cap = ksize(pt->nb->s);
	return 0;
}

void port_name_clear(struct port *pt)
{
	memset(pt->nb->s, 0, pt->nb->cap); /* expect: slack-write */
}

void *grow_loop(int count)
{
	u8 *p = NULL;
	int i;

	for (i = 0; i < count; i++) {
		kfree(p);
		p = kmalloc(100, GFP_KERNEL);
		if (!p)
			return NULL;
		memset(p, 0xff, ksize(p)); /* expect: slack-write */
	}
	return p;
}
