// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Register cache of a PMIC: 100 32-bit registers (400 bytes requested,
 * kmalloc-512).  The debug control register at 0x1b8 (word 110, byte
 * 440) is past the register file but inside the bucket: slack.  The
 * errata register at 0x208 (word 130, byte 520) is past the bucket:
 * heap corruption on every kernel.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define PMIC_NUM_REGS		100
#define PMIC_REG_ID		0x000
#define PMIC_REG_BUCK1		0x040
#define PMIC_REG_LAST		0x18c
#define PMIC_REG_DBG_CTRL	0x1b8	/* hidden register, outside the map */
#define PMIC_REG_ERRATA		0x208	/* hidden register, outside the map */

struct pmic {
	u32 *cache;
	bool dirty;
};

int pmic_bus_read(struct pmic *p, unsigned int reg, u32 *val);

static inline unsigned int pmic_idx(unsigned int reg)
{
	return reg / 4;
}

/*
 * The cache is filled through a local and published at the end, so the
 * bus reads (which get p) cannot have replaced it in between.
 */
int pmic_cache_init(struct pmic *p)
{
	unsigned int reg;
	u32 *cache;
	u32 val;

	cache = kzalloc(PMIC_NUM_REGS * sizeof(u32), GFP_KERNEL);
	if (!cache)
		return -ENOMEM;

	for (reg = PMIC_REG_ID; reg <= PMIC_REG_LAST; reg += 4) {
		if (pmic_bus_read(p, reg, &val))
			continue;
		cache[reg / 4] = val;
	}

	/* errata: mirror the debug control and errata registers as well */
	if (!pmic_bus_read(p, PMIC_REG_DBG_CTRL, &val))
		cache[PMIC_REG_DBG_CTRL / 4] = val; /* expect: slack-write */
	if (!pmic_bus_read(p, PMIC_REG_ERRATA, &val))
		cache[PMIC_REG_ERRATA / 4] = val; /* expect: overflow-write */
	p->cache = cache;
	return 0;
}

u32 pmic_debug_snapshot(struct pmic *p)
{
	u32 *c;
	u32 sum;

	c = kmemdup(p->cache, PMIC_NUM_REGS * sizeof(u32), GFP_KERNEL);
	if (!c)
		return 0;
	sum = c[pmic_idx(PMIC_REG_BUCK1)];
	sum += c[PMIC_REG_DBG_CTRL / 4]; /* expect: slack-read */
	kfree(c);
	return sum;
}

MODULE_LICENSE("GPL");
