// SPDX-License-Identifier: GPL-2.0
/*
 * A store through *(&x) is a store to x: fetch_and_zero(&n) (a GNU
 * statement expression) reads n and sets it to 0, so the array that was
 * sized for n entries is filled from index 0 (i915 perf query). Without
 * the reset, the first write lands one entry past a one-entry request.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#define fetch_and_zero(ptr) ({			\
	typeof(*ptr) __T = *(ptr);		\
	*(ptr) = (typeof(*ptr))0;		\
	__T;					\
})

int next_config(int prev);

u64 *config_ids(int *count)
{
	u64 *ids = NULL, *tmp;
	int alloc, n = 1, id;

	do {
		tmp = krealloc(ids, n * sizeof(*ids), GFP_KERNEL);
		if (!tmp) {
			kfree(ids);
			return NULL;
		}
		ids = tmp;
		alloc = fetch_and_zero(&n);
		ids[n++] = 1ull;
		for (id = next_config(-1); id >= 0; id = next_config(id)) {
			if (n < alloc)
				ids[n] = id;
			n++;
		}
	} while (n > alloc);
	*count = n;
	return ids;
}

u64 *config_ids_no_reset(void)
{
	int n = 1;
	u64 *ids = kmalloc_array(n, sizeof(*ids), GFP_KERNEL);

	if (!ids)
		return NULL;
	ids[n++] = 1ull; /* expect: overflow-write "offset 8" */
	return ids;
}
