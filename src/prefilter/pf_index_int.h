/* pf_index_int.h - the prefilter's name graph inside (pf_index.h), shared
 * by its two files and private to them: pf_index.c (the interned names,
 * the closure that finds the triggers, the queries) and pf_scan.c (the
 * records of one header's definitions).
 */
#ifndef KC_PREFILTER_PF_INDEX_INT_H
#define KC_PREFILTER_PF_INDEX_INT_H

#include <stddef.h>
#include <stdint.h>

#include "prefilter/pf_index.h"
#include "util/arena.h"
#include "util/vec.h"

#define N_ROOT    0x01
#define N_TRIGGER 0x02
#define N_FNMACRO 0x04  /* defined as a function-like macro somewhere */
#define N_ATTR    0x08  /* a keyword or a macro that expands to an attribute */
#define N_KEYWORD 0x10
#define N_PASTE   0x20  /* a macro pasting a piece of a root's name */

#define NONE UINT32_MAX

struct pf_rec {
	uint32_t owners, nowners;   /* in pool */
	uint32_t refs, nrefs;       /* in pool */
	uint32_t cargs, ncargs;     /* pairs in pool */
};

struct pf_index {
	struct kc_arena arena;
	KC_VEC(const char *) str;      /* id -> name */
	KC_VEC(unsigned char) flags;   /* id -> N_* */
	KC_VEC(uint32_t) attr_of;      /* id -> first body ident of macro */
	KC_VEC(uint32_t) why;          /* id -> the trigger that made it one */
	uint32_t *slot;                /* open addressing: id, or NONE */
	size_t nslot;
	KC_VEC(struct pf_rec) recs;
	KC_VEC(uint32_t) pool;
	KC_VEC(uint32_t) paste;        /* macro id, piece id pairs */
	size_t ntrig;
	int closed;
};

/* pf_index.c: the id of s[0..len), added if new; NONE on OOM. */
uint32_t pf_index_intern(struct pf_index *x, const char *s, size_t len);

#endif
