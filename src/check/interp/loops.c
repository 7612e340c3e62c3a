/* loops.c - while, do and for: iteration to a fixed point (widening after
 * LOOP_WIDEN_AFTER rounds), accesses judged once on the fixed point. */
#include "check/interp/interp.h"

#include <string.h>

static int is_update(CXCursor c)
{
	enum CXCursorKind k;

	c = cx_strip(c);
	k = clang_getCursorKind(c);
	if (k == CXCursor_DeclStmt || k == CXCursor_CompoundAssignOperator)
		return 1;
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = cx_binop(c);

		if (op == CXBinaryOperator_Assign)
			return 1;
		if (op == CXBinaryOperator_Comma) {
			struct cx_kids kk;

			cx_children(c, &kk);
			return kk.n == 2 && is_update(kk.k[1]);
		}
		return 0;
	}
	if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = cx_unop(c);

		return op == CXUnaryOperator_PostInc ||
		       op == CXUnaryOperator_PostDec ||
		       op == CXUnaryOperator_PreInc ||
		       op == CXUnaryOperator_PreDec;
	}
	return 0;
}

/* One more round of a loop from its fixpoint head, judging accesses.
 * Accesses are judged in the first round (the values on entry: a real
 * path) and in this one (every round), not in the rounds between, whose
 * partial joins (n = nr_pages after one step of an inner loop bounded by
 * an unknown) would be taken for bounds the loop does not keep. Its
 * states are dropped. */
static void judge_round(struct eng_fn *f, const struct state *head,
			CXCursor cond, CXCursor inc, CXCursor body,
			int do_while)
{
	struct jump j;
	struct state cur;

	if (f->t->quiet || f->t->pass != 1 || head->dead ||
	    f->t->over_budget || f->njumps >= 64 || st_copy(&cur, head))
		return;
	memset(&j, 0, sizeof(j));
	st_init_dead(&j.brk);
	st_init_dead(&j.cont);
	j.is_loop = 1;
	if (!do_while && !clang_Cursor_isNull(cond))
		eng_assume(f, &cur, cond, 1);
	f->jumps[f->njumps++] = &j;
	eng_exec(f, &cur, body);
	f->njumps--;
	eng_join_into(f, &cur, &j.cont);
	if (do_while && !clang_Cursor_isNull(cond))
		eng_assume(f, &cur, cond, 1);
	if (!clang_Cursor_isNull(inc))
		eng_effect(f, &cur, inc);
	st_release(&cur);
	st_release(&j.brk);
	st_release(&j.cont);
}

/* 1 if the `for` being run counts i up to n by ones from i <= n (strides.c
 * checks the shape; entry state s gives 0 <= i <= n): then i == n when
 * the condition fails, sets *ic and *nc. */
static int exit_at_bound(struct eng_fn *f, struct state *s, CXCursor cond,
			 CXCursor inc, CXCursor body, CXCursor *ic,
			 CXCursor *nc)
{
	struct val i, n;

	if (!eng_loop_exit_index(f, f->cur_for, cond, inc, body, ic, nc))
		return 0;
	i = eng_eval(f, s, *ic);
	n = eng_eval(f, s, *nc);
	return !i.np && !i.ptop && !n.np && !n.ptop && i.iv.lo >= 0 &&
	       i.iv.hi <= n.iv.lo;
}

/* The exit through the condition of such a loop: i takes n's value
 * (its form included), within the range i had. */
static void exit_index(struct eng_fn *f, struct state *s, CXCursor ic,
		       CXCursor nc)
{
	struct val i, n;

	if (s->dead)
		return;
	i = eng_eval(f, s, ic);
	n = eng_eval(f, s, nc);
	if (i.np || n.np || i.ptop || n.ptop)
		return;
	if (i.iv.lo > n.iv.lo)
		n.iv.lo = i.iv.lo;
	if (i.iv.hi < n.iv.hi)
		n.iv.hi = i.iv.hi;
	if (n.iv.lo > n.iv.hi)
		return;
	eng_store(f, s, ic, &n);
}

