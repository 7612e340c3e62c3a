/* foo_lib.c - allocator wrappers defined in one file (their summaries go
 * to the fact database in round one) */
#include "foo.h"

/* alloc foo_buf_alloc kmalloc $0*8 */
void *foo_buf_alloc(unsigned int n, gfp_t gfp)
{
	if (n > 4096)
		return NULL;
	return kmalloc(n * 8, gfp);
}

/* rounds up: the caller owns the whole bucket, no record */
void *foo_buf_round(unsigned int n, gfp_t gfp)
{
	return kmalloc(kmalloc_size_roundup(n), gfp);
}

/* one of two definitions of foo_odd_alloc (the other, in foo_alt.c,
 * disagrees): no fact */
void *foo_odd_alloc(unsigned int n, gfp_t gfp)
{
	return kmalloc(n, gfp);
}

/* alloc foo_get_buf kmalloc $0, but foo_nommu.c defines it too */
void *foo_get_buf(unsigned int n, gfp_t gfp)
{
	return kmalloc(n, gfp);
}

/* free foo_buf_put $0 */
void foo_buf_put(void *p)
{
	kfree(p);
}

/* query foo_room ksize $0 */
size_t foo_room(const void *p)
{
	return ksize(p);
}
