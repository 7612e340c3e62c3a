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
 * it is only a miss. The memo is a member of the TU's context (cx.c,
 * cx_tu_begin()) and everything lives in its arena, freed when the TU's
 * analysis ends; past MEMO_MAX_NODES the memo starts over, which no
 * caller can see (answers are copied out). */
#include "cx/memo.h"

#include "util/sink.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* a node is about 160 bytes with its children: at most ~50 MB of a
 * worker's 400 MB (the heavy 6.1 TUs touch 40,000-60,000 nodes) */
#define MEMO_MAX_NODES (1u << 18)

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

void cx_memo_init(struct cx_memo *m)
{
	memset(m, 0, sizeof(*m));
	kc_arena_init(&m->arena);
}

void cx_memo_release(struct cx_memo *m)
{
	kc_arena_release(&m->arena);
	free(m->tab);
	free(m->scratch);
	memset(m, 0, sizeof(*m));
}

/* Forgets every node (the memo is full) but keeps the scratch. */
static void memo_restart(struct cx_memo *m)
{
	kc_arena_release(&m->arena);
	kc_arena_init(&m->arena);
	free(m->tab);
	m->tab = NULL;
	m->cap = m->n = 0;
	memset(m->recent, 0, sizeof(m->recent));
}

static int memo_grow(struct cx_memo *m)
{
	size_t nc = m->cap ? m->cap * 2 : 4096, i;
	struct cx_memo_slot *nt = calloc(nc, sizeof(*nt));

	if (!nt)
		return -1;
	for (i = 0; i < m->cap; i++) {
		size_t j;

		if (!m->tab[i].e)
			continue;
		for (j = m->tab[i].hash & (nc - 1); nt[j].e;
		     j = (j + 1) & (nc - 1))
			;
		nt[j] = m->tab[i];
	}
	free(m->tab);
	m->tab = nt;
	m->cap = nc;
	return 0;
}

struct cx_node *cx_node(struct cx_memo *m, CXCursor c)
{
	uint64_t h = cursor_hash(c);
	struct cx_memo_slot *r = &m->recent[h & (CX_MEMO_RECENT - 1)];
	struct cx_node *e;
	size_t j;

	if (r->e && r->hash == h && same_cursor(&r->e->c, &c))
		return r->e;
	if (m->n >= MEMO_MAX_NODES)
		memo_restart(m);
	if ((m->n + 1) * 2 > m->cap && memo_grow(m))
		return NULL;
	/* the probe below ends only at an empty slot */
	if (!KC_ASSERT(m->n * 2 < m->cap))
		return NULL;
	for (j = h & (m->cap - 1); (e = m->tab[j].e);
	     j = (j + 1) & (m->cap - 1))
		if (m->tab[j].hash == h && same_cursor(&e->c, &c))
			goto found;
	e = kc_arena_alloc(&m->arena, sizeof(*e));
	if (!e)
		return NULL;
	e->c = c;
	m->tab[j].hash = h;
	m->tab[j].e = e;
	m->n++;
found:
	r->hash = h;
	r->e = e;
	return e;
}

static enum CXChildVisitResult collect_cb(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct cx_memo *m = data;

	(void)parent;
	if (m->scratch_n == m->scratch_cap) {
		unsigned nc = m->scratch_cap ? m->scratch_cap * 2 : 256;
		CXCursor *nv = realloc(m->scratch, nc * sizeof(*nv));

		if (!nv) {
			m->scratch_oom = 1;
			return CXChildVisit_Break;
		}
		m->scratch = nv;
		m->scratch_cap = nc;
	}
	m->scratch[m->scratch_n++] = c;
	return CXChildVisit_Continue;
}

int cx_node_kids(struct cx_memo *m, struct cx_node *e)
{
	CXCursor *kids = NULL;

	if (e->have_kids)
		return 0;
	m->scratch_n = 0;
	m->scratch_oom = 0;
	clang_visitChildren(e->c, collect_cb, m);
	if (m->scratch_oom)
		return -1;
	if (m->scratch_n) {
		kids = kc_arena_alloc(&m->arena,
				      m->scratch_n * sizeof(*kids));
		if (!kids)
			return -1;
		memcpy(kids, m->scratch, m->scratch_n * sizeof(*kids));
	}
	e->kids = kids;
	e->nkids = m->scratch_n;
	e->have_kids = 1;
	return 0;
}
