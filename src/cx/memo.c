/* memo.c - what the analysis asks libclang about one cursor, asked once
 * per translation unit: its children, type and canonical type, referenced
 * cursor, site, spelled callee, and one client pointer (the access path
 * of an lvalue); the accessors are in cx.c. The interpreter visits the same nodes again and
 * again (two passes, loop rounds, every inlined call), and each
 * clang_visitChildren() builds a CursorVisitor and walks the node's
 * children anew: before this memo, those calls were about a third of the
 * analysis time of the heaviest TUs of the 6.1 tree.
 *
 * Cursors are keyed by their bytes: a cursor reached again by the same
 * path has the same bytes; one reached by another path may not, and then
 * it is only a miss. Everything lives in one arena freed by
 * cx_cache_reset(); past MEMO_MAX_NODES the memo starts over, which no
 * caller can see (answers are copied out). */
#include "cx/memo.h"

#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* a node is about 160 bytes with its children: at most ~50 MB of a
 * worker's 400 MB (the heavy 6.1 TUs touch 40,000-60,000 nodes) */
#define MEMO_MAX_NODES (1u << 18)

static struct kc_arena memo_arena;
static int memo_arena_live;
/* open addressing; the hash is kept in the slot so that a probe that
 * misses does not touch the node */
struct memo_slot {
	uint64_t hash;
	struct cx_node *e;
};
static struct memo_slot *memo_tab;
static size_t memo_cap, memo_n;

/* the nodes asked for last, by the low bits of their hash: most
 * questions are about a cursor asked about a moment before */
#define RECENT 256
static struct memo_slot recent[RECENT];

/* growable scratch for collecting children before they are copied */
static CXCursor *scratch;
static unsigned scratch_n, scratch_cap;
static int scratch_oom;

static uint64_t cursor_hash(CXCursor c)
{
	uint64_t h = (uint64_t)(uintptr_t)c.data[0] ^
		     (uint64_t)(uintptr_t)c.data[1] * 0x9e3779b97f4a7c15ull ^
		     (uint64_t)(uintptr_t)c.data[2] ^
		     ((uint64_t)c.kind << 32 | (unsigned)c.xdata);

	h *= 0xff51afd7ed558ccdull;
	return h ^ h >> 29;
}

static int same_cursor(const CXCursor *a, const CXCursor *b)
{
	return a->data[1] == b->data[1] && a->data[0] == b->data[0] &&
	       a->kind == b->kind && a->xdata == b->xdata &&
	       a->data[2] == b->data[2];
}

void cx_memo_reset(void)
{
	if (memo_arena_live)
		kc_arena_release(&memo_arena);
	kc_arena_init(&memo_arena);
	memo_arena_live = 1;
	free(memo_tab);
	memo_tab = NULL;
	memo_cap = memo_n = 0;
	memset(recent, 0, sizeof(recent));
}

static int memo_grow(void)
{
	size_t nc = memo_cap ? memo_cap * 2 : 4096, i;
	struct memo_slot *nt = calloc(nc, sizeof(*nt));

	if (!nt)
		return -1;
	for (i = 0; i < memo_cap; i++) {
		size_t j;

		if (!memo_tab[i].e)
			continue;
		for (j = memo_tab[i].hash & (nc - 1); nt[j].e;
		     j = (j + 1) & (nc - 1))
			;
		nt[j] = memo_tab[i];
	}
	free(memo_tab);
	memo_tab = nt;
	memo_cap = nc;
	return 0;
}

struct cx_node *cx_node(CXCursor c)
{
	uint64_t h = cursor_hash(c);
	struct memo_slot *r = &recent[h & (RECENT - 1)];
	struct cx_node *e;
	size_t j;

	if (r->e && r->hash == h && same_cursor(&r->e->c, &c))
		return r->e;
	if (!memo_arena_live || memo_n >= MEMO_MAX_NODES)
		cx_memo_reset();
	if ((memo_n + 1) * 2 > memo_cap && memo_grow())
		return NULL;
	for (j = h & (memo_cap - 1); (e = memo_tab[j].e);
	     j = (j + 1) & (memo_cap - 1))
		if (memo_tab[j].hash == h && same_cursor(&e->c, &c))
			goto found;
	e = kc_arena_alloc(&memo_arena, sizeof(*e));
	if (!e)
		return NULL;
	e->c = c;
	memo_tab[j].hash = h;
	memo_tab[j].e = e;
	memo_n++;
found:
	r->hash = h;
	r->e = e;
	return e;
}

static enum CXChildVisitResult collect_cb(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	(void)parent;
	(void)data;
	if (scratch_n == scratch_cap) {
		unsigned nc = scratch_cap ? scratch_cap * 2 : 256;
		CXCursor *nv = realloc(scratch, nc * sizeof(*nv));

		if (!nv) {
			scratch_oom = 1;
			return CXChildVisit_Break;
		}
		scratch = nv;
		scratch_cap = nc;
	}
	scratch[scratch_n++] = c;
	return CXChildVisit_Continue;
}

int cx_node_kids(struct cx_node *e)
{
	CXCursor *kids = NULL;

	if (e->have_kids)
		return 0;
	scratch_n = 0;
	scratch_oom = 0;
	clang_visitChildren(e->c, collect_cb, NULL);
	if (scratch_oom)
		return -1;
	if (scratch_n) {
		kids = kc_arena_alloc(&memo_arena, scratch_n * sizeof(*kids));
		if (!kids)
			return -1;
		memcpy(kids, scratch, scratch_n * sizeof(*kids));
	}
	e->kids = kids;
	e->nkids = scratch_n;
	e->have_kids = 1;
	return 0;
}
