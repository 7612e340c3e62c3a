// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * A driver-private element pool that poisons free elements.  The poison
 * helper writes [0, size) through its pointer argument; called with
 * ksize() of a 300-byte element (kmalloc-512) it writes the slack.  The
 * finding is reported at the access, the memset() in the helper (a note
 * names the call), as for any access; the exact-size call adds nothing.
 * "Reuse if it fits" (need <= ksize(p), then write need bytes)
 * is also a slack write when need may exceed the request.  Wiping a
 * parameter of unknown origin before freeing it is not judged.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define EPOOL_ELEM	300
#define EPOOL_POISON	0x6b

static void epool_poison(void *obj, size_t size)
{
	memset(obj, EPOOL_POISON, size); /* expect: slack-write */
}

void *epool_prealloc(void)
{
	void *e;

	e = kmalloc(EPOOL_ELEM, GFP_KERNEL);
	if (!e)
		return NULL;
	epool_poison(e, ksize(e));
	return e;
}

void *epool_prealloc_exact(void)
{
	void *e;

	e = kmalloc(EPOOL_ELEM, GFP_KERNEL);
	if (e)
		epool_poison(e, EPOOL_ELEM);
	return e;
}

void *epool_get(size_t need)
{
	void *e;

	e = kmalloc(EPOOL_ELEM, GFP_KERNEL);
	if (!e)
		return NULL;
	if (need <= ksize(e)) {
		memset(e, 0, need); /* expect: slack-write */
		return e;
	}
	kfree(e);
	return kzalloc(need, GFP_KERNEL);
}

void epool_destroy_elem(void *e)
{
	size_t ks = ksize(e);

	memzero_explicit(e, ks);
	kfree(e);
}

MODULE_LICENSE("GPL");
