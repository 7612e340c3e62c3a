/* inline.c - analysis of a call to a function defined in the main file
 * in the caller's context: binds the arguments, runs the body, and maps
 * the callee's stores through pointer arguments back to the caller. */
#include "check/interp/interp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies caller entries under prefix from into to + suffix. */
static void copy_under(struct eng_fn *f, struct state *dst,
		       const struct state *src, const char *from,
		       const char *to, int deref_map)
{
	size_t len = strlen(from);
	unsigned i;
	char buf[600];

	for (i = 0; i < src->n; i++) {
		const char *k = src->e[i].key, *nk;
		const char *rest;

		size_t sl;
		enum path_step step;

		if (strncmp(k, from, len))
			continue;
		rest = k + len;
		step = path_step_at(rest, &sl);
		if (deref_map) {
			/* callee "P->*" is caller "X"; "P->f" is "X.f" */
			if (step == PATH_STEP_DEREF)
				path_append(buf, sizeof(buf), to,
					    PATH_STEP_NONE, rest + sl);
			else if (step == PATH_STEP_ARROW)
				path_append(buf, sizeof(buf), to,
					    PATH_STEP_DOT, rest + sl);
			else
				continue;
		} else {
			if (step == PATH_STEP_NONE)
				continue;
			path_append(buf, sizeof(buf), to, PATH_STEP_NONE,
				    rest);
		}
		nk = ir_intern(&f->t->keys, buf);
		if (nk)
			st_set(dst, nk, &src->e[i].v);
	}
}

/* Caller "X.f..." is callee "P->f..." when P = &X. */
static void copy_in_addr(struct eng_fn *f, struct state *dst,
			 const struct state *src, const char *x,
			 const char *p)
{
	size_t len = strlen(x);
	unsigned i;
	char buf[600];

	for (i = 0; i < src->n; i++) {
		const char *k = src->e[i].key, *nk;

		size_t sl;

		if (strncmp(k, x, len) ||
		    path_step_at(k + len, &sl) != PATH_STEP_DOT)
			continue;
		path_append(buf, sizeof(buf), p, PATH_STEP_ARROW,
			    k + len + sl);
		nk = ir_intern(&f->t->keys, buf);
		if (nk)
			st_set(dst, nk, &src->e[i].v);
	}
}

int eng_on_stack(struct eng_fn *f, CXCursor def)
{
	for (; f; f = f->caller)
		if (clang_equalCursors(f->fn, def))
			return 1;
	return 0;
}

struct freed_scan {
	int obj[16];
	unsigned line[16];
	int fev[16];
	int held[16];   /* still held unfreed somewhere in the state */
	int n;
};

static void scan_freed(struct val *v, void *data)
{
	struct freed_scan *fs = data;
	unsigned i;
	int j;

	for (i = 0; i < v->np; i++) {
		if (v->p[i].kind != PK_FREED)
			continue;
		for (j = 0; j < fs->n; j++)
			if (fs->obj[j] == v->p[i].obj)
				break;
		if (j == fs->n && fs->n < 16) {
			fs->obj[fs->n] = v->p[i].obj;
			fs->fev[fs->n] = v->p[i].fev;
			fs->line[fs->n++] = v->p[i].line;
		}
	}
}

static void scan_held_freed(struct val *v, void *data)
{
	struct freed_scan *fs = data;
	unsigned i;
	int j;

	if (v->ptop)
		return;
	for (i = 0; i < v->np; i++)
		for (j = 0; j < fs->n; j++)
			if (v->p[i].kind == PK_OBJ && fs->obj[j] == v->p[i].obj)
				fs->held[j] = 1;
}

/* Frees made inside callee g (events first_ev + 1 .. last_ev, made
 * while its body ran), seen from its caller: at the call's line, by g,
 * with the callee's chain inside. */
struct relabel {
	struct eng_fn *g;
	int first_ev, last_ev;
	int from[16], to[16];
	int n;
};

