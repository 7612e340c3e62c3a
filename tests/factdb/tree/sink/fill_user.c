/* fill_user.c - callers in another file: the slack write and the
 * overflow through the wrappers are seen only in round two */
#include "fill.h"

int fill_use(const unsigned int *src)
{
	unsigned char *p = kmalloc(13, GFP_KERNEL);

	if (!p)
		return -1;
	fill_bytes(p, 0, ksize(p));                /* round 2: slack-write */
	fill_words((unsigned int *)p, src, 8);     /* round 2: overflow-write */
	fill_name((char *)p, ksize(p), 3);         /* round 2: slack-write */
	fill_move(p, (const unsigned char *)src, 12); /* round 2: slack-write */
	kfree(p);
	return 0;
}

int fill_use_twins(void)
{
	struct fill_hdr h = { .len = 64 };
	unsigned char *p = kmalloc(13, GFP_KERNEL);

	if (!p)
		return -1;
	fill_maybe(p, ksize(p));   /* no finding: the write is conditional */
	fill_checked(p, ksize(p)); /* no finding: a path returns without it */
	fill_hdr(p, &h);           /* no finding: the length is a field */
	kfree(p);
	return 0;
}
