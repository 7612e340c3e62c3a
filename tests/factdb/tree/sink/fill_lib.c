/* fill_lib.c - sink wrappers defined in one file (their summaries go to
 * the fact database in round one) */
#include "fill.h"

/* sink fill_bytes $0 - $2 */
void fill_bytes(unsigned char *buf, unsigned char c, size_t n)
{
	memset(buf, c, n);
}

/* sink fill_words $0 $1 $2*4 */
void fill_words(unsigned int *dst, const unsigned int *src, size_t n)
{
	size_t bytes = n * sizeof(*dst);

	memcpy(dst, src, bytes);
}

/* sink fill_move $0 $1 $2+4 (memmove() is fill_chk.h's macro) */
void fill_move(unsigned char *dst, const unsigned char *src, size_t n)
{
	memmove(dst, src, n + 4);
}

/* sink fill_name $0 - $1 upto */
void fill_name(char *buf, size_t size, int id)
{
	snprintf(buf, size, "dev%d", id);
}

/* a conditional write: no record */
void fill_maybe(unsigned char *buf, size_t n)
{
	if (n > 4)
		memset(buf, 0, n);
}

/* a path that returns without the write: no record */
void fill_checked(unsigned char *buf, size_t n)
{
	if (!buf)
		return;
	memset(buf, 0, n);
}

/* a length that is a field: no record */
void fill_hdr(unsigned char *buf, const struct fill_hdr *h)
{
	memset(buf, 0, h->len);
}

/* alloc fill_new kmalloc $0 (an allocator keeps the file out of the
 * prefilter: a file the prefilter skips gives no sink record) */
void *fill_new(size_t n)
{
	return kmalloc(n, GFP_KERNEL);
}
