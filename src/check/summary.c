/* summary.c - what a function does, as rules-format records for the
 * whole-tree fact database (docs/factdb.md, "Function summaries"): read
 * off one analysis of the function on its own, with its parameters
 * unknown, once its body has run.
 *
 * A record is a claim the next round trusts for every caller in the tree,
 * so each is produced only when the abstract values prove it on every
 * path that returns:
 *
 *   alloc NAME FAMILY SIZE [errptr]  every returned pointer is NULL, an
 *        ERR_PTR (errptr) or offset 0 of an object that an allocator
 *        call of this activation created (not read back from a field, not
 *        a reallocation, not rounded to a bucket), all of one family and
 *        one requested size, exact over the parameters' initial values
 *        ($N) and constants (kmalloc families; other families may have
 *        size '?');
 *   free NAME $N    at every return, parameter N's initial object is
 *        freed by the function's own body (or the parameter was NULL);
 *   query NAME ksize $N  the return value is exactly ksize() of the
 *        start of parameter N's initial object.
 *
 *   sink NAME DST SRC LEN [upto]  a void function whose body is one
 *        statement spelled as a call of an apidb sink (a function or a
 *        FORTIFY macro), with only effect-free declarations before it
 *        and at most a bare return after it, accesses through
 *        parameters' initial objects from their start, LEN exact over
 *        the parameters (sink_record below).
 *
 * The apidb holds one entry per name, so a function gets one record:
 * alloc, else query, else free of its first freed parameter, else
 * sink. Not produced (docs/factdb.md): static functions (their TU
 * analyses them in their callers' contexts), functions whose analysis
 * ran over a budget or the time limit, functions of a TU with clang
 * errors, and names the shipped tables already describe.
 *
 * The symbols and unknown objects a parameter stands for are those the
 * activation's memo holds under the parameter's own key (paths.c creates
 * them on its first read, before any store), so a later assignment to
 * the parameter cannot be mistaken for its initial value.
 */
#include "check/summary.h"

#include <stdio.h>
#include <string.h>

#define SUM_MAX_PARAMS 32

/* The parameters' initial values: their symbol (integers) or unknown
 * object (pointers), 0 when never read. */
struct params {
	int n;
	int sym[SUM_MAX_PARAMS];
	int obj[SUM_MAX_PARAMS];
	const char *key[SUM_MAX_PARAMS];
};

static void read_params(struct eng_fn *f, struct params *p)
{
	int n = clang_Cursor_getNumArguments(f->fn);

	memset(p, 0, sizeof(*p));
	p->n = n < 0 ? 0 : n > SUM_MAX_PARAMS ? SUM_MAX_PARAMS : n;
	for (int i = 0; i < p->n; i++) {
		struct path_buf b = { .n = 0 };
		const char *text, *key;
		struct val *v;

		eng_var_path(clang_Cursor_getArgument(f->fn, (unsigned)i), &b);
		text = path_text(&b);
		key = text ? ir_intern(&f->t->keys, text) : NULL;
		p->key[i] = key;
		v = key ? st_find(&f->memo, key) : NULL;
		if (!v)
			continue;
		if (v->np == 1 && !v->ptop && v->p[0].kind == PK_OBJ &&
		    ir_obj(&f->t->objs, v->p[0].obj)->origin == PO_UNKNOWN)
			p->obj[i] = v->p[0].obj;
		else if (!v->np && !v->iv.slo && !v->iv.shi)
			p->sym[i] = iv_single_sym(&v->iv);
	}
}

static int param_of_sym(const struct params *p, int sym)
{
	for (int i = 0; i < p->n; i++)
		if (sym && p->sym[i] == sym)
			return i;
	return -1;
}

static int param_of_obj(const struct params *p, int obj)
{
	for (int i = 0; i < p->n; i++)
		if (obj && p->obj[i] == obj)
			return i;
	return -1;
}

/* Writes the rules-format formula of iv into buf: exact constants and
 * forms sum(coef * $N) + c with positive coefficients over parameters.
 * 0, or -1 when iv is not such a value. */
