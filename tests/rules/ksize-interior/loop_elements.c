// SPDX-License-Identifier: GPL-2.0
/*
 * ksize() of &arr[i] in a loop from 0: the start of the object in the
 * first round, a pointer into it in every other. ksize() of the array
 * itself, of &arr[0], and of each element's own object are silent.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

size_t slot_sizes(void)
{
	void **arr = kmalloc_array(4, sizeof(void *), GFP_KERNEL);
	size_t s = 0;
	int i;

	if (!arr)
		return 0;
	for (i = 0; i < 4; i++)
		s += ksize(&arr[i]); /* expect: ksize-interior "it reaches 24" */
	kfree(arr);
	return s;
}

size_t table_size(void)
{
	void **arr = kmalloc_array(4, sizeof(void *), GFP_KERNEL);
	size_t s;

	if (!arr)
		return 0;
	s = ksize(arr) + ksize(&arr[0]);
	kfree(arr);
	return s;
}

size_t element_sizes(void)
{
	void *objs[4];
	size_t s = 0;
	int i;

	for (i = 0; i < 4; i++)
		objs[i] = kmalloc(32, GFP_KERNEL);
	for (i = 0; i < 4; i++) {
		if (objs[i])
			s += ksize(objs[i]);
		kfree(objs[i]);
	}
	return s;
}
