/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: struct page helpers and kvfree. Not kernel source. */
#ifndef _KSTUB_LINUX_MM_H
#define _KSTUB_LINUX_MM_H

#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/align.h>

void *page_address(const struct page *page);
struct page *virt_to_page(const void *addr);
void *folio_address(const struct folio *folio);
unsigned long totalram_pages(void);

#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)
#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)

#endif /* _KSTUB_LINUX_MM_H */
