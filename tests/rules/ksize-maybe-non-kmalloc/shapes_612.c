// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Mixed provenance under the 6.10+ stubs: a ternary picking vmalloc or
 * kmalloc, a switch with fall-through picking allocators, kvcalloc,
 * kstrdup_const, and a static helper handing back its buffer through an
 * out-parameter. kmalloc_node/kzalloc_node/kasprintf/krealloc_array
 * results are plain kmalloc memory and stay silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

size_t pick_size(size_t n, bool big)
{
	void *p = big ? vmalloc(n) : kmalloc(n, GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t mode_size(int mode, size_t n)
{
	void *p;

	switch (mode) {
	case 0:
		p = kmalloc(n, GFP_KERNEL);
		break;
	case 1:
		n *= 2;
		fallthrough;
	case 2:
		p = vzalloc(n);
		break;
	default:
		p = kzalloc(n, GFP_KERNEL);
		break;
	}
	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-maybe-non-kmalloc */
}

size_t only_vm_modes(int mode, size_t n)
{
	void *p;

	switch (mode) {
	case 1:
		n += 64;
		fallthrough;
	case 2:
		p = vmalloc(n);
		break;
	default:
		p = vzalloc(n);
		break;
	}
	if (!p)
		return 0;
	return ksize(p); /* expect: ksize-non-kmalloc */
}

size_t table_size(size_t n)
{
	u32 *t = kvcalloc(n, sizeof(*t), GFP_KERNEL);

	if (!t)
		return 0;
	return ksize(t); /* expect: ksize-maybe-non-kmalloc */
}

size_t label_size(const char *name)
{
	const char *l = kstrdup_const(name, GFP_KERNEL);

	if (!l)
		return 0;
	return ksize(l); /* expect: ksize-maybe-non-kmalloc */
}

static int get_buf(void **out, size_t n, bool vm)
{
	void *b;

	if (vm)
		b = vmalloc(n);
	else
		b = kmalloc(n, GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	*out = b;
	return 0;
}

size_t outparam_size(size_t n, bool vm)
{
	void *buf;
	int err;

	err = get_buf(&buf, n, vm);
	if (err)
		return 0;
	return ksize(buf); /* expect: ksize-maybe-non-kmalloc */
}

static int get_vbuf(void **out, size_t n)
{
	*out = vmalloc(n);
	return *out ? 0 : -ENOMEM;
}

size_t outparam_vm_size(size_t n)
{
	void *buf;

	if (get_vbuf(&buf, n))
		return 0;
	return ksize(buf); /* expect: ksize-non-kmalloc */
}

size_t node_sizes(size_t n, int nid)
{
	void *a = kmalloc_node(n, GFP_KERNEL, nid);
	void *b = kzalloc_node(n, GFP_KERNEL, nid);
	size_t s = 0;

	if (a)
		s += ksize(a);
	if (b)
		s += ksize(b);
	kfree(a);
	kfree(b);
	return s;
}

size_t fmt_size(int id)
{
	char *name = kasprintf(GFP_KERNEL, "ring-%d", id);
	size_t s;

	if (!name)
		return 0;
	s = ksize(name);
	kfree(name);
	return s;
}

size_t grow_size(u32 *old, size_t n)
{
	u32 *arr = krealloc_array(old, n, sizeof(*arr), GFP_KERNEL);

	if (!arr)
		return 0;
	return ksize(arr);
}

size_t dup_size(const void *src, size_t n)
{
	void *d = kmemdup(src, n, GFP_KERNEL);

	if (!d)
		return 0;
	return ksize(d);
}

size_t small_kv_size(void)
{
	void *p = kvzalloc(256, GFP_KERNEL);

	if (!p)
		return 0;
	return ksize(p);
}
