/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: __init/__exit markers (defined in compiler.h). Not kernel source. */
#ifndef _KSTUB_LINUX_INIT_H
#define _KSTUB_LINUX_INIT_H

#include <linux/compiler.h>

#endif /* _KSTUB_LINUX_INIT_H */
