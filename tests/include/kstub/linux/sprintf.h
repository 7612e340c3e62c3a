/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: <linux/sprintf.h> (6.x split header); the definitions live in <linux/kernel.h>. Not kernel source. */
#ifndef _KSTUB_LINUX_SPRINTF_H
#define _KSTUB_LINUX_SPRINTF_H

#include <linux/kernel.h>

#endif /* _KSTUB_LINUX_SPRINTF_H */