static int formula(const struct params *p, const struct ival *iv, char *buf,
		   size_t size)
{
	size_t len = 0;
	long long c;

	buf[0] = '\0';
	if (!iv->nt) {
		if (!iv_is_const(iv, &c) || c < 0)
			return -1;
		snprintf(buf, size, "%lld", c);
		return 0;
	}
	if (iv->den != 1 || iv->slo != iv->shi)
		return -1;
	for (int i = 0; i < iv->nt; i++) {
		int arg = param_of_sym(p, iv->sym[i]);

		if (arg < 0 || iv->coef[i] <= 0 || len >= size)
			return -1;
		len += (size_t)snprintf(buf + len, size - len, "%s$%d",
					i ? "+" : "", arg);
		if (iv->coef[i] != 1 && len < size)
			len += (size_t)snprintf(buf + len, size - len, "*%d",
						iv->coef[i]);
	}
	if (iv->slo && len < size)
		len += (size_t)snprintf(buf + len, size - len, "%s%lld",
					iv->slo > 0 ? "+" : "-",
					iv->slo > 0 ? iv->slo : -iv->slo);
	return len < size ? 0 : -1;
}

int eng_size_formula(struct eng_fn *f, const struct ival *iv, char *buf,
		     size_t size)
{
	struct params p;

	read_params(f, &p);
	return formula(&p, iv, buf, size);
}

/* "alloc NAME FAMILY SIZE [errptr]" from the return value, or 0. */
static const char *alloc_record(struct eng_fn *f, const struct params *p)
{
	struct eng_tu *t = f->t;
	const struct val *v = &f->retval;
	const struct prov_obj *first = NULL;
	char size[128], rec[512];
	int errptr = 0;

	if (!f->have_ret || v->ptop || !v->np)
		return NULL;
	for (unsigned i = 0; i < v->np; i++) {
		const struct pel *e = &v->p[i];
		const struct prov_obj *o;
		const struct apidb_fn *api;

		if (e->kind == PK_NULL)
			continue;
		if (e->kind == PK_ERR) {
			errptr = 1;
			continue;
		}
		if (e->kind != PK_OBJ || !iv_is_const(&e->off, NULL) ||
		    e->off.lo)
			return NULL;
		o = ir_obj(&t->objs, e->obj);
		if (o->origin != PO_ALLOC || o->field || !o->site ||
		    o->rounded || !o->alloc)
			return NULL;
		api = apidb_lookup(t->env->api, o->alloc);
		if (api && api->realloc_arg >= 0)
			return NULL;
		if (!first) {
			first = o;
		} else if (first->family != o->family ||
			   !iv_equal(&first->size, &o->size)) {
			return NULL;
		}
	}
	if (!first)
		return NULL;
	if (formula(p, &first->size, size, sizeof(size))) {
		if (apidb_family_is_kmalloc(first->family))
			return NULL;
		snprintf(size, sizeof(size), "?");
	}
	snprintf(rec, sizeof(rec), "alloc %s %s %s%s", f->name,
		 apidb_family_name(first->family), size,
		 errptr ? " errptr" : "");
	return kc_arena_strdup(&t->env->facts_out->arena, rec);
}

/* "query NAME ksize $N" when the return value is ksize($N), or 0. */
static const char *query_record(struct eng_fn *f, const struct params *p)
{
	struct eng_tu *t = f->t;
	const struct ival *iv = &f->retval.iv;
	const struct prov_sym *sym;
	char rec[300];
	int arg;

	if (!f->have_ret || f->retval.np || f->retval.ptop || iv->nt != 1 ||
	    iv->coef[0] != 1 || iv->den != 1 || iv->slo || iv->shi)
		return NULL;
	sym = ir_sym(&t->objs, iv->sym[0]);
	if (!sym || sym->kind != SYM_KSIZE)
		return NULL;
	arg = param_of_obj(p, sym->obj);
	if (arg < 0)
		return NULL;
	snprintf(rec, sizeof(rec), "query %s ksize $%d", f->name, arg);
	return kc_arena_strdup(&t->env->facts_out->arena, rec);
}

/* 1 if line is inside the body of f (the expansion lines of its
 * extent). */
static int in_body(const struct eng_fn *f, unsigned line)
{
	CXSourceRange r = clang_getCursorExtent(f->fn);
	unsigned lo, hi;

	clang_getExpansionLocation(clang_getRangeStart(r), NULL, &lo, NULL,
				   NULL);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, &hi, NULL,
				   NULL);
	return line >= lo && line <= hi;
}

/* "free NAME $N" when every exit holds parameter N freed, or 0. Only
 * frees made by the function's own body count: an inlined callee that
 * frees its argument on some of its paths hands the caller the argument
 * as freed (interp/inline.c, apply_back: one unknown object, one path),
 * which is a "may", not the "every path" a record claims
 * (btrfs_end_transaction() returns early, unfreed, when the handle is
 * shared). */
