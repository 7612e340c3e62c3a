/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: MMIO accessors. Not kernel source. */
#ifndef _KSTUB_LINUX_IO_H
#define _KSTUB_LINUX_IO_H

#include <linux/compiler.h>
#include <linux/types.h>

void memcpy_fromio(void *to, const volatile void __iomem *from, size_t count);
void memcpy_toio(volatile void __iomem *to, const void *from, size_t count);
void memset_io(volatile void __iomem *addr, int val, size_t count);

u8 readb(const volatile void __iomem *addr);
u16 readw(const volatile void __iomem *addr);
u32 readl(const volatile void __iomem *addr);
void writeb(u8 value, volatile void __iomem *addr);
void writew(u16 value, volatile void __iomem *addr);
void writel(u32 value, volatile void __iomem *addr);

void __iomem *ioremap(phys_addr_t offset, size_t size);
void iounmap(volatile void __iomem *addr);

#endif /* _KSTUB_LINUX_IO_H */
