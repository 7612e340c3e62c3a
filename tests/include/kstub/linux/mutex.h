/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: mutexes (declarations). Not kernel source. */
#ifndef _KSTUB_LINUX_MUTEX_H
#define _KSTUB_LINUX_MUTEX_H

#include <linux/types.h>

struct mutex {
	long owner;
};

#define DEFINE_MUTEX(m)		struct mutex m = { 0 }

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

#endif /* _KSTUB_LINUX_MUTEX_H */
