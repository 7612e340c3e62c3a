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
 * The apidb holds one entry per name, so a function gets one record:
 * alloc, else query, else free of its first freed parameter. Not
 * produced (docs/factdb.md): sink records, static functions (their TU
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
		else if (!v->np)
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
	out->records[0] = rec[0];
}
