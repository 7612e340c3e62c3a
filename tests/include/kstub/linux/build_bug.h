/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: <linux/build_bug.h> (6.x split header); the definitions live in <linux/minmax.h>. Not kernel source. */
#ifndef _KSTUB_LINUX_BUILD_BUG_H
#define _KSTUB_LINUX_BUILD_BUG_H

#include <linux/minmax.h>

#endif /* _KSTUB_LINUX_BUILD_BUG_H */
