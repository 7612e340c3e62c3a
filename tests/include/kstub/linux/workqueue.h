/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: work items (small part). Not kernel source. */
#ifndef _KSTUB_LINUX_WORKQUEUE_H
#define _KSTUB_LINUX_WORKQUEUE_H

#include <linux/types.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	atomic64_t data;
	struct list_head entry;
	work_func_t func;
};

#define INIT_WORK(_work, _func) do { (_work)->func = (_func); } while (0)
bool schedule_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);

#endif /* _KSTUB_LINUX_WORKQUEUE_H */
