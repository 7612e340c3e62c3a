/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: wait queues (small part). Not kernel source. */
#ifndef _KSTUB_LINUX_WAIT_H
#define _KSTUB_LINUX_WAIT_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

void init_waitqueue_head(struct wait_queue_head *wq_head);
void wake_up(struct wait_queue_head *wq_head);
void wake_up_interruptible(struct wait_queue_head *wq_head);
#define wait_event_interruptible(wq, cond)	((cond) ? 0 : -ERESTARTSYS)
#define ERESTARTSYS	512

#endif /* _KSTUB_LINUX_WAIT_H */
