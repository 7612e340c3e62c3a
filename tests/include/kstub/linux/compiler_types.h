/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: <linux/compiler_types.h> (6.x split header); the definitions live in <linux/compiler.h>. Not kernel source. */
#ifndef _KSTUB_LINUX_COMPILER_TYPES_H
#define _KSTUB_LINUX_COMPILER_TYPES_H

#include <linux/compiler.h>

#endif /* _KSTUB_LINUX_COMPILER_TYPES_H */
