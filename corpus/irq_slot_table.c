// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Interrupt slot table of an interrupt controller.  The slots are one
 * kcalloc() array; helpers that get a pointer to one slot (&slots[i])
 * must not use ksize() on it: it reports the whole array.  &slots[0] is
 * the start of the object.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define IRQC_NR_SLOTS	64

struct irqc_slot {
	u32 hwirq;
	u32 type;
	void *data;
	void (*handler)(void *data);
};

struct irqc {
	struct irqc_slot *slots;
	unsigned int nr;
};

int irqc_init(struct irqc *ic)
{
	struct irqc_slot *first, *cascade;

	ic->slots = kcalloc(IRQC_NR_SLOTS, sizeof(*ic->slots), GFP_KERNEL);
	if (!ic->slots)
		return -ENOMEM;
	ic->nr = IRQC_NR_SLOTS;

	first = &ic->slots[0];
	pr_debug("slot table %zu bytes\n", ksize(first));

	cascade = &ic->slots[2];
	cascade->hwirq = 2;
	pr_debug("cascade slot %zu bytes\n", ksize(cascade)); /* expect: ksize-interior */

	pr_debug("last slot %zu\n", ksize(&ic->slots[IRQC_NR_SLOTS - 1])); /* expect: ksize-interior */
	return 0;
}

void irqc_exit(struct irqc *ic)
{
	kfree(ic->slots);
	ic->slots = NULL;
}

MODULE_LICENSE("GPL");
