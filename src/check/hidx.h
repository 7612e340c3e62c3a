/* hidx.h - an open-addressing index from an unsigned hash (a cursor's
 * clang_hashCursor()) to a position in a caller-owned array, so lookups
 * that used to scan the array are O(1) on average.  The array keeps its
 * insertion order; the index only finds elements in it. */
#ifndef KC_CHECK_HIDX_H
#define KC_CHECK_HIDX_H

#include <stddef.h>

struct hidx_slot {
	unsigned hash;
	size_t pos;                 /* position + 1, 0 for an empty slot */
};

struct hidx {
	struct hidx_slot *slot;     /* owned; freed by hidx_release() */
	size_t cap;                 /* power of two, or 0 */
	size_t n;
};

#define HIDX_NONE ((size_t)-1)

/* Returns the position recorded for hash h, or HIDX_NONE. */
size_t hidx_find(const struct hidx *x, unsigned h);

/* Records position pos for hash h (h must not be recorded yet); grows
 * the table as needed.  Returns 0, or -1 when out of memory (the index
 * is then unchanged). */
int hidx_add(struct hidx *x, unsigned h, size_t pos);

/* Forgets all entries, keeping the table. */
void hidx_clear(struct hidx *x);

/* Frees the table; the index can be reused after it. */
void hidx_release(struct hidx *x);

#endif
