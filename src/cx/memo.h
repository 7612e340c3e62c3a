/* memo.h - per-TU memo of libclang answers about cursors (memo.c); used
 * by cx.c only, whose TU context (cx_tu_begin()) owns the one memo:
 * callers go through cx_children(), cx_type(), cx_site() and friends,
 * which copy the answers out. */
#ifndef KC_CX_MEMO_H
#define KC_CX_MEMO_H

#include <clang-c/Index.h>
#include <stdint.h>

#include "util/arena.h"

struct cx_node {
	CXCursor c;
	CXCursor *kids;             /* valid when have_kids */
	unsigned nkids;
	unsigned char have_kids, have_type, have_canon, have_site, have_user,
		      have_ref;
	CXType type, canon;
	unsigned long long site;
	const void *user;           /* cx_user_set() */
	CXCursor ref;               /* clang_getCursorReferenced() */
	const char *spelled;        /* cx_spelled_callee() */
};

/* open addressing; the hash is kept in the slot so that a probe that
 * misses does not touch the node */
struct cx_memo_slot {
	uint64_t hash;
	struct cx_node *e;
};

/* the nodes asked for last, by the low bits of their hash: most
 * questions are about a cursor asked about a moment before */
#define CX_MEMO_RECENT 256

struct cx_memo {
	struct kc_arena arena;      /* every node and child array */
	struct cx_memo_slot *tab;
	size_t cap, n;
	struct cx_memo_slot recent[CX_MEMO_RECENT];
	/* growable scratch for collecting children before they are
	 * copied */
	CXCursor *scratch;
	unsigned scratch_n, scratch_cap;
	int scratch_oom;
};

/* An empty memo / frees everything m holds. */
void cx_memo_init(struct cx_memo *m);
void cx_memo_release(struct cx_memo *m);
/* The memo entry of c (created empty on first sight), or NULL when out
 * of memory. Valid until the next cx_node() (which may start the memo
 * over) or cx_memo_release(): compute with libclang, then store. */
struct cx_node *cx_node(struct cx_memo *m, CXCursor c);
/* Fills e's children if not yet known. Returns 0, or -1 on OOM. */
int cx_node_kids(struct cx_memo *m, struct cx_node *e);

#endif
