/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: jiffies. Not kernel source. */
#ifndef _KSTUB_LINUX_JIFFIES_H
#define _KSTUB_LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ	250
extern volatile unsigned long jiffies;
unsigned long msecs_to_jiffies(const unsigned int m);
unsigned int jiffies_to_msecs(const unsigned long j);
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

#endif /* _KSTUB_LINUX_JIFFIES_H */
