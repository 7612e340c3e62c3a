/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: EXPORT_SYMBOL (defined in module.h). Not kernel source. */
#ifndef _KSTUB_LINUX_EXPORT_H
#define _KSTUB_LINUX_EXPORT_H

#include <linux/module.h>

#endif /* _KSTUB_LINUX_EXPORT_H */
