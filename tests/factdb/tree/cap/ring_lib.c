// SPDX-License-Identifier: GPL-2.0
/* the library: the buffer is stored by one function, its capacity by
 * another that reads the buffer back from the field (ksize() of an
 * object read from a sibling field) */
#include "ring.h"

int cap_ring_init(struct cap_ring *r, size_t n)
{
	r->slots = kmalloc_array(n, sizeof(*r->slots), GFP_KERNEL);
	if (!r->slots)
		return -ENOMEM;
	r->used = 0;
	cap_ring_fit(r);
	return 0;
}

void cap_ring_fit(struct cap_ring *r)
{
	r->cap = ksize(r->slots) / sizeof(*r->slots);
}
