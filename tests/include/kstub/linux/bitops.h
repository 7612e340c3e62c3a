/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: bit operations (declarations). Not kernel source. */
#ifndef _KSTUB_LINUX_BITOPS_H
#define _KSTUB_LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/kernel.h>

#define BITS_PER_LONG		64
#define BITS_PER_BYTE		8
#define BITS_TO_LONGS(nr)	DIV_ROUND_UP(nr, BITS_PER_BYTE * sizeof(long))
#define DECLARE_BITMAP(name, bits)	unsigned long name[BITS_TO_LONGS(bits)]

void set_bit(long nr, volatile unsigned long *addr);
void clear_bit(long nr, volatile unsigned long *addr);
bool test_bit(long nr, const volatile unsigned long *addr);
bool test_and_set_bit(long nr, volatile unsigned long *addr);
unsigned long find_first_zero_bit(const unsigned long *addr,
				  unsigned long size);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
int fls(unsigned int x);
int fls64(u64 x);
unsigned long __ffs(unsigned long word);
unsigned int hweight32(unsigned int w);

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
void bitmap_free(const unsigned long *bitmap);
void bitmap_zero(unsigned long *dst, unsigned int nbits);

#endif /* _KSTUB_LINUX_BITOPS_H */
