// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: --rules tests/rules/slack-write/realloc_reuse.tbl */
/*
 * Realloc-like helpers whose records (realloc_reuse.tbl) promise their
 * size argument at the returned pointer. Returning the old object when
 * the new size fits its ksize() (or its container's, behind a header)
 * hands the callers the slack past the old request: a slack-write at
 * the return when every object of that file-local type is requested
 * unrounded, an overflow-write when the promise may end past ksize().
 * Silent twins: the type is rounded at allocation, the guard compares
 * with the stored request, the grown path returns a fresh object, and a
 * void * whose allocations the file cannot know.
 */
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>

/* A header before the user's bytes, as devres has: 16 bytes. */
struct rec {
	struct rec *next;
	unsigned long tag;
	u8 data[];
};

static bool rec_size(size_t size, size_t *tot)
{
	if (check_add_overflow(sizeof(struct rec), size, tot))
		return false;
	return true;
}

void *rec_alloc(size_t size, gfp_t gfp)
{
	struct rec *r;
	size_t tot;

	if (!rec_size(size, &tot))
		return NULL;
	r = kmalloc(tot, gfp);
	if (!r)
		return NULL;
	r->next = NULL;
	return r->data;
}

/* tot = size + 16 <= ksize() of the container: the promised size ends
 * exactly at the bucket, past the old request. */
void *rec_resize(void *ptr, size_t size, gfp_t gfp)
{
	size_t tot, old;

	if (!rec_size(size, &tot))
		return NULL;
	old = ksize(container_of(ptr, struct rec, data));
	if (tot <= old)
		return ptr; /* expect: slack-write */
	return rec_alloc(size, gfp);
}

/* The header is forgotten: size + 8 <= ksize() lets the promised bytes
 * end 8 past the bucket. */
void *rec_resize_over(void *ptr, size_t size, gfp_t gfp)
{
	size_t tot, old;

	if (check_add_overflow(size, (size_t)8, &tot))
		return NULL;
	old = ksize(container_of(ptr, struct rec, data));
	if (tot <= old)
		return ptr; /* expect: overflow-write */
	return rec_alloc(size, gfp);
}

/* No header, the guard against ksize() directly. */
struct blob {
	size_t len;
	u8 buf[];
};

struct blob *blob_new(size_t n, gfp_t gfp)
{
	struct blob *b = kmalloc(n, gfp);

	if (b)
		b->len = n;
	return b;
}

struct blob *blob_grow(struct blob *b, size_t n, gfp_t gfp)
{
	size_t have = ksize(b);

	if (n <= have)
		return b; /* expect: slack-write */
	kfree(b);
	b = kmalloc(n, gfp);
	/* a fresh allocation of n bytes: nothing handed out */
	return b;
}

/* Twin: every rblob is rounded at allocation, so ksize() is its
 * request and reusing up to it is fine. */
struct rblob {
	size_t len;
	u8 buf[];
};

struct rblob *rblob_new(size_t n, gfp_t gfp)
{
	struct rblob *b = kmalloc(kmalloc_size_roundup(n), gfp);

	if (b)
		b->len = n;
	return b;
}

struct rblob *rblob_grow(struct rblob *b, size_t n, gfp_t gfp)
{
	size_t have = ksize(b);

	if (n <= have)
		return b;
	kfree(b);
	return rblob_new(n, gfp);
}

/* Twin: the guard compares with the stored request, not ksize(). */
struct lblob {
	size_t len;
	u8 buf[];
};

struct lblob *lblob_new(size_t n, gfp_t gfp)
{
	struct lblob *b = kmalloc(n, gfp);

	if (b)
		b->len = n;
	return b;
}

struct lblob *lblob_grow(struct lblob *b, size_t n, gfp_t gfp)
{
	size_t have = b->len;

	if (n <= have)
		return b;
	kfree(b);
	return lblob_new(n, gfp);
}

/* Twin: a void * buffer; other files may allocate it rounded, so the
 * analysis does not know that its request was below its bucket. */
void *vbuf_grow(void *p, size_t n, gfp_t gfp)
{
	if (n <= ksize(p))
		return p;
	kfree(p);
	return kmalloc(n, gfp);
}

/* Twin: the promise is bounded before the guard (at most 8 bytes), so
 * whether it reaches past the old request is not known. */
void *rec_resize_small(void *ptr, size_t size, gfp_t gfp)
{
	size_t tot, old;

	if (size > 8 || !rec_size(size, &tot))
		return NULL;
	old = ksize(container_of(ptr, struct rec, data));
	if (tot <= old)
		return ptr;
	return rec_alloc(size, gfp);
}
