/* hidx.c - open-addressing hash index (linear probing) from cursor
 * hashes to array positions; see hidx.h. */
#include "check/hidx.h"

#include <stdlib.h>
#include <string.h>

static size_t hidx_home(unsigned h, size_t cap)
{
	/* mix all bits into the low ones (murmur3's finaliser):
	 * clang_hashCursor() values are not uniform */
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return (size_t)h & (cap - 1);
}

size_t hidx_find(const struct hidx *x, unsigned h)
{
	size_t i;

	if (!x->cap)
		return HIDX_NONE;
	for (i = hidx_home(h, x->cap); x->slot[i].pos;
	     i = (i + 1) & (x->cap - 1))
		if (x->slot[i].hash == h)
			return x->slot[i].pos - 1;
	return HIDX_NONE;
}

static void hidx_put(struct hidx_slot *slot, size_t cap, unsigned h,
		     size_t pos1)
{
	size_t i = hidx_home(h, cap);

	while (slot[i].pos)
		i = (i + 1) & (cap - 1);
	slot[i].hash = h;
	slot[i].pos = pos1;
}

int hidx_add(struct hidx *x, unsigned h, size_t pos)
{
	if ((x->n + 1) * 2 > x->cap) {
		size_t nc = x->cap ? x->cap * 2 : 64;
		struct hidx_slot *ns = calloc(nc, sizeof(*ns));
		size_t i;

		if (!ns)
			return -1;
		for (i = 0; i < x->cap; i++)
			if (x->slot[i].pos)
				hidx_put(ns, nc, x->slot[i].hash,
					 x->slot[i].pos);
		free(x->slot);
		x->slot = ns;
		x->cap = nc;
	}
	hidx_put(x->slot, x->cap, h, pos + 1);
	x->n++;
	return 0;
}

void hidx_clear(struct hidx *x)
{
	if (x->slot)
		memset(x->slot, 0, x->cap * sizeof(*x->slot));
	x->n = 0;
}

void hidx_release(struct hidx *x)
{
	free(x->slot);
	memset(x, 0, sizeof(*x));
}
