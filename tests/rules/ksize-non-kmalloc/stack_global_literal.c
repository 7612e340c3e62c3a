// SPDX-License-Identifier: GPL-2.0
/*
 * ksize() on stack arrays, globals, string literals, and the result of
 * kstrdup_const() on a literal (it returns the .rodata input itself).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

static char fw_name_buf[64];
static const char default_label[] = "eth-default";

size_t stack_buf_size(void)
{
	char buf[32];

	memset(buf, 0, sizeof(buf));
	return ksize(buf); /* expect: ksize-non-kmalloc "stack" */
}

size_t global_buf_size(void)
{
	return ksize(fw_name_buf); /* expect: ksize-non-kmalloc "global" */
}

size_t global_addr_size(void)
{
	return ksize(&fw_name_buf[0]); /* expect: ksize-non-kmalloc */
}

size_t label_size(void)
{
	return ksize(default_label); /* expect: ksize-non-kmalloc */
}

size_t literal_size(void)
{
	return ksize("tx-queue"); /* expect: ksize-non-kmalloc "literal" */
}

size_t const_dup_size(void)
{
	const char *name = kstrdup_const("rx-queue", GFP_KERNEL);

	if (!name)
		return 0;
	return ksize(name); /* expect: ksize-non-kmalloc */
}

size_t dup_size(void)
{
	char *name = kstrdup("rx-queue", GFP_KERNEL);

	if (!name)
		return 0;
	return ksize(name);
}
