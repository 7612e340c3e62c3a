/* claims.c - what a function promises at its return.
 *
 * A function whose name has an allocator record (rules/allocators.tbl
 * or a --rules file: `alloc NAME FAMILY SIZE [realloc=$N]`) promises its
 * callers SIZE usable bytes at the pointer it returns. When its own body
 * is analysed (not inlined: a call of a table name takes the table's
 * effect, calls.c), each `return` makes that claim in the state there:
 * SIZE is the record's formula over the function's parameters as they
 * are at that return. The rule families judge the claim against the
 * objects returned (access_bounds.c: a realloc helper that hands back
 * the old object when the new size fits its ksize()).
 */
#include "check/interp/interp.h"

#include <string.h>

#define MAX_PARAMS 8

/* The parameter SIZE names when it is one parameter ($N), else NULL. */
static const char *size_param(struct eng_fn *f, const struct apidb_fn *api,
			      const CXCursor *pc, int n)
{
	if (!api->size || api->size->op != APIDB_OP_ARG ||
	    api->size->arg >= n)
		return NULL;
	return cx_spelling(&f->t->arena, pc[api->size->arg]);
}

void eng_return_claim(struct eng_fn *f, struct state *s, CXCursor ret,
		      const struct val *v)
{
	struct eng_tu *t = f->t;
	const struct apidb_fn *api;
	struct val a[MAX_PARAMS];
	CXCursor pc[MAX_PARAMS];
	struct cx_kids k;
	const char *rtext = NULL;
	int n, i;

	if (t->pass != 1 || t->quiet || !f->name || !v->np)
		return;
	api = apidb_lookup(t->env->api, f->name);
	if (!api || api->kind != APIDB_ALLOC || !api->size)
		return;
	n = clang_Cursor_getNumArguments(f->fn);
	if (n < 0)
		return;
	if (n > MAX_PARAMS)
		n = MAX_PARAMS;
	for (i = 0; i < n; i++) {
		struct path_buf b;
		const char *key;

		pc[i] = clang_Cursor_getArgument(f->fn, i);
		eng_var_path(pc[i], &b);
		key = path_text(&b) ? ir_intern(&t->keys, path_text(&b)) :
				      NULL;
		a[i] = key ? eng_read_key(f, s, key, clang_getCursorType(pc[i]))
			   : val_top();
	}
	cx_children(ret, &k);
	if (k.n && clang_getCursorKind(cx_strip(k.k[0])) ==
	    CXCursor_DeclRefExpr)
		rtext = cx_spelling(&t->arena, cx_ref(cx_strip(k.k[0])));
	eng_return(f, s, ret, v, rtext, api,
		   eng_formula(f, s, api->size, a, pc, n),
		   size_param(f, api, pc, n));
}
