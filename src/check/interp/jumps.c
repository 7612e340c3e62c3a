/* jumps.c - switch (cases, fall-through, default) and goto/labels
 * (forward gotos park their state at the label, backward gotos re-run the
 * body). */
#include "check/interp/interp.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

struct sw_ctx {
	struct state entry;
	CXCursor cond;
	struct val val;         /* the condition's value at the switch */
	int has_default;
};

static int find_default(CXCursor c, int depth)
{
	struct cx_kids k;
	unsigned i;
	enum CXCursorKind kind = clang_getCursorKind(c);

	if (kind == CXCursor_DefaultStmt)
		return 1;
	if (kind == CXCursor_SwitchStmt || depth > 6)
		return 0;
	if (kind != CXCursor_CompoundStmt && kind != CXCursor_CaseStmt &&
	    kind != CXCursor_LabelStmt)
		return 0;
	cx_children(c, &k);
	for (i = 0; i < k.n; i++)
		if (find_default(k.k[i], depth + 1))
			return 1;
	return 0;
}

/* The allocation whose field the switch condition cond reads (switch
 * (spec->type), switch (trans->msg_type)), or 0. */
static int tag_object(struct eng_fn *f, struct state *s, CXCursor cond)
{
	struct cx_kids k;
	struct val b;
	int obj = 0;
	unsigned i;

	cond = cx_strip(cond);
	if (clang_getCursorKind(cond) != CXCursor_MemberRefExpr)
		return 0;
	cx_children(cond, &k);
	if (k.n < 1 || !eng_is_arrow(cx_strip(k.k[0])))
		return 0;
	b = eng_eval(f, s, k.k[0]);
	for (i = 0; i < b.np && !b.ptop; i++) {
		if (b.p[i].kind != PK_OBJ)
			continue;
		if (obj)
			return 0;
		obj = b.p[i].obj;
	}
	if (b.ptop || !obj || ir_obj(&f->t->objs, obj)->origin != PO_ALLOC)
		return 0;
	return obj;
}

void eng_exec_switch(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	struct sw_ctx sw;
	struct jump j;
	int tag;

	cx_children(c, &k);
	if (k.n < 2 || f->njumps >= 64 || f->nswitches >= 32 ||
	    f->ntags >= 32)
		return;
	memset(&sw, 0, sizeof(sw));
	tag = tag_object(f, s, k.k[k.n - 2]);
	sw.val = eng_eval(f, s, k.k[k.n - 2]);
	if (tag && (sw.val.np || sw.val.ptop || !iv_is_const(&sw.val.iv, NULL)))
		f->tag_obj[f->ntags++] = tag;
	else
		tag = 0;
	sw.cond = k.k[k.n - 2];
	st_move(&sw.entry, s);
	sw.has_default = find_default(k.k[k.n - 1], 0);
	memset(&j, 0, sizeof(j));
	st_init_dead(&j.brk);
	st_init_dead(&j.cont);
	st_init_dead(s);
	f->jumps[f->njumps++] = &j;
	f->switches[f->nswitches++] = &sw;
	eng_exec(f, s, k.k[k.n - 1]);
	if (tag)
		f->ntags--;
	f->nswitches--;
	f->njumps--;
	eng_join_into(f, s, &j.brk);
	if (!sw.has_default)
		eng_join_into(f, s, &sw.entry);
	st_release(&j.brk);
	st_release(&j.cont);
	st_release(&sw.entry);
}

void eng_exec_case(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	struct sw_ctx *sw = f->nswitches ?
			     f->switches[f->nswitches - 1] : NULL;

	cx_children(c, &k);
	if (!k.n)
		return;
	if (sw) {
		struct state e;

		if (!st_copy(&e, &sw->entry)) {
			long long cv;
			const char *key = eng_key(f, sw->cond);

			if (clang_getCursorKind(c) == CXCursor_CaseStmt &&
			    k.n >= 2 && cx_eval_int(k.k[0], &cv)) {
				/* the value at the switch: a path's, or one
				 * stored through another pointer (memslots.c) */
				struct val v = sw->val;

				if (!v.np && !v.ptop &&
				    (cv < v.iv.lo || cv > v.iv.hi))
					e.dead = 1;
				else if (key) {
					v = val_int(iv_const(cv));
					st_set(&e, key, &v);
				}
			}
			eng_join_into(f, s, &e);
			st_release(&e);
		}
	}
	eng_exec(f, s, k.k[k.n - 1]);
}

/* A backward goto: the state joins the label's back state (widening
 * after BACK_WIDEN_AFTER runs); the body is run again while it grows. */
void eng_back_goto(struct eng_fn *f, struct label_pend *lp,
		      const struct state *s)
{
	struct state tmp;

	if (s->dead)
		return;
	if (st_copy(&tmp, &lp->back))
		return;
	/* a failure is the sink's (util/sink.h) */
	(void)eng_join(f, &tmp, s, f->back_round >= BACK_WIDEN_AFTER);
	if (!st_equal(&tmp, &lp->back))
		lp->back_grew = 1;
	st_release(&lp->back);
	st_move(&lp->back, &tmp);
}

struct label_pend *eng_label_get(struct eng_fn *f, CXCursor label)
{
	unsigned long long site = cx_site(label);
	size_t i;

	for (i = 0; i < f->nlabels; i++)
		if (f->labels[i].site == site)
			return &f->labels[i];
	if (f->nlabels == f->caplabels &&
	    kc_vec_grow((void **)&f->labels, &f->caplabels,
			sizeof(*f->labels)))
		return NULL;
	memset(&f->labels[f->nlabels], 0, sizeof(*f->labels));
	f->labels[f->nlabels].site = site;
	st_init_dead(&f->labels[f->nlabels].st);
	st_init_dead(&f->labels[f->nlabels].back);
	return &f->labels[f->nlabels++];
}
