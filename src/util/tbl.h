/* tbl.h - reader for the rules/ *.tbl data files.
 *
 * Format (docs/rules-format.md): one record per line, fields separated by
 * blanks or tabs, '#' starts a comment that runs to the end of the line,
 * blank lines are ignored. A field may be double-quoted to hold blanks
 * ("a b"); there are no escapes. Each record is handed to a callback with
 * its fields and their 1-based columns, so a loader can reject a bad field
 * with its exact position: rules/allocators.tbl:12:3: unknown family 'x'.
 */
#ifndef KC_UTIL_TBL_H
#define KC_UTIL_TBL_H

#include "util/err.h"

#define KC_TBL_MAX_FIELDS 32

struct kc_tbl_rec {
	const char *file;      /* path as given to kc_tbl_read */
	unsigned line;
	int nfields;
	const char *field[KC_TBL_MAX_FIELDS]; /* valid during the callback */
	unsigned col[KC_TBL_MAX_FIELDS];
};

/* Called once per record; return 0 to go on, or a negative KC_E* code
 * (after filling err, e.g. with kc_tbl_field_err) to stop reading. */
typedef int (*kc_tbl_fn)(const struct kc_tbl_rec *rec, void *data,
			 struct kc_err *err);

/* Reads path and calls fn for each record. Returns 0, the callback's
 * error, -KC_EIO (cannot open) or -KC_EPARSE (unterminated quote, too many
 * fields), with err filled. */
int kc_tbl_read(const char *path, kc_tbl_fn fn, void *data,
		struct kc_err *err);
/* Same, on text already in memory; name is used in error positions. */
int kc_tbl_parse(const char *name, const char *text, kc_tbl_fn fn, void *data,
		 struct kc_err *err);

/* Fills err with "file:line:col: <fmt>" for field i of rec; returns
 * -KC_EPARSE. */
int kc_tbl_field_err(const struct kc_tbl_rec *rec, int i, struct kc_err *err,
		     const char *fmt, ...) KC_PRINTF(4, 5);

/* Parses field i as an unsigned decimal or 0x hex number; accepts K/M/G
 * suffixes (x1024). Returns 0 or -KC_EPARSE with err filled. */
int kc_tbl_field_u64(const struct kc_tbl_rec *rec, int i,
		     unsigned long long *out, struct kc_err *err);

#endif
