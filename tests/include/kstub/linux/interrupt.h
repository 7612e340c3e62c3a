/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: IRQ handlers (small part). Not kernel source. */
#ifndef _KSTUB_LINUX_INTERRUPT_H
#define _KSTUB_LINUX_INTERRUPT_H

#include <linux/types.h>

struct device;

typedef enum irqreturn {
	IRQ_NONE		= (0 << 0),
	IRQ_HANDLED		= (1 << 0),
	IRQ_WAKE_THREAD		= (1 << 1),
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED	0x00000080

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev);
void free_irq(unsigned int irq, void *dev_id);
int devm_request_irq(struct device *dev, unsigned int irq,
		     irq_handler_t handler, unsigned long irqflags,
		     const char *devname, void *dev_id);

#endif /* _KSTUB_LINUX_INTERRUPT_H */
