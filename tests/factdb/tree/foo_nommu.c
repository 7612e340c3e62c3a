/* foo_nommu.c - another configuration's foo_get_buf(), which hands out
 * a static buffer; the file names no allocator, so the prefilter skips
 * it, and its definition is still listed: foo_lib.c's record for
 * foo_get_buf() is withheld from the tree */
#include "foo.h"

static unsigned char foo_static_buf[64];

void *foo_get_buf(unsigned int n, gfp_t gfp)
{
	return n <= sizeof(foo_static_buf) ? foo_static_buf : NULL;
}
