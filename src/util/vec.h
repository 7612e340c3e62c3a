/* vec.h - type-generic growable arrays on the heap.
 *
 *   struct kc_vec_int { int *v; size_t n, cap; };   // or KC_VEC(int) field
 *   if (KC_VEC_PUSH(&vec, 42)) return -KC_ENOMEM;
 *   KC_VEC_FREE(&vec);
 */
#ifndef KC_UTIL_VEC_H
#define KC_UTIL_VEC_H

#include <stdlib.h>

#define KC_VEC(type) struct { type *v; size_t n, cap; }

/* Ensures room for one more element; evaluates to 0 or -1 on OOM. */
#define KC_VEC_RESERVE(vec)                                                  \
	((vec)->n < (vec)->cap ? 0 :                                         \
	 kc_vec_grow((void **)&(vec)->v, &(vec)->cap, sizeof(*(vec)->v)))

#define KC_VEC_PUSH(vec, val)                                                \
	(KC_VEC_RESERVE(vec) ? -1 : ((vec)->v[(vec)->n++] = (val), 0))

#define KC_VEC_FREE(vec)                                                     \
	do {                                                                 \
		free((vec)->v);                                              \
		(vec)->v = NULL;                                             \
		(vec)->n = (vec)->cap = 0;                                   \
	} while (0)

static inline int kc_vec_grow(void **v, size_t *cap, size_t elem)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	void *p = realloc(*v, ncap * elem);

	if (!p)
		return -1;
	*v = p;
	*cap = ncap;
	return 0;
}

#endif
