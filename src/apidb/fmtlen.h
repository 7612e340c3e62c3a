/* fmtlen.h - the most characters the kernel's vsnprintf() can produce
 * for a format string, as GCC's -Wformat-overflow computes it: literal
 * text, each conversion's widest output for its length modifier (or for
 * the argument's known range), widths and precisions, %s of a string of
 * known length. Bounded writers (snprintf, scnprintf, ...) write the
 * smaller of this (plus the NUL) and their size argument.
 *
 * The widths encode x86_64 (LP64: long and pointers are 64 bits) and
 * lib/vsprintf.c of 6.1 and 6.12 (format_decode(), number(),
 * pointer_string(): a pointer prints as 2 * sizeof(void *) hex digits,
 * zero padded; "(____ptrval____)" before the hash key is ready, also 16
 * characters). Anything else the model does not know (an unknown %p
 * extension, %n, a '*' width of unknown value) makes the length
 * unbounded: never a guess.
 */
#ifndef KC_APIDB_FMTLEN_H
#define KC_APIDB_FMTLEN_H

#include <stddef.h>

/* What the caller knows of one argument of the format. */
struct fmt_argv {
	int have_range;        /* an integer whose value is in [lo, hi] */
	long long lo, hi;
	long long strmax;      /* %s: longest strlen(), -1: unknown */
	int nonnull;           /* %s: never NULL (a literal), so never
				* "(null)" */
};

/* Fills *out for argument i (0: the first after the format); returns 0,
 * or -1 when nothing is known (then the conversion takes its widest
 * form, and %s or a '*' is unbounded). */
typedef int (*fmt_arg_fn)(void *data, unsigned i, struct fmt_argv *out);

/* The most characters (the NUL not counted) that fmt[0..n) produces, or
 * -1 when that is unbounded or the model cannot tell. arg may be NULL.
 * *nargs (may be NULL) receives the number of arguments the format
 * consumes. */
long long fmt_max_len(const char *fmt, size_t n, fmt_arg_fn arg, void *data,
		      unsigned *nargs);

#endif
