/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: ALIGN helpers. Not kernel source. */
#ifndef _KSTUB_LINUX_ALIGN_H
#define _KSTUB_LINUX_ALIGN_H

#define __ALIGN_KERNEL_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_KERNEL_MASK(x, (typeof(x))(a) - 1)
#define ALIGN_DOWN(x, a)	ALIGN((x) - ((a) - 1), (a))
#define PTR_ALIGN(p, a)		((typeof(p))ALIGN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a)	(((x) & ((typeof(x))(a) - 1)) == 0)

#endif /* _KSTUB_LINUX_ALIGN_H */
