/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: x86_64 4K pages. Not kernel source. */
#ifndef _KSTUB_ASM_PAGE_H
#define _KSTUB_ASM_PAGE_H

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#endif /* _KSTUB_ASM_PAGE_H */
