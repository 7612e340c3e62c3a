/* relevance.h - which main-file functions each pass of the analysis has
 * to run (relevance.c explains why skipping the others is exact). */
#ifndef KC_CHECK_RELEVANCE_H
#define KC_CHECK_RELEVANCE_H

#include <clang-c/Index.h>
#include <stddef.h>

#include "apidb/apidb.h"
#include "check/hidx.h"

struct rel_fn;
struct eng_tu;

struct rel {
	struct rel_fn *fn;
	size_t n;
	struct hidx ix;             /* definition hash -> position in fn */
};

/* Scans the bodies of the n main-file function definitions defs (and
 * closes what they can reach over their calls to each other). Returns 0,
 * or -1 when out of memory (rel_release() it all the same). */
int rel_build(struct rel *r, const struct apidb *api, const CXCursor *defs,
	      size_t n);
/* After the first pass: also marks the functions that name a field or
 * file-static for which t's field facts hold an object. */
void rel_facts_known(struct rel *r, const struct eng_tu *t);
/* 1 if pass (0: facts, 1: findings) has to run def. */
int rel_needed(const struct rel *r, CXCursor def, int pass);
void rel_release(struct rel *r);

#endif
