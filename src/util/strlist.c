/* strlist.c - growable list of borrowed strings (strlist.h). */
#include "util/strlist.h"

#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/vec.h"

int kc_strlist_add(struct kc_strlist *l, const char *s)
{
	return KC_VEC_PUSH(l, s) ? -KC_ENOMEM : 0;
}

void kc_strlist_release(struct kc_strlist *l)
{
	KC_VEC_FREE(l);
}

int kc_strv_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}
