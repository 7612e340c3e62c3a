// SPDX-License-Identifier: GPL-2.0
/*
 * Functions that a macro defines (DEFINE_*() helpers, one per name) are
 * the file's own: they are analysed, and inlined where they are called,
 * like the functions written out. A helper that clears 40 bytes of a
 * kmalloc(16) overflows kmalloc-16 wherever it is defined; one that
 * clears what was requested is fine.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define DEFINE_CLEAR(name, len)					\
static void clear_##name(u8 *p)						\
{									\
	memset(p, 0, len);						\
}

DEFINE_CLEAR(record, 40) /* expect: overflow-write "ends at 40" */
DEFINE_CLEAR(header, 16)

#define DEFINE_RESET(name, len)					\
void reset_##name(void)							\
{									\
	u8 *p = kmalloc(16, GFP_KERNEL);				\
									\
	if (!p)								\
		return;							\
	memset(p, 0xff, len);						\
	kfree(p);							\
}

DEFINE_RESET(big, 24) /* expect: overflow-write "ends at 24" */
DEFINE_RESET(small, 12)

void record_init(void)
{
	u8 *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return;
	clear_record(p);
	kfree(p);
}

void header_init(void)
{
	u8 *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return;
	clear_header(p);
	kfree(p);
}
