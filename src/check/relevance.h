/* relevance.h - which main-file functions each pass of the analysis has
 * to run (relevance.c explains why skipping the others is exact). */
#ifndef KC_CHECK_RELEVANCE_H
#define KC_CHECK_RELEVANCE_H

#include <clang-c/Index.h>
#include <stddef.h>

#include "apidb/apidb.h"
#include "check/hidx.h"
#include "util/vec.h"

struct rel_fn;
struct eng_tu;

struct rel {
	KC_VEC(struct rel_fn) fn;   /* the main file's definitions */
	struct hidx ix;             /* definition hash -> position in fn */
	const struct apidb *api;
	size_t cur;                 /* function being scanned, HIDX_NONE */
	int oom;
	int db;          /* a fact database answers fields (keep cursors) */
	int export_all;  /* the TU's stores are exported: pass 0 runs every
			  * function that stores into a field */
};

/* The scan rides on analyze.c's one walk of the main file: rel_add() a
 * definition before walking its body, rel_leave() before any other
 * top-level cursor, rel_visit() every node walked, and rel_finish() at
 * the end (which closes what each function reaches over its calls to
 * the others). rel_add/rel_finish return 0, or -1 when out of memory
 * (rel_release() it all the same). */
void rel_init(struct rel *r, const struct apidb *api);
int rel_add(struct rel *r, CXCursor def);
void rel_leave(struct rel *r);
void rel_visit(struct rel *r, CXCursor c);
int rel_finish(struct rel *r);
/* After the first pass: also marks the functions that name a field or
 * file-static for which t's field facts hold an object. */
void rel_facts_known(struct rel *r, struct eng_tu *t);
/* 1 if pass (0: facts, 1: findings) has to run def. */
int rel_needed(const struct rel *r, CXCursor def, int pass);
/* 1 if def, or a main-file function it calls, calls a free of the
 * tables: a candidate for a `free` summary (summary.c) even when no pass
 * needs it (a free alone makes no finding). */
int rel_frees(const struct rel *r, CXCursor def);
void rel_release(struct rel *r);

#endif
