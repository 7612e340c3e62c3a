/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: <linux/gfp_types.h> (6.x split header); the definitions live in <linux/gfp.h>. Not kernel source. */
#ifndef _KSTUB_LINUX_GFP_TYPES_H
#define _KSTUB_LINUX_GFP_TYPES_H

#include <linux/gfp.h>

#endif /* _KSTUB_LINUX_GFP_TYPES_H */
