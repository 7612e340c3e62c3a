// SPDX-License-Identifier: GPL-2.0
/*
 * A register dump read four words a round, i += 4 from 0 to i < n: the
 * index takes multiples of 4 only, so its last value is n - 4 and
 * regs[i + 3] is the last word (tg3). Reading regs[i + 4] in the last
 * round is one word past the buffer.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/printk.h>

#define REG_BLK_SIZE 0x8000

void regs_dump(void)
{
	u32 *regs = kzalloc(REG_BLK_SIZE, GFP_ATOMIC);
	int i;

	if (!regs)
		return;
	for (i = 0; i < REG_BLK_SIZE / sizeof(u32); i += 4) {
		if (!regs[i + 0] && !regs[i + 1] &&
		    !regs[i + 2] && !regs[i + 3])
			continue;
		pr_err("0x%08x: 0x%08x, 0x%08x, 0x%08x, 0x%08x\n", i * 4,
		       regs[i + 0], regs[i + 1], regs[i + 2], regs[i + 3]);
	}
	kfree(regs);
}

void regs_dump_next(void)
{
	u32 *regs = kzalloc(REG_BLK_SIZE, GFP_ATOMIC);
	int i;

	if (!regs)
		return;
	for (i = 0; i < REG_BLK_SIZE / sizeof(u32); i += 4)
		pr_err("0x%08x\n", regs[i + 4]); /* expect: overflow-read "ends at 32772" */
	kfree(regs);
}

void regs_dump_odd_start(int first)
{
	u32 *regs = kzalloc(REG_BLK_SIZE, GFP_ATOMIC);
	int i;

	if (!regs)
		return;
	/* from an unknown start, i + 3 may be past the end: not judged */
	for (i = first; i < REG_BLK_SIZE / sizeof(u32); i += 4)
		pr_err("0x%08x\n", regs[i + 3]);
	kfree(regs);
}

/* the same index runs by ones in another loop of the function: the
 * stride of this loop is its own */
void regs_dump_then_irqs(int nirq)
{
	u32 *regs = kzalloc(REG_BLK_SIZE, GFP_ATOMIC);
	int i;

	if (!regs)
		return;
	for (i = 0; i < REG_BLK_SIZE / sizeof(u32); i += 4)
		pr_err("0x%08x: 0x%08x 0x%08x 0x%08x 0x%08x\n", i * 4,
		       regs[i + 0], regs[i + 1], regs[i + 2], regs[i + 3]);
	kfree(regs);
	for (i = 0; i < nirq; i++)
		pr_err("irq %d\n", i);
}