static const char *free_record(struct eng_fn *f, const struct params *p,
			       const struct state *exit, int arg)
{
	struct eng_tu *t = f->t;
	const struct val *v;
	char rec[300];
	int freed = 0;

	if (!p->obj[arg] || !p->key[arg] || exit->dead)
		return NULL;
	v = st_find(exit, p->key[arg]);
	if (!v || v->ptop)
		return NULL;
	for (unsigned i = 0; i < v->np; i++) {
		if (v->p[i].kind == PK_NULL)
			continue;
		if (v->p[i].kind != PK_FREED || v->p[i].obj != p->obj[arg] ||
		    !in_body(f, v->p[i].line))
			return NULL;
		freed = 1;
	}
	if (!freed)
		return NULL;
	snprintf(rec, sizeof(rec), "free %s $%d", f->name, arg);
	return kc_arena_strdup(&t->env->facts_out->arena, rec);
}

/* ---- sink records ----
 * A wrapper's accesses are read off the interpreter's access events
 * (sites.c) of the function's own activation, but only when its body has
 * a shape in which one statement runs on every path that returns:
 * nothing else can run before, after or instead of it. */

/* The file of c's spelling location. */
static CXFile spelled_file(CXCursor c)
{
	CXFile file = NULL;

	clang_getSpellingLocation(clang_getCursorLocation(c), &file, NULL,
				  NULL, NULL);
	return file;
}

struct pure_walk {
	CXFile main;    /* the definition's file */
	CXCursor root;  /* the statement's own call (plain form), or null */
	int strict;     /* effects spelled anywhere count (declarations) */
	int bad;
};

/* Visitor: sets bad on anything that may leave the function (return,
 * goto, labels) or, spelled in the definition's file, anything with an
 * effect besides the statement's own call: a call, a statement
 * expression, an assignment, ++/--, asm, break/continue. What a sink
 * macro's own body spells (FORTIFY's checks, WARN_ONCE's asm) is the
 * sink's. */
static enum CXChildVisitResult pure_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct pure_walk *w = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	int here = w->strict || clang_File_isEqual(spelled_file(c), w->main);

	(void)parent;
	switch (k) {
	case CXCursor_ReturnStmt:
	case CXCursor_GotoStmt:
	case CXCursor_IndirectGotoStmt:
	case CXCursor_LabelStmt:
		w->bad = 1;
		return CXChildVisit_Break;
	case CXCursor_BreakStmt: /* no loop or switch is spelled here */
	case CXCursor_ContinueStmt:
	case CXCursor_AsmStmt:   /* WARN_ONCE's in FORTIFY's memcpy() */
		if (here) {
			w->bad = 1;
			return CXChildVisit_Break;
		}
		break;
	case CXCursor_CallExpr:
		if (here && !clang_equalCursors(c, w->root)) {
			w->bad = 1;
			return CXChildVisit_Break;
		}
		break;
	case CXCursor_StmtExpr:
	case CXCursor_CompoundAssignOperator:
		if (here) {
			w->bad = 1;
			return CXChildVisit_Break;
		}
		break;
	case CXCursor_BinaryOperator:
		if (here && cx_binop(c) == CXBinaryOperator_Assign) {
			w->bad = 1;
			return CXChildVisit_Break;
		}
		break;
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind u = cx_unop(c);

		if (here && (u == CXUnaryOperator_PostInc ||
			     u == CXUnaryOperator_PreInc ||
			     u == CXUnaryOperator_PostDec ||
			     u == CXUnaryOperator_PreDec)) {
			w->bad = 1;
			return CXChildVisit_Break;
		}
		break;
	}
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

/* 1 if statement c (and its subtree) is free of jumps and, but for root,
 * of effects spelled in file main (strict: spelled anywhere, macros'
 * bodies included). */
static int pure(CXCursor c, CXFile main, CXCursor root, int strict)
{
	struct pure_walk w = { main, root, strict, 0 };

	if (pure_visit(c, clang_getNullCursor(), &w) == CXChildVisit_Break)
		return 0;
	clang_visitChildren(c, pure_visit, &w);
	return !w.bad;
}

/* The sink entry of the name statement c is spelled with: its first two
 * tokens are NAME '(' (a call, or a macro such as FORTIFY's memcpy()
 * that expands to the sink), else NULL. */
