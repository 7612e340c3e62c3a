/* pf_defs.h - the function definitions of a file, by tokens, without
 * parsing: for the fact database, a TU that the prefilter skips still
 * has to list the functions it defines (docs/factdb.md: an external
 * function's facts hold only when every definition in the tree agrees,
 * and a definition nobody listed would agree by default).
 *
 * At file scope, NAME ( ... ) followed by '{' (after any attributes or
 * annotation macros) is a definition of NAME, static when `static`
 * appears in the same declaration. Over-listing is harmless (a listed
 * definition without records only withholds facts); a definition a macro
 * spells (SYSCALL_DEFINE3, DEFINE_SHOW_ATTRIBUTE) is listed under the
 * macro's name, which misses the name it defines.
 */
#ifndef KC_PREFILTER_PF_DEFS_H
#define KC_PREFILTER_PF_DEFS_H

#include <stddef.h>

/* Calls cb for each definition of the text buf[0..len) (name not
 * NUL-terminated: name[0..nlen)), in order, until cb returns non-zero;
 * returns that value or 0. */
int pf_defs_scan(const char *buf, size_t len,
		 int (*cb)(void *data, const char *name, size_t nlen,
			   int is_static, unsigned line),
		 void *data);

#endif