/* The caller's event for callee event fev (made once per event). */
static int via_call(struct relabel *rl, int fev)
{
	int i;

	for (i = 0; i < rl->n; i++)
		if (rl->from[i] == fev)
			return rl->to[i];
	i = eng_free_event(rl->g->t, cx_line(rl->g->call), rl->g->name, fev);
	if (rl->n < 16) {
		rl->from[rl->n] = fev;
		rl->to[rl->n++] = i;
	}
	return i;
}

static void relabel_one(struct val *v, void *data)
{
	struct relabel *rl = data;
	unsigned i;

	for (i = 0; i < v->np; i++)
		if (v->p[i].kind == PK_FREED && v->p[i].fev > rl->first_ev &&
		    v->p[i].fev <= rl->last_ev) {
			v->p[i].fev = via_call(rl, v->p[i].fev);
			v->p[i].line = cx_line(rl->g->call);
		}
}

/* Applies the callee g's exit state cs to the caller state s: frees of
 * objects (as freed at the call's line, by g), stores through pointer
 * arguments. */
static void apply_back(struct eng_fn *f, struct relabel *rl,
		       struct state *s, const struct state *cs,
		       const char *const *pkeys, const CXCursor *ac, int n,
		       int np)
{
	struct eng_tu *t = f->t;
	struct freed_scan fs;
	int i;

	if (cs->dead)
		return;
	/* the callee may have written any string it reached */
	eng_strlen_forget(f, s, NULL);
	/* what it stored into objects, and what it left of the caller's */
	eng_mem_copy(f, s, cs);
	memset(&fs, 0, sizeof(fs));
	st_map((struct state *)cs, scan_freed, &fs);
	st_map((struct state *)cs, scan_held_freed, &fs);
	/* an object no value of the callee's exit state holds unfreed
	 * was freed on every path through the callee */
	for (i = 0; i < fs.n; i++)
		if (ir_obj(&t->objs, fs.obj[i])->origin != PO_UNKNOWN &&
		    !ir_obj(&t->objs, fs.obj[i])->multi)
			eng_apply_free(s, fs.obj[i], fs.line[i], fs.fev[i],
				       !fs.held[i]);
		else if (ir_obj(&t->objs, fs.obj[i])->origin != PO_UNKNOWN)
			eng_apply_free(s, fs.obj[i], fs.line[i], fs.fev[i],
				       0);
	for (i = 0; i < np && i < n && i < MAX_ARGS; i++) {
		const struct val *pv = pkeys[i] ? st_find(cs, pkeys[i]) : NULL;
		const char *ck = eng_key(f, ac[i]);
		unsigned q;

		if (!pv || !ck)
			continue;
		for (q = 0; q < pv->np; q++)
			if (pv->p[q].kind == PK_FREED &&
			    ir_obj(&t->objs, pv->p[q].obj)->origin ==
			    PO_UNKNOWN) {
				struct val cur = eng_eval(f, s, ac[i]);

				if (!st_find(s, ck))
					st_set(s, ck, &cur);
				eng_free_unknown_in_key(f, s, ck,
						pv->p[q].line, pv->p[q].fev);
				break;
			}
	}
	for (i = 0; i < np && i < n && i < MAX_ARGS; i++) {
		CXCursor arg = cx_strip(ac[i]);
		const char *ck;

		if (!pkeys[i])
			continue;
		if (clang_getCursorKind(arg) == CXCursor_UnaryOperator &&
		    cx_unop(arg) == CXUnaryOperator_AddrOf) {
			struct cx_kids k;

			cx_children(arg, &k);
			ck = k.n == 1 ? eng_key(f, k.k[0]) : NULL;
			if (ck) {
				struct val *pv;
				char buf[256];

				path_append(buf, sizeof(buf), pkeys[i],
					    PATH_STEP_DEREF, "");
				pv = st_find(cs, ir_intern(&t->keys, buf));
				if (pv)
					st_set(s, ck, pv);
				copy_under(f, s, cs, pkeys[i], ck, 1);
			}
		} else if ((ck = eng_key(f, arg))) {
			copy_under(f, s, cs, pkeys[i], ck, 0);
		}
	}
	st_map(s, relabel_one, rl);
}