static const struct apidb_fn *stmt_sink(struct eng_tu *t, CXCursor c)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	const struct apidb_fn *api = NULL;
	CXToken *tok = NULL;
	unsigned ntok = 0;

	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f0 = NULL, f1 = NULL;
	unsigned o0, o1;

	/* the statement as the file spells it: a macro's expansion range */
	clang_getExpansionLocation(clang_getRangeStart(r), &f0, NULL, NULL,
				   &o0);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f1, NULL, NULL,
				   &o1);
	if (!f0 || !clang_File_isEqual(f0, f1) || o1 < o0)
		return NULL;
	r = clang_getRange(clang_getLocationForOffset(tu, f0, o0),
			   clang_getLocationForOffset(tu, f1, o1));
	clang_tokenize(tu, r, &tok, &ntok);
	if (ntok >= 3 && clang_getTokenKind(tok[0]) == CXToken_Identifier &&
	    clang_getTokenKind(tok[1]) == CXToken_Punctuation) {
		CXString name = clang_getTokenSpelling(tu, tok[0]);
		CXString paren = clang_getTokenSpelling(tu, tok[1]);

		if (!strcmp(clang_getCString(paren), "("))
			api = apidb_lookup(t->env->api,
					   clang_getCString(name));
		clang_disposeString(name);
		clang_disposeString(paren);
	}
	if (tok)
		clang_disposeTokens(tu, tok, ntok);
	return api && api->kind == APIDB_SINK ? api : NULL;
}

struct body_walk {
	struct eng_tu *t;
	CXFile main;
	CXCursor stmt;  /* the sink statement, once seen */
	int nstmt, after_return, bad;
};

static enum CXChildVisitResult body_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct body_walk *w = data;
	CXCursor root;

	(void)parent;
	if (w->after_return) { /* the return must be the last statement */
		w->bad = 1;
		return CXChildVisit_Break;
	}
	switch (clang_getCursorKind(c)) {
	case CXCursor_NullStmt:
		return CXChildVisit_Continue;
	case CXCursor_DeclStmt:
		if (!pure(c, w->main, clang_getNullCursor(), 1))
			w->bad = 1;
		break;
	case CXCursor_ReturnStmt:
		if (!clang_Cursor_isNull(cx_first_child(c)))
			w->bad = 1;
		w->after_return = 1;
		break;
	default:
		if (!clang_isExpression(clang_getCursorKind(c)) ||
		    w->nstmt++ || !stmt_sink(w->t, c)) {
			w->bad = 1;
			break;
		}
		root = c;
		while (clang_getCursorKind(root) == CXCursor_CStyleCastExpr ||
		       clang_getCursorKind(root) == CXCursor_ParenExpr ||
		       clang_getCursorKind(root) == CXCursor_UnexposedExpr)
			root = cx_strip(cx_first_child(root));
		if (!pure(c, w->main, root, 0))
			w->bad = 1;
		w->stmt = c;
		break;
	}
	return w->bad ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The one statement of a sink wrapper's body (eng_sink_shape), or a null
 * cursor. */
static CXCursor sink_stmt(struct eng_tu *t, CXCursor def)
{
	struct body_walk w;
	CXCursor body = clang_getNullCursor();
	struct cx_kids kids;

	memset(&w, 0, sizeof(w));
	if (clang_Cursor_getStorageClass(def) == CX_SC_Static ||
	    clang_Cursor_isVariadic(def) ||
	    clang_getResultType(clang_getCursorType(def)).kind != CXType_Void)
		return clang_getNullCursor();
	cx_children(def, &kids);
	for (unsigned i = 0; i < kids.n; i++)
		if (clang_getCursorKind(kids.k[i]) == CXCursor_CompoundStmt)
			body = kids.k[i];
	if (clang_Cursor_isNull(body))
		return clang_getNullCursor();
	w.t = t;
	w.main = spelled_file(def);
	w.stmt = clang_getNullCursor();
	clang_visitChildren(body, body_visit, &w);
	return w.bad || w.nstmt != 1 ? clang_getNullCursor() : w.stmt;
}

int eng_sink_shape(struct eng_tu *t, CXCursor def)
{
	return !clang_Cursor_isNull(sink_stmt(t, def));
}

