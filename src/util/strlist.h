/* strlist.h - a growable list of borrowed strings (the strings are not
 * copied: options point into argv or a config file that outlives the
 * list). */
#ifndef KC_UTIL_STRLIST_H
#define KC_UTIL_STRLIST_H

#include <stddef.h>

struct kc_strlist {
	const char **v;
	size_t n, cap;
};

/* Appends s (not copied). Returns 0 or -KC_ENOMEM. */
int kc_strlist_add(struct kc_strlist *l, const char *s);
/* Frees the array (not the strings); l is empty after. */
void kc_strlist_release(struct kc_strlist *l);

/* qsort() comparator for an array of strings (char * or const char *
 * elements): strcmp order. */
int kc_strv_cmp(const void *a, const void *b);

#endif