void eng_run_loop(struct eng_fn *f, struct state *s, CXCursor cond,
		     CXCursor inc, CXCursor body, int do_while)
{
	struct jump j;
	struct state head, exitst, cur, tmp;
	CXCursor ic, nc;
	int round, at_bound;

	if (f->njumps >= 64) {
		st_release(s);
		st_init_dead(s);
		return;
	}
	memset(&j, 0, sizeof(j));
	st_init_dead(&j.brk);
	st_init_dead(&j.cont);
	j.is_loop = 1;
	st_init_dead(&exitst);
	st_init_dead(&head);
	st_move(&head, s);
	at_bound = !do_while &&
		   exit_at_bound(f, &head, cond, inc, body, &ic, &nc);
	for (round = 0; round < LOOP_MAX_ROUNDS; round++) {
		if (round == 1)
			f->t->quiet++;
		if (st_copy(&cur, &head))
			break;
		if (!do_while && !clang_Cursor_isNull(cond)) {
			if (!st_copy(&tmp, &cur)) {
				eng_assume(f, &tmp, cond, 0);
				if (at_bound)
					exit_index(f, &tmp, ic, nc);
				eng_join_into(f, &exitst, &tmp);
				st_release(&tmp);
			}
			eng_assume(f, &cur, cond, 1);
		}
		f->jumps[f->njumps++] = &j;
		eng_exec(f, &cur, body);
		f->njumps--;
		eng_join_into(f, &cur, &j.cont);
		st_release(&j.cont);
		st_init_dead(&j.cont);
		if (do_while && !clang_Cursor_isNull(cond)) {
			if (!st_copy(&tmp, &cur)) {
				eng_assume(f, &tmp, cond, 0);
				eng_join_into(f, &exitst, &tmp);
				st_release(&tmp);
			}
			eng_assume(f, &cur, cond, 1);
		}
		if (!clang_Cursor_isNull(inc))
			eng_effect(f, &cur, inc);
		if (st_copy(&tmp, &head)) {
			st_release(&cur);
			break;
		}
		/* a failure is the sink's (util/sink.h) */
		(void)eng_join(f, &tmp, &cur, round >= LOOP_WIDEN_AFTER);
		st_release(&cur);
		if (st_equal(&tmp, &head) || f->t->over_budget) {
			st_release(&tmp);
			break;
		}
		st_move(&head, &tmp);
	}
	if (round >= 1) {
		f->t->quiet--;
		judge_round(f, &head, cond, inc, body, do_while);
	}
	st_release(&head);
	eng_join_into(f, &exitst, &j.brk);
	st_release(&j.brk);
	st_release(&j.cont);
	st_move(s, &exitst);
}

/* The file offsets of the two ';' of for statement c's header, from its
 * tokens: 1, or 0 when they cannot be read (a for written by a macro,
 * list_for_each_entry(): its tokens are the macro call's). */
static int for_semis(struct eng_fn *f, CXCursor c, unsigned *semi)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXSourceLocation sl = clang_getCursorLocation(c);
	CXToken *toks = NULL;
	unsigned n = 0, i, ns = 0, off;
	int depth = 0;
	CXFile file, sfile;

	clang_getExpansionLocation(sl, &file, NULL, NULL, NULL);
	clang_getSpellingLocation(sl, &sfile, NULL, NULL, NULL);
	if (!file || !sfile || !clang_File_isEqual(file, sfile))
		return 0;
	clang_tokenize(f->t->tu, r, &toks, &n);
	for (i = 0; i < n && ns < 2; i++) {
		CXString sp;
		const char *t;

		if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
			continue;
		sp = clang_getTokenSpelling(f->t->tu, toks[i]);
		t = clang_getCString(sp);
		if (!strcmp(t, "("))
			depth++;
		else if (!strcmp(t, ")"))
			depth--;
		else if (!strcmp(t, ";") && depth == 1) {
			clang_getExpansionLocation(clang_getTokenLocation(
				f->t->tu, toks[i]), NULL, NULL, NULL, &off);
			semi[ns++] = off;
		}
		clang_disposeString(sp);
		if (depth <= 0 && i > 1)
			break;
	}
	clang_disposeTokens(f->t->tu, toks, n);
	return ns == 2;
}

/* The offset where expression c starts. */
static unsigned start_offset(CXCursor c)
{
	unsigned off = 0;

	clang_getExpansionLocation(clang_getRangeStart(
		clang_getCursorExtent(c)), NULL, NULL, NULL, &off);
	return off;
}

void eng_exec_for(struct eng_fn *f, struct state *s, CXCursor c)
{
	struct cx_kids k;
	CXCursor init = clang_getNullCursor(), cond = init, inc = init;
	CXCursor body;
	unsigned n, semi[2];

	cx_children(c, &k);
	if (!k.n)
		return;
	body = k.k[k.n - 1];
	n = k.n - 1;
	if (n >= 1 && n < 3 && for_semis(f, c, semi)) {
		/* which header slots the children fill, by where they
		 * start: for (i = n; i--; ) has an init and a condition */
		unsigned i;

		for (i = 0; i < n; i++) {
			unsigned off = start_offset(k.k[i]);

			if (off < semi[0])
				init = k.k[i];
			else if (off < semi[1])
				cond = k.k[i];
			else
				inc = k.k[i];
		}
	} else if (n == 3) {
		init = k.k[0];
		cond = k.k[1];
		inc = k.k[2];
	} else if (n == 2) {
		if (!is_update(k.k[0])) {
			cond = k.k[0];
			inc = k.k[1];
		} else if (is_update(k.k[1])) {
			init = k.k[0];
			inc = k.k[1];
		} else {
			init = k.k[0];
			cond = k.k[1];
		}
	} else if (n == 1) {
		if (clang_getCursorKind(k.k[0]) == CXCursor_DeclStmt)
			init = k.k[0];
		else if (is_update(k.k[0]))
			inc = k.k[0];
		else
			cond = k.k[0];
	}
	if (!clang_Cursor_isNull(init))
		eng_exec(f, s, init);
	{
		CXCursor of = f->cur_for, oi = f->cur_init;

		f->cur_for = c;
		f->cur_init = init;
		eng_run_loop(f, s, cond, inc, body, 0);
		f->cur_for = of;
		f->cur_init = oi;
	}
}
