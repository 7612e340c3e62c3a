/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: BUG/WARN. Not kernel source. */
#ifndef _KSTUB_LINUX_BUG_H
#define _KSTUB_LINUX_BUG_H

#include <linux/compiler.h>

void __kc_warn(const char *file, int line);
__noreturn void __kc_bug(const char *file, int line);

#define BUG()		__kc_bug(__FILE__, __LINE__)
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)
#define WARN_ON(cond) ({					\
	int __ret_warn_on = !!(cond);				\
	if (unlikely(__ret_warn_on))				\
		__kc_warn(__FILE__, __LINE__);			\
	unlikely(__ret_warn_on); })
#define WARN_ON_ONCE(cond)	WARN_ON(cond)
#define WARN(cond, fmt, ...)	WARN_ON(cond)
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#endif /* _KSTUB_LINUX_BUG_H */
