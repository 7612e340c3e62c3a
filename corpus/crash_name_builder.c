// SPDX-License-Identifier: GPL-2.0
/*
 * Crash report name builder: a growing buffer whose capacity is kept in
 * the struct.  name_expand() stores ksize() of the krealloc'd buffer as
 * the capacity, and name_vprintf(), another function, bounds vsnprintf()
 * by it: the text may run into the slack.  The converted twin rounds
 * the size with kmalloc_size_roundup() before krealloc() and stores the
 * rounded size (the way such code was fixed), and the third keeps the
 * ksize() call after a rounded allocation: both silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct crash_name {
	char *name;
	int used, size;
};

static int name_expand(struct crash_name *cn, int size)
{
	char *name = krealloc(cn->name, size, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	cn->name = name;
	cn->size = ksize(name);
	return 0;
}

static __printf(2, 0) int name_vprintf(struct crash_name *cn,
				       const char *fmt, va_list arg)
{
	int free, need;
	va_list arg_copy;

again:
	free = cn->size - cn->used;
	va_copy(arg_copy, arg);
	need = vsnprintf(cn->name + cn->used, free, fmt, arg_copy); /* expect: slack-write */
	va_end(arg_copy);
	if (need < free) {
		cn->used += need;
		return 0;
	}
	if (!name_expand(cn, cn->size + need - free + 1))
		goto again;
	return -ENOMEM;
}

struct crash_name2 {
	char *name;
	int used, size;
};

static int name2_expand(struct crash_name2 *cn, int size)
{
	char *name;

	size = kmalloc_size_roundup(size);
	name = krealloc(cn->name, size, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	cn->name = name;
	cn->size = size;
	return 0;
}

static __printf(2, 0) int name2_vprintf(struct crash_name2 *cn,
					const char *fmt, va_list arg)
{
	int free, need;
	va_list arg_copy;

again:
	free = cn->size - cn->used;
	va_copy(arg_copy, arg);
	need = vsnprintf(cn->name + cn->used, free, fmt, arg_copy);
	va_end(arg_copy);
	if (need < free) {
		cn->used += need;
		return 0;
	}
	if (!name2_expand(cn, cn->size + need - free + 1))
		goto again;
	return -ENOMEM;
}

static int name3_alloc(struct crash_name *cn, int size)
{
	cn->name = kmalloc(kmalloc_size_roundup(size), GFP_KERNEL);
	if (!cn->name)
		return -ENOMEM;
	/* allocated with the rounded size: ksize() is the request */
	cn->size = ksize(cn->name);
	memset(cn->name, 0, cn->size);
	cn->used = 0;
	return 0;
}

__printf(2, 3) int crash_name_printf(struct crash_name *cn, const char *fmt, ...)
{
	va_list arg;
	int ret;

	va_start(arg, fmt);
	ret = name_vprintf(cn, fmt, arg);
	va_end(arg);
	return ret;
}

__printf(2, 3) int crash_name2_printf(struct crash_name2 *cn, const char *fmt, ...)
{
	va_list arg;
	int ret;

	va_start(arg, fmt);
	ret = name2_vprintf(cn, fmt, arg);
	va_end(arg);
	return ret;
}

int crash_name_init(struct crash_name *cn)
{
	return name3_alloc(cn, 100);
}

MODULE_LICENSE("GPL");