/* 1 if cursor at lies in stmt's extent (expansion offsets). */
static int inside(CXCursor at, CXCursor stmt)
{
	CXSourceRange r = clang_getCursorExtent(stmt);
	unsigned lo, hi, o;

	clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL,
				   &lo);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL,
				   &hi);
	clang_getExpansionLocation(clang_getCursorLocation(at), NULL, NULL,
				   NULL, &o);
	return o >= lo && o <= hi;
}

/* The parameter whose initial object ptr points to the start of, or -1. */
static int param_start(const struct params *p, const struct val *ptr,
		       const struct ival *extra)
{
	long long off, x;

	if (ptr->np != 1 || ptr->ptop || ptr->p[0].kind != PK_OBJ ||
	    !iv_is_const(&ptr->p[0].off, &off) || off ||
	    !iv_is_const(extra, &x) || x)
		return -1;
	return param_of_obj(p, ptr->p[0].obj);
}

/* "sink NAME DST SRC LEN [upto]" of a sink wrapper, or 0: the accesses
 * of its one statement through parameters' initial objects from their
 * start, of one length that is a formula over the parameters (the claim
 * of a bounded write, then upto). A write elsewhere, two destinations or
 * sources, or two lengths withhold it; a read that is not such an access
 * (a string source read to its NUL) is left out. */
static const char *sink_record(struct eng_fn *f, const struct params *p,
			       const struct state *exit)
{
	CXCursor stmt;
	int dst = -1, src = -1, upto = -1, rd_upto = 0;
	char len[128], rlen[128], buf[128], rec[400];

	if (f->sink_evs_on != 1 || !f->sink_evs.n ||
	    (exit->dead && f->ret.dead))
		return NULL;
	stmt = sink_stmt(f->t, f->fn);
	if (clang_Cursor_isNull(stmt))
		return NULL;
	len[0] = rlen[0] = '\0';
	for (size_t i = 0; i < f->sink_evs.n; i++) {
		const struct sink_ev *e = &f->sink_evs.v[i];
		int arg = param_start(p, &e->ptr, &e->extra);
		int b = e->bounded;

		if (!inside(e->at, stmt))
			return NULL;
		if (arg < 0 ||
		    formula(p, b ? &e->claim : &e->len, buf, sizeof(buf))) {
			if (e->write)
				return NULL;
			continue;
		}
		if (e->write) {
			if ((dst >= 0 && (dst != arg || upto != b ||
					  strcmp(len, buf))))
				return NULL;
			dst = arg;
			upto = b;
			snprintf(len, sizeof(len), "%s", buf);
		} else {
			if (src >= 0 && (src != arg || strcmp(rlen, buf)))
				return NULL;
			src = arg;
			rd_upto = b;
			snprintf(rlen, sizeof(rlen), "%s", buf);
		}
	}
	/* one length for both: a source read of another length is left out */
	if (src >= 0 && (rd_upto || (dst >= 0 && strcmp(len, rlen))))
		src = -1;
	if (dst < 0 && src < 0)
		return NULL;
	if (dst < 0)
		snprintf(len, sizeof(len), "%s", rlen);
	snprintf(buf, sizeof(buf), "$%d", dst);
	snprintf(rlen, sizeof(rlen), "$%d", src);
	snprintf(rec, sizeof(rec), "sink %s %s %s %s%s", f->name,
		 dst >= 0 ? buf : "-", src >= 0 ? rlen : "-", len,
		 upto > 0 ? " upto" : "");
	return kc_arena_strdup(&f->t->env->facts_out->arena, rec);
}

void eng_summarise(struct eng_fn *f, const struct state *exit,
		   struct kc_fn_fact *out)
{
	struct eng_tu *t = f->t;
	const struct apidb_fn *known = apidb_lookup(t->env->api, f->name);
	struct params p;
	const char *rec[1];

	memset(out->records, 0, sizeof(out->records));
	/* a partial or doubtful run proves nothing; the shipped tables'
	 * own rows are not re-derived */
	if (out->is_static || t->over_budget || t->timed_out ||
	    t->tu_errors || t->tu_steps >= t->tu_budget ||
	    (known && !(known->flags & APIDB_F_FACT)))
		return;
	read_params(f, &p);
	/* the apidb keeps one entry per name: one record per function */
	rec[0] = alloc_record(f, &p);
	if (!rec[0])
		rec[0] = query_record(f, &p);
	for (int i = 0; i < p.n && !rec[0]; i++)
		rec[0] = free_record(f, &p, exit, i);
	if (!rec[0])
		rec[0] = sink_record(f, &p, exit);
	out->records[0] = rec[0];
}
