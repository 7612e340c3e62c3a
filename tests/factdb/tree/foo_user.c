/* foo_user.c - callers in another file: the slack write and the
 * overflow are seen only in round two, through the facts of foo_lib.c */
#include "foo.h"

int foo_fill(void)
{
	unsigned char *p = foo_buf_alloc(13, GFP_KERNEL);

	if (!p)
		return -1;
	memset(p, 0, ksize(p)); /* round 2: slack-write */
	p[200] = 1;             /* round 2: overflow-write */
	foo_buf_put(p);
	return 0;
}

int foo_fill_round(void)
{
	unsigned char *p = foo_buf_round(100, GFP_KERNEL);

	if (!p)
		return -1;
	memset(p, 0, ksize(p)); /* no finding: the bucket is owned */
	kfree(p);
	return 0;
}

int foo_fill_odd(void)
{
	unsigned char *p = foo_odd_alloc(100, GFP_KERNEL);

	if (!p)
		return -1;
	memset(p, 0, ksize(p)); /* no finding: two definitions disagree */
	kfree(p);
	return 0;
}

size_t foo_after_put(void)
{
	unsigned char *p = foo_buf_alloc(2, GFP_KERNEL);

	foo_buf_put(p);
	return ksize(p); /* round 2: ksize-after-free */
}

int foo_fill_get(void)
{
	unsigned char *p = foo_get_buf(40, GFP_KERNEL);

	if (!p)
		return -1;
	memset(p, 0, ksize(p)); /* no finding: foo_nommu.c defines it too */
	return 0;
}
