/* stmt.c - the statement executor's dispatch (eng_exec): blocks,
 * declarations, if/else, break/continue/return, and eng_run_body, which
 * runs a function body to its joined exit state. */
#include "check/interp/interp.h"
#include "util/sink.h"

#include <stdlib.h>
#include <string.h>

/* -1: the value is 0 (or NULL), 1: it is not, 0: either. */
static int ret_class(struct eng_fn *f, const struct val *v)
{
	unsigned i;
	int null = 0, other = v->ptop;

	if (!v->np && !v->ptop) {
		if (iv_is_const(&v->iv, NULL) && v->iv.lo == 0)
			return -1;
		if (v->iv.lo > 0 || v->iv.hi < 0)
			return 1;
		return 0;
	}
	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind == PK_NULL)
			null = 1;
		else if (v->p[i].kind == PK_OBJ &&
			 ir_obj(&f->t->objs, v->p[i].obj)->origin ==
			 PO_UNKNOWN)
			null = other = 1;
		else
			other = 1;
	}
	if (null && !other)
		return -1;
	if (!null && other && !v->ptop)
		return 1;
	return 0;
}

struct exec_ctx {
	struct eng_fn *f;
	struct state *s;
};

static enum CXChildVisitResult exec_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct exec_ctx *ec = data;

	(void)parent;
	eng_exec(ec->f, ec->s, c);
	return CXChildVisit_Continue;
}

static void exec_decl(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	unsigned i;

	cx_children(c, &k);
	for (i = 0; i < k.n; i++) {
		CXCursor d = k.k[i], init;
		const char *key;
		struct path_buf pb;
		CXString nm;
		struct val v;
		CXType ty;

		if (clang_getCursorKind(d) != CXCursor_VarDecl)
			continue;
		init = clang_Cursor_getVarDeclInitializer(d);
		if (clang_Cursor_getStorageClass(d) == CX_SC_Static) {
			continue;
		}
		ty = cx_canon_type(d);
		if (!clang_Cursor_isNull(init) && cx_is_integer(ty) &&
		    k.n == 1) {
			/* int ret = helper(); if (ret) ... */
			struct state z, nz;

			nm = clang_getCursorSpelling(d);
			path_root_var(&pb, clang_hashCursor(d),
				      clang_getCString(nm));
			clang_disposeString(nm);
			key = ir_intern(&f->t->keys, path_text(&pb));
			if (key && eng_eval_split(f, s, init, &v, &z, &nz)) {
				st_kill_under(s, key);
				st_set(s, key, &v);
				eng_split_keep(f, s, key, &v, &z, &nz);
				continue;
			}
		}
		v = clang_Cursor_isNull(init) ? val_top() :
						eng_eval(f, s, init);
		if (ty.kind == CXType_ConstantArray ||
		    ty.kind == CXType_Record)
			v = val_top();
		nm = clang_getCursorSpelling(d);
		path_root_var(&pb, clang_hashCursor(d), clang_getCString(nm));
		clang_disposeString(nm);
		key = ir_intern(&f->t->keys, path_text(&pb));
		if (!key)
			continue;
		st_kill_under(s, key);
		if (cx_is_integer(ty) && !v.np && iv_is_top(&v.iv))
			v = eng_read_key(f, &f->memo, key, ty);
		eng_note_ptr_type(f, ty, &v);
		st_set(s, key, &v);
		if (ty.kind == CXType_Pointer && !clang_Cursor_isNull(init))
			eng_def_record(f, s, key, init);
	}
}

