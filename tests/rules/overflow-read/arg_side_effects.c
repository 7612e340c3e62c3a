// SPDX-License-Identifier: GPL-2.0
/*
 * An array grown by one entry with krealloc(), the new entry handed to a
 * helper as &f[(*num)++] (drm_atomic_uapi prepare_signaling): the index
 * is evaluated once, before the increment, so the helper works on the
 * entry that was just allocated. Writing the entry after it is past
 * the array.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct out_fence_state {
	s32 __user *out_fence_ptr;
	void *sync_file;
	int fd;
};

int fence_fd_get(void);
void *fence_file_create(void);

static int fence_setup(struct out_fence_state *st)
{
	st->fd = fence_fd_get();
	if (st->fd < 0)
		return st->fd;
	st->sync_file = fence_file_create();
	if (!st->sync_file)
		return -ENOMEM;
	return 0;
}

static int fence_add(struct out_fence_state **fence_state, unsigned int *num,
		     bool past)
{
	struct out_fence_state *f;

	f = krealloc(*fence_state, sizeof(**fence_state) * (*num + 1),
		     GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	memset(&f[*num], 0, sizeof(*f));
	*fence_state = f;
	if (past) {
		/* fd (4 bytes at 16) of element 1 (24 bytes) */
		f[*num + 1].fd = -1; /* expect: overflow-write "at offset 40" */
		return -EINVAL;
	}
	return fence_setup(&f[(*num)++]);
}

int fences_prepare(bool past)
{
	struct out_fence_state *fs = NULL;
	unsigned int n = 0;
	int ret = fence_add(&fs, &n, past);

	kfree(fs);
	return ret;
}
