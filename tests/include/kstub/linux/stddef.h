/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: offsetof and friends. Not kernel source. */
#ifndef _KSTUB_LINUX_STDDEF_H
#define _KSTUB_LINUX_STDDEF_H

#include <linux/types.h>

#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)
#define sizeof_field(TYPE, MEMBER)	sizeof((((TYPE *)0)->MEMBER))
#define offsetofend(TYPE, MEMBER) \
	(offsetof(TYPE, MEMBER) + sizeof_field(TYPE, MEMBER))

#endif /* _KSTUB_LINUX_STDDEF_H */
