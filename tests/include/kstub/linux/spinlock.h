/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: spinlocks (no-op declarations). Not kernel source. */
#ifndef _KSTUB_LINUX_SPINLOCK_H
#define _KSTUB_LINUX_SPINLOCK_H

#include <linux/types.h>

typedef struct spinlock {
	unsigned int raw;
} spinlock_t;

#define DEFINE_SPINLOCK(x)	spinlock_t x = { 0 }

void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void __kc_spin_lock_irqsave(spinlock_t *lock, unsigned long *flags);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
#define spin_lock_irqsave(lock, flags)	__kc_spin_lock_irqsave(lock, &(flags))

#endif /* _KSTUB_LINUX_SPINLOCK_H */
