/* memo.h - per-TU memo of libclang answers about cursors (memo.c); used
 * by cx.c only: callers go through cx_children(), cx_type(), cx_site()
 * and friends, which copy the answers out. */
#ifndef KC_CX_MEMO_H
#define KC_CX_MEMO_H

#include <clang-c/Index.h>
#include <stdint.h>

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

/* The memo entry of c (created empty on first sight), or NULL when out
 * of memory. Valid until the next cx_node() (which may start the memo
 * over) or cx_memo_reset(): compute with libclang, then store. */
struct cx_node *cx_node(CXCursor c);
/* Fills e's children if not yet known. Returns 0, or -1 on OOM. */
int cx_node_kids(struct cx_node *e);
/* Forgets everything (a new TU begins). */
void cx_memo_reset(void);

#endif
