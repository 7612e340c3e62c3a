// SPDX-License-Identifier: GPL-2.0
/*
 * An array of nr_pages filled in chunks whose size another function
 * decides (perf's AUX buffer: chunks of 1 << order pages, the order
 * capped by what is left). The inner loop runs to a bound the analysis
 * does not know, so the index it leaves has no bound: no verdict. Its
 * first round (index below nr_pages) is fine; the rounds between the
 * first and the fixpoint are not judged, since their partial values are
 * not bounds the loop keeps. A chunk of a known size that may overrun
 * the array is judged.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

int aux_chunk_order(int max_order);

int aux_pages_fill(void ***out, int nr_pages, int max_order)
{
	void **pages = kcalloc(nr_pages, sizeof(void *), GFP_KERNEL);
	int n, last, order;

	if (!pages)
		return -ENOMEM;
	for (n = 0; n < nr_pages;) {
		order = aux_chunk_order(max_order);
		if (order < 0)
			return -ENOMEM;
		for (last = n + (1 << order); last > n; n++)
			pages[n] = NULL;
	}
	*out = pages;
	return 0;
}

int fixed_chunks_fill(void ***out)
{
	void **pages = kcalloc(12, sizeof(void *), GFP_KERNEL);
	int n, last;

	if (!pages)
		return -ENOMEM;
	for (n = 0; n < 12;) {
		for (last = n + 5; last > n; n++)
			pages[n] = NULL; /* expect: overflow-write */
	}
	*out = pages;
	return 0;
}
