/* fix_int.h - internals of src/fix shared by fix.c, fix_diff.c and
 * fix_parse.c: unified diffs as hunks, and the libclang checks. Not for
 * use outside src/fix.
 */
#ifndef KC_FIX_FIX_INT_H
#define KC_FIX_FIX_INT_H

#include <stddef.h>
#include <stdio.h>

#include "util/strbuf.h"
#include "util/vec.h"

/* One hunk of a unified diff. body points into the diff text (not
 * NUL-terminated at the end of the hunk: use body_len). */
struct fix_hunk {
	unsigned old_start, old_len;
	unsigned new_start, new_len;
	const char *body;    /* the ' ', '-', '+' lines, each ending in \n */
	size_t body_len;
	unsigned first_line; /* first old line a change touches */
	unsigned last_line;  /* last old line a change touches */
	int keep;
};

struct fix_hunks {
	KC_VEC(struct fix_hunk) h;
};

/* Parses spatch's unified diff of one file (the ---/+++ headers are
 * skipped). The hunks point into diff, which must outlive them. Returns
 * 0, -KC_EPARSE (malformed hunk header) or -KC_ENOMEM. */
int fix_diff_parse(const char *diff, struct fix_hunks *out);
void fix_hunks_release(struct fix_hunks *hs);

/* The name of path in diff headers (issue 21): relative to root (NULL:
 * the current directory), both resolved with realpath, so that
 * `git apply` and `patch -p1` take the diff from root. A file outside root
 * is named by its absolute path without the leading slash (the diff then
 * applies with `patch -p1 -d /`); returns 1 for such a file, else 0. */
int fix_diff_name(const char *path, const char *root, char *buf,
		  size_t size);

/* Writes the kept hunks with "a/NAME" and "b/NAME" headers, as
 * `make coccicheck MODE=patch` does (name from fix_diff_name()); new_start
 * values recomputed for the dropped hunks. Returns the number of hunks
 * written. */
size_t fix_diff_write(const struct fix_hunks *hs, const char *name, FILE *out);

/* Applies the kept hunks to text (the original file) into res. Returns 0,
 * -KC_EPARSE when a context or removed line does not match the text, or
 * -KC_ENOMEM. */
int fix_diff_apply(const struct fix_hunks *hs, const char *text,
		   struct kc_strbuf *res);

/* A line range [first, last] of the original file (1-based). */
struct fix_range {
	unsigned first, last;
};

struct fix_ranges {
	KC_VEC(struct fix_range) r;
};

/* Parses file with args (libclang; text replaces the file's content when
 * not NULL) and reports the number of error diagnostics in *nerrors and,
 * when functions is not NULL, the line ranges of the definitions of those
 * nfunctions functions in the file (appended to ranges; a name that is not
 * found adds nothing; free with KC_VEC_FREE(&ranges->r)). Returns 0, or -KC_EPARSE when libclang cannot parse
 * at all (with msg filled), or -KC_ENOMEM. */
int fix_parse_check(const char *file, const char *text,
		    const char *const *args, size_t nargs,
		    const char *const *functions, size_t nfunctions,
		    struct fix_ranges *ranges, unsigned *nerrors,
		    char *msg, size_t msgsz);

#endif
