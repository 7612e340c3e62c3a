/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: sysfs attributes and sysfs_emit. Not kernel source. */
#ifndef _KSTUB_LINUX_SYSFS_H
#define _KSTUB_LINUX_SYSFS_H

#include <linux/compiler.h>
#include <linux/types.h>

struct attribute {
	const char *name;
	umode_t mode;
};

struct attribute_group {
	const char *name;
	struct attribute **attrs;
};

#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = { .name = #_name, .mode = (_mode) },			\
	.show = _show,							\
	.store = _store,						\
}
#define __ATTR_RO(_name)	__ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_WO(_name)	__ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name)	__ATTR(_name, 0644, _name##_show, _name##_store)

/* buf is a PAGE_SIZE buffer from the sysfs core. */
__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

#endif /* _KSTUB_LINUX_SYSFS_H */
