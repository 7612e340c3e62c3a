/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: bitmaps (see bitops.h). Not kernel source. */
#ifndef _KSTUB_LINUX_BITMAP_H
#define _KSTUB_LINUX_BITMAP_H

#include <linux/bitops.h>

#endif /* _KSTUB_LINUX_BITMAP_H */
