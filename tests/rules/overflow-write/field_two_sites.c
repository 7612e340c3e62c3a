// SPDX-License-Identifier: GPL-2.0
/*
 * A field that receives objects of two allocation sites with different
 * sizes (one per mode); the loop of a third function is written for the
 * big one and must not be judged against the small one (silent). The
 * same loop in the allocating function is judged.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#define NSLOTS 16

struct engine {
	int single;
	void **slots;
};

static void clear_slots(struct engine *e)
{
	int i;

	if (!e->slots)
		return;
	for (i = 0; i < NSLOTS; i++)
		e->slots[i] = NULL;
}

static void clear_any(struct engine *e)
{
	if (e->single)
		e->slots[0] = NULL;
	else
		clear_slots(e);
}

int engine_many(struct engine *e)
{
	e->slots = kcalloc(NSLOTS, sizeof(void *), GFP_KERNEL);
	if (!e->slots)
		return -ENOMEM;
	clear_any(e);
	return 0;
}

int engine_one(struct engine *e)
{
	e->slots = kmalloc(sizeof(void *), GFP_KERNEL);
	if (!e->slots)
		return -ENOMEM;
	clear_any(e);
	return 0;
}

int engine_bad(void)
{
	void **slots = kmalloc(sizeof(void *), GFP_KERNEL);
	int i;

	if (!slots)
		return -ENOMEM;
	for (i = 0; i < NSLOTS; i++)
		slots[i] = NULL; /* expect: overflow-write */
	kfree(slots);
	return 0;
}
