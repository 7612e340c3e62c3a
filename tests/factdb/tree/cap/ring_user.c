// SPDX-License-Identifier: GPL-2.0
/* the users: a push bounded by the capacity writes the slack of the
 * buffer; one bounded by the count it was asked for does not */
#include "ring.h"

void cap_ring_push(struct cap_ring *r, u32 v)
{
	if (r->used < r->cap)
		r->slots[r->used++] = v;
}

void cap_ring_clear(struct cap_ring *r)
{
	size_t i;

	for (i = 0; i < r->cap; i++)
		r->slots[i] = 0;
}
