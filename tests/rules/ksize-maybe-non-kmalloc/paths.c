// SPDX-License-Identifier: GPL-2.0
/*
 * Memory that is kmalloc on one path and something else on another:
 * if/else, a manual vmalloc fallback, ?:, switch with fall-through and
 * default, goto. NULL and ERR_PTR paths pruned by checks stay silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/err.h>
#include <linux/string.h>

enum buf_kind { BUF_SMALL, BUF_LARGE, BUF_STATIC };

static char static_pool[256];

size_t ifelse_size(size_t n, bool big)
{
	void *p;

	if (big)
		p = vmalloc(n);
	else
		p = kmalloc(n, GFP_KERNEL);
	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc "line 22" */
}

size_t fallback_size(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL | __GFP_NOWARN);

	if (!p)
		p = vmalloc(n);
	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t cond_size(size_t n)
{
	void *p = n > 4096 ? vmalloc(n) : kmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t switch_size(enum buf_kind k, size_t n)
{
	void *p = NULL;

	switch (k) {
	case BUF_SMALL:
		p = kmalloc(n, GFP_KERNEL);
		break;
	case BUF_LARGE:
		p = vmalloc(n);
		break;
	default:
		p = static_pool;
		break;
	}
	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t switch_small_only(enum buf_kind k, size_t n)
{
	void *p = NULL;

	switch (k) {
	case BUF_SMALL:
	case BUF_LARGE:
		p = kmalloc(n, GFP_KERNEL);
		break;
	default:
		return 0;
	}
	if (!p)
		return 0;
	return ksize(p);
}

size_t goto_size(size_t n, int mode)
{
	void *p;

	if (mode == 1)
		goto use_vmalloc;
	p = kmalloc(n, GFP_KERNEL);
	goto done;
use_vmalloc:
	p = vmalloc(n);
done:
	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t null_path_pruned(size_t n, bool have)
{
	void *p = NULL;

	if (have)
		p = kmalloc(n, GFP_KERNEL);
	if (p)
		return ksize(p);
	return 0;
}

size_t errptr_pruned(const void __user *src, size_t n)
{
	void *p = memdup_user(src, n);

	if (IS_ERR(p))
		return 0;
	return ksize(p);
}
