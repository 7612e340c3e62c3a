// SPDX-License-Identifier: GPL-2.0
/*
 * Optional buffers of a codec driver: the extra-register table is sized
 * by a per-revision constant that is 0 on this revision, so kcalloc()
 * returns ZERO_SIZE_PTR (which passes the NULL check); the EQ buffer
 * exists only when the board asks for it, so it may be NULL.  ksize()
 * accepts both ZERO_SIZE_PTR and NULL (it returns 0), and kfree() does
 * too, so nothing here is a finding.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define CQ_EXTRA_REGS	0	/* none on revision B */
#define CQ_EQ_LEN	300

struct cq {
	u32 *extra;
	u8 *eq;
	size_t mem;
	bool has_eq;
};

int cq_alloc_optional(struct cq *c)
{
	u8 *eq = NULL;

	c->extra = kcalloc(CQ_EXTRA_REGS, sizeof(u32), GFP_KERNEL);
	if (!c->extra)
		return -ENOMEM;
	c->mem = ksize(c->extra);

	if (c->has_eq) {
		eq = kzalloc(CQ_EQ_LEN, GFP_KERNEL);
		if (!eq) {
			kfree(c->extra);
			return -ENOMEM;
		}
	}
	c->mem += ksize(eq);
	c->eq = eq;

	if (!ZERO_OR_NULL_PTR(c->eq))
		memset(c->eq, 0, CQ_EQ_LEN);
	return 0;
}

void cq_free_optional(struct cq *c)
{
	kfree(c->eq);
	kfree(c->extra);
	c->mem = 0;
}

MODULE_LICENSE("GPL");
