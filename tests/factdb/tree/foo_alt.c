/* foo_alt.c - another definition of foo_odd_alloc (another
 * configuration's), which allocates more: the two disagree, so the tree
 * has no fact for it */
#include "foo.h"

void *foo_odd_alloc(unsigned int n, gfp_t gfp)
{
	return kmalloc(n + 64, gfp);
}
