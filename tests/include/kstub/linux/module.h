/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: module boilerplate. Not kernel source. */
#ifndef _KSTUB_LINUX_MODULE_H
#define _KSTUB_LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct module;
#define THIS_MODULE	((struct module *)0)

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define module_init(initfn)						\
	static initcall_t __used __kc_initcall_##initfn = initfn
#define module_exit(exitfn)						\
	static exitcall_t __used __kc_exitcall_##exitfn = exitfn

#define MODULE_LICENSE(x)	struct __kc_modinfo_license_unused
#define MODULE_AUTHOR(x)	struct __kc_modinfo_author_unused
#define MODULE_DESCRIPTION(x)	struct __kc_modinfo_desc_unused
#define MODULE_DEVICE_TABLE(type, name) struct __kc_modinfo_table_unused
#define MODULE_FIRMWARE(x)	struct __kc_modinfo_fw_unused

#define module_param(name, type, perm)	struct __kc_modparam_unused
#define MODULE_PARM_DESC(_parm, desc)	struct __kc_modparmdesc_unused

#define EXPORT_SYMBOL(sym)	extern typeof(sym) sym
#define EXPORT_SYMBOL_GPL(sym)	extern typeof(sym) sym

#define module_driver(__driver, __register, __unregister, ...)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

#endif /* _KSTUB_LINUX_MODULE_H */
