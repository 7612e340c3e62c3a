/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: delays (declarations only). Not kernel source. */
#ifndef _KSTUB_LINUX_DELAY_H
#define _KSTUB_LINUX_DELAY_H

void msleep(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif /* _KSTUB_LINUX_DELAY_H */