struct val eng_do_inline(struct eng_fn *f, struct state *s, CXCursor c,
			    CXCursor def, const char *name,
			    const struct val *a, const CXCursor *ac, int n,
			    struct state *zero, struct state *nz)
{
	struct eng_tu *t = f->t;
	struct eng_fn g;
	struct state cs;
	int i, np = clang_Cursor_getNumArguments(def);
	struct val r;
	const char *pkeys[MAX_ARGS];
	struct relabel rl;

	memset(&g, 0, sizeof(g));
	memset(&rl, 0, sizeof(rl));
	rl.g = &g;
	rl.first_ev = (int)t->frees.n;
	g.t = t;
	g.caller = f;
	g.call = c;
	g.fn = def;
	g.cur_for = g.cur_init = clang_getNullCursor();
	/* name may live in the caller's stack buffer (eval_call's nbuf);
	 * access and ksize sites keep g.name until eng_emit */
	g.name = kc_arena_strdup(&t->arena, name);
	g.depth = f->depth + 1;
	g.ctx = eng_mix(f->ctx, cx_site(c));
	st_init(&g.memo);
	st_init_dead(&g.ret);
	st_init_dead(&g.ret_zero);
	st_init_dead(&g.ret_nz);
	g.split = zero != NULL;
	st_init(&cs);
	for (i = 0; i < np && i < n && i < MAX_ARGS; i++) {
		CXCursor p = clang_Cursor_getArgument(def, i);
		char buf[256];
		const char *ck;
		CXCursor arg = cx_strip(ac[i]);
		struct path_buf pb;

		eng_var_path(p, &pb);
		pkeys[i] = ir_intern(&t->keys, path_text(&pb));
		if (!pkeys[i])
			continue;
		st_set(&cs, pkeys[i], &a[i]);
		if (clang_getCursorKind(arg) == CXCursor_UnaryOperator &&
		    cx_unop(arg) == CXUnaryOperator_AddrOf) {
			struct cx_kids k;

			cx_children(arg, &k);
			ck = k.n == 1 ? eng_key(f, k.k[0]) : NULL;
			if (ck) {
				/* give the callee the caller's current value,
				 * so its stores replace it; not for a[i]: its
				 * index may have side effects (&f[n++]), the
				 * key is every element's, and reading the
				 * element is no access of the caller's */
				if (!st_find(s, ck) &&
				    !path_has_step(ck, PATH_STEP_ELEM)) {
					struct val cur = eng_eval(f, s, k.k[0]);

					st_set(s, ck, &cur);
				}
				copy_in_addr(f, &cs, s, ck, pkeys[i]);
				path_append(buf, sizeof(buf), pkeys[i],
					    PATH_STEP_DEREF, "");
				{
					struct val *cv = st_find(s, ck);

					if (cv)
						st_set(&cs, ir_intern(&t->keys,
								      buf),
						       cv);
				}
			}
		} else if ((ck = eng_key(f, arg))) {
			copy_under(f, &cs, s, ck, pkeys[i], 0);
		}
	}
	/* the caller's stores into its objects, read through the
	 * callee's own pointers */
	eng_mem_copy(f, &cs, s);
	eng_stat(t, "calls-inlined", 1);
	eng_mark_visited(t, def);
	eng_run_body(&g, &cs);
	rl.last_ev = (int)t->frees.n;
	if (cs.dead) {
		/* the callee never returns (or we lost it): keep going */
		r = g.have_ret ? g.retval : eng_call_result(f, c, name);
		if (zero) {
			st_init_dead(zero);
			st_init_dead(nz);
		}
		goto out;
	}
	if (zero) {
		if (!st_copy(zero, s))
			apply_back(f, &rl, zero, &g.ret_zero, pkeys, ac, n, np);
		if (!st_copy(nz, s))
			apply_back(f, &rl, nz, &g.ret_nz, pkeys, ac, n, np);
		if (g.ret_zero.dead)
			zero->dead = 1;
		if (g.ret_nz.dead)
			nz->dead = 1;
	}
	apply_back(f, &rl, s, &cs, pkeys, ac, n, np);
	r = g.have_ret ? g.retval : val_int(iv_top());
out:
	st_release(&cs);
	st_release(&g.memo);
	st_release(&g.ret);
	st_release(&g.ret_zero);
	st_release(&g.ret_nz);
	return r;
}
