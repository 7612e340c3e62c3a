/* srcfile.h - internal to src/out: source files read once and split into
 * lines, for fingerprints and suppression comments. Not a public API.
 */
#ifndef KC_OUT_SRCFILE_H
#define KC_OUT_SRCFILE_H

#include <stddef.h>

struct out_src {
	char *path;
	char *text;        /* whole file, NUL-terminated; NULL if unreadable */
	size_t *line_off;  /* start offset of line i+1 */
	size_t nlines;
};

struct out_src_cache {
	struct out_src *v;
	size_t n, cap;
};

void out_src_cache_init(struct out_src_cache *c);
void out_src_cache_release(struct out_src_cache *c);

/* The file at path, read on first use. Returns NULL on OOM; an unreadable
 * file is returned with text == NULL. Owned by the cache. */
const struct out_src *out_src_get(struct out_src_cache *c, const char *path);

/* Line (1-based) of s without its newline: *len bytes at the returned
 * pointer; NULL when out of range or unreadable. */
const char *out_src_line(const struct out_src *s, unsigned line, size_t *len);

/* Appends to dst (capacity size, NUL-terminated) the text of [p, p+len)
 * with comments and whitespace removed, except one blank between two
 * identifier or number characters ("a  ( b )" -> "a(b)", "unsigned
 * long" stays). String and character literals are kept as written. *in_comment
 * carries an open block comment from line to line. Returns the length. */
size_t out_normalize_line(const char *p, size_t len, char *dst, size_t size,
			  int *in_comment);

/* 64-bit FNV-1a over len bytes, continuing from h (start: OUT_FNV_INIT). */
#define OUT_FNV_INIT 0xcbf29ce484222325ULL
unsigned long long out_fnv1a(unsigned long long h, const void *p, size_t len);

#endif
