/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: integer limits. Not kernel source. */
#ifndef _KSTUB_LINUX_LIMITS_H
#define _KSTUB_LINUX_LIMITS_H

#include <linux/types.h>

#define SIZE_MAX	(~(size_t)0)
#define SSIZE_MAX	((ssize_t)(SIZE_MAX >> 1))
#define U8_MAX		((u8)~0U)
#define S8_MAX		((s8)(U8_MAX >> 1))
#define U16_MAX		((u16)~0U)
#define S16_MAX		((s16)(U16_MAX >> 1))
#define U32_MAX		((u32)~0U)
#define S32_MAX		((s32)(U32_MAX >> 1))
#define U64_MAX		((u64)~0ULL)
#define INT_MAX		((int)(~0U >> 1))
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(~0U)
#define LONG_MAX	((long)(~0UL >> 1))
#define ULONG_MAX	(~0UL)
#define PATH_MAX	4096
#define NAME_MAX	255

#endif /* _KSTUB_LINUX_LIMITS_H */