void eng_exec(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;

	if (s->dead && clang_getCursorKind(c) != CXCursor_LabelStmt &&
	    clang_getCursorKind(c) != CXCursor_CaseStmt &&
	    clang_getCursorKind(c) != CXCursor_DefaultStmt &&
	    clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return;
	if (eng_tick(f))
		return;
	switch (clang_getCursorKind(c)) {
	case CXCursor_CompoundStmt: {
		struct exec_ctx ec = { f, s };

		clang_visitChildren(c, exec_cb, &ec);
		return;
	}
	case CXCursor_DeclStmt:
		exec_decl(f, s, c);
		return;
	case CXCursor_IfStmt: {
		struct state s2;

		cx_children(c, &k);
		if (k.n < 2)
			return;
		if (st_copy(&s2, s))
			return;
		eng_assume(f, &s2, k.k[0], 1);
		eng_exec(f, &s2, k.k[1]);
		eng_assume(f, s, k.k[0], 0);
		if (k.n >= 3)
			eng_exec(f, s, k.k[2]);
		eng_join_into(f, s, &s2);
		st_release(&s2);
		return;
	}
	case CXCursor_WhileStmt:
		cx_children(c, &k);
		if (k.n == 2)
			eng_run_loop(f, s, k.k[0], clang_getNullCursor(), k.k[1],
				 0);
		return;
	case CXCursor_DoStmt:
		cx_children(c, &k);
		if (k.n == 2)
			eng_run_loop(f, s, k.k[1], clang_getNullCursor(), k.k[0],
				 1);
		return;
	case CXCursor_ForStmt:
		eng_exec_for(f, s, c);
		return;
	case CXCursor_SwitchStmt:
		eng_exec_switch(f, s, c);
		return;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		eng_exec_case(f, s, c);
		return;
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt: {
		int brk = clang_getCursorKind(c) == CXCursor_BreakStmt;
		int n = f->njumps;

		while (n > 0 && !brk && !f->jumps[n - 1]->is_loop)
			n--;
		if (n > 0)
			eng_join_into(f, brk ? &f->jumps[n - 1]->brk :
					   &f->jumps[n - 1]->cont, s);
		st_release(s);
		st_init_dead(s);
		return;
	}
	case CXCursor_ReturnStmt:
		cx_children(c, &k);
		if (k.n) {
			struct val v = eng_eval(f, s, k.k[0]);

			if (!s->dead && !f->caller)
				eng_return_claim(f, s, c, &v);
			if (!s->dead) {
				f->retval = f->have_ret ?
					val_join(&f->retval, &v) : v;
				f->have_ret = 1;
				if (f->split) {
					int z = ret_class(f, &v);

					if (z <= 0)
						eng_join_into(f, &f->ret_zero, s);
					if (z >= 0)
						eng_join_into(f, &f->ret_nz, s);
				}
			}
		} else if (f->split) {
			eng_join_into(f, &f->ret_zero, s);
			eng_join_into(f, &f->ret_nz, s);
		}
		eng_join_into(f, &f->ret, s);
		st_release(s);
		st_init_dead(s);
		return;
	case CXCursor_GotoStmt: {
		CXCursor lab = cx_ref(cx_first_child(c));
		struct label_pend *lp;

		if (!clang_Cursor_isNull(lab) && (lp = eng_label_get(f, lab))) {
			if (!lp->seen)
				eng_join_into(f, &lp->st, s);
			else
				eng_back_goto(f, lp, s);
		}
		st_release(s);
		st_init_dead(s);
		return;
	}
	case CXCursor_LabelStmt: {
		struct label_pend *lp = eng_label_get(f, c);

		if (lp) {
			eng_join_into(f, s, &lp->st);
			lp->seen = 1;
		}
		cx_children(c, &k);
		if (k.n)
			eng_exec(f, s, k.k[k.n - 1]);
		return;
	}
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		return;
	default:
		if (!clang_isExpression(clang_getCursorKind(c)))
			return;
		if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
		    cx_binop(c) == CXBinaryOperator_Assign) {
			cx_children(c, &k);
			if (k.n == 2 && eng_split_assign(f, s, k.k[0], k.k[1],
						     eng_key(f, k.k[0])))
				return;
		}
		eng_effect(f, s, c);
		return;
	}
}

/* Prepares another run of the body when a backward goto brought a new
 * state to its label: each label starts from its back state. Returns 1
 * when the body must run again. */
static int back_rerun(struct eng_fn *f)
{
	size_t i;
	int grew = 0;

	for (i = 0; i < f->nlabels; i++)
		grew |= f->labels[i].back_grew;
	if (!grew || f->back_round + 1 >= BACK_MAX_RUNS ||
	    f->t->over_budget || kc_sink_failed())
		return 0;
	for (i = 0; i < f->nlabels; i++) {
		struct label_pend *lp = &f->labels[i];

		lp->back_grew = 0;
		lp->seen = 0;
		st_release(&lp->st);
		if (st_copy(&lp->st, &lp->back))
			return 0;
	}
	f->back_round++;
	return 1;
}

void eng_run_body(struct eng_fn *f, struct state *s)
{
	struct cx_kids k;
	struct state entry;
	size_t i;

	cx_children(f->fn, &k);
	if (!k.n || clang_getCursorKind(k.k[k.n - 1]) !=
		    CXCursor_CompoundStmt) {
		st_release(s);
		st_init_dead(s);
		return;
	}
	if (st_copy(&entry, s))
		st_init_dead(&entry);
	f->back_round = 0;
	for (;;) {
		eng_exec(f, s, k.k[k.n - 1]);
		if (f->split && !s->dead) {
			eng_join_into(f, &f->ret_zero, s);
			eng_join_into(f, &f->ret_nz, s);
		}
		eng_join_into(f, &f->ret, s);
		if (!back_rerun(f))
			break;
		st_release(s);
		if (st_copy(s, &entry)) {
			st_init_dead(s);
			break;
		}
	}
	st_release(&entry);
	eng_split_clear(f);
	st_release(s);
	st_move(s, &f->ret);
	st_init_dead(&f->ret);
	eng_finish_facts(f);
	for (i = 0; i < f->nlabels; i++) {
		st_release(&f->labels[i].st);
		st_release(&f->labels[i].back);
	}
	free(f->labels);
	f->labels = NULL;
	f->nlabels = f->caplabels = 0;
}
