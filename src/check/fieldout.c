/* fieldout.c - field facts as others see them: the notes that name a
 * fact's stores, and the facts across TUs (check/tufacts.h,
 * docs/factdb.md). Export: one struct factdb_store per store into a struct field that
 * pass 0 sees, with what it stores in the database's words (a family,
 * "ksize:TARGET[+-K][/DEN]" for a capacity, "unknown") and the requested
 * size as a rules-format formula over the storing function's parameters.
 * Import: a field's facts hold only when the tree's stores, which include
 * this TU's own, are of one kind (nkinds == 1); a field the TU does not
 * store takes its fact from the database. Layer 0 (bookkeeping), beside
 * facts.c. */
#include "check/engine.h"
#include "check/summary.h"
#include "check/tufacts.h"
#include "ir/path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum CXChildVisitResult find_field(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct { const char *name; CXCursor out; } *q = data;
	CXString s;
	int hit;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	s = clang_getCursorSpelling(c);
	hit = !strcmp(clang_getCString(s), q->name);
	clang_disposeString(s);
	if (!hit)
		return CXChildVisit_Continue;
	q->out = c;
	return CXChildVisit_Break;
}

CXCursor eng_field_sibling(CXCursor fld, const char *name)
{
	struct { const char *name; CXCursor out; } q;

	q.name = name;
	q.out = clang_getNullCursor();
	clang_visitChildren(clang_getCursorSemanticParent(fld), find_field,
			    &q);
	return q.out;
}

const char *eng_fact_describe(struct eng_tu *t, unsigned fh, int cap)
{
	const struct field_fact *ff = eng_fact_find(t, fh);
	char buf[512];
	size_t n;
	int i, shown;

	if (ff && !ff->nst && ff->db_note)
		return ff->db_note;
	if (!ff || !ff->nst)
		return NULL;
	n = (size_t)snprintf(buf, sizeof(buf), "field %s%s%s", ff->name,
			     ff->owner ? " of " : "",
			     ff->owner ? ff->owner : "");
	if (cap)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n,
				      " holds %s, stored", ff->st[0].what ?
				      ff->st[0].what : "ksize()");
	else
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, ":");
	shown = ff->nst < 2 ? ff->nst : 2;
	for (i = 0; i < shown && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s%s%s:%u",
				      i ? ", " : " ",
				      cap ? "" : ff->st[i].what ?
				      ff->st[i].what : "?",
				      cap ? (i ? "" : "at ") : " at ",
				      ff->st[i].loc.file ? ff->st[i].loc.file :
				      "?", ff->st[i].loc.line);
	if (n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, ", %d of %d stores",
			 shown, ff->nst);
	return kc_arena_strdup(&t->arena, buf);
}

/* Adds one row; 0 or -KC_ENOMEM. */
static int add_row(struct kc_tu_facts *out, const struct field_store *st,
		   const char *usr, const char *display, const char *what,
		   const char *size, const char *fn)
{
	struct factdb_store row;
	size_t i;

	/* a helper's store is seen on its own and inlined in callers */
	for (i = 0; i < out->stores.n; i++) {
		const struct factdb_store *r = &out->stores.v[i];

		if (r->line == st->loc.line && !strcmp(r->field, usr) &&
		    !strcmp(r->what, what) && !strcmp(r->size, size) &&
		    !strcmp(r->function, fn))
			return 0;
	}
	row.field = usr;
	row.display = display;
	row.what = kc_arena_strdup(&out->arena, what);
	row.size = kc_arena_strdup(&out->arena, size);
	row.function = fn;
	row.line = st->loc.line;
	if (!row.what || !row.size)
		return -KC_ENOMEM;
	return KC_VEC_PUSH(&out->stores, row) ? -KC_ENOMEM : 0;
}

/* The rows of pointer store st: one per object it may hold (NULL and the
 * field's own value stored back are not stores). */
static int export_ptr(struct eng_fn *f, struct kc_tu_facts *out,
		      const struct field_store *st, const char *usr,
		      const char *disp, const char *fn)
{
	struct eng_tu *t = f->t;
	char buf[128];
	unsigned i;
	int ret = 0;

	if (st->v.ptop || (!st->v.np && !iv_is_const(&st->v.iv, NULL)))
		return add_row(out, st, usr, disp, "unknown", "-", fn);
	for (i = 0; i < st->v.np && !ret; i++) {
		const struct pel *e = &st->v.p[i];
		const struct prov_obj *o;
		long long c;

		if (e->kind == PK_NULL || e->kind == PK_ERR)
			continue;
		o = e->kind == PK_OBJ ? ir_obj(&t->objs, e->obj) : NULL;
		if (o && o->origin == PO_UNKNOWN && o->field == st->fhash &&
		    iv_is_const(&e->off, &c) && !c)
			continue;
		if (!o || o->origin != PO_ALLOC || !iv_is_const(&e->off, &c) ||
		    c || !apidb_family_name(o->family))
			ret = add_row(out, st, usr, disp, "unknown", "-", fn);
		else
			ret = add_row(out, st, usr, disp,
				      apidb_family_name(o->family),
				      o->rounded ||
				      eng_size_formula(f, &o->size, buf,
						       sizeof(buf)) ? "?" : buf,
				      fn);
	}
	return ret;
}

/* The row of integer store st: a capacity form or unknown. */
static int export_int(struct eng_fn *f, struct kc_tu_facts *out,
		      const struct field_store *st, const char *usr,
		      const char *disp, const char *fn)
{
	struct eng_tu *t = f->t;
	const struct ival *iv = &st->v.iv;
	const struct prov_sym *sym = NULL;
	const char *target = NULL, *sib_name;
	char buf[160];
	unsigned sib;
	int self;
	size_t n;
	long long c;

	if (!st->v.ptop && !st->v.np && iv_is_const(iv, &c) && !c)
		return 0;
	if (!st->v.ptop && !st->v.np && iv->nt == 1 && iv->coef[0] == 1 &&
	    iv->slo == iv->shi)
		sym = ir_sym(&t->objs, iv->sym[0]);
	if (sym && sym->kind == SYM_KSIZE &&
	    eng_cap_target(f, st, sym->obj, &sib, &sib_name, &self))
		target = self ? "self" : sib_name;
	if (!target)
		return add_row(out, st, usr, disp, "unknown", "-", fn);
	n = (size_t)snprintf(buf, sizeof(buf), "ksize:%s", target);
	if (iv->slo && n < sizeof(buf))
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%+lld",
				      iv->slo);
	if (iv->den > 1 && n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, "/%d", iv->den);
	return add_row(out, st, usr, disp, buf, "-", fn);
}

/* The database's key of field fld: the USR ("c:@S@adapter@FI@dvobj")
 * prefixed with the file that defines the struct, as a real path with
 * the working directory (the tree's top in kernel mode) left out. A USR
 * alone names a struct by its tag, and a kernel tree has many structs of
 * one tag in different drivers (struct adapter of r8188eu and of
 * rtl8723bs): their fields must not share stores. */
static const char *tu_cwd(struct eng_tu *t)
{
	char cwd[4096];

	if (!t->cwd)
		t->cwd = getcwd(cwd, sizeof(cwd)) ?
			 kc_arena_strdup(&t->arena, cwd) : "";
	return t->cwd ? t->cwd : "";
}

static char *field_key(struct eng_tu *t, struct kc_arena *a, CXCursor fld)
{
	CXCursor rec = clang_getCursorSemanticParent(fld);
	CXSourceLocation loc = clang_getCursorLocation(rec);
	CXString u = clang_getCursorUSR(fld), rp = { NULL, 0 };
	CXFile file = NULL;
	const char *cwd = tu_cwd(t), *path = "", *p;
	size_t n;
	char *key;

	clang_getSpellingLocation(loc, &file, NULL, NULL, NULL);
	if (file) {
		rp = clang_File_tryGetRealPathName(file);
		path = clang_getCString(rp) ? clang_getCString(rp) : "";
		if (!path[0]) { /* an unsaved (in-memory) file */
			clang_disposeString(rp);
			rp = clang_getFileName(file);
			path = clang_getCString(rp) ? clang_getCString(rp) : "";
		}
	}
	p = path;
	if ((n = strlen(cwd)) &&
	    !strncmp(p, cwd, n) && p[n] == '/')
		p += n + 1;
	key = kc_arena_printf(a, "%s:%s", p, clang_getCString(u));
	if (file)
		clang_disposeString(rp);
	clang_disposeString(u);
	return key;
}

int eng_facts_export(struct eng_tu *t, struct eng_fn *f)
{
	struct kc_tu_facts *out = t->env->facts_out;
	size_t i;
	int ret = 0;

	for (i = 0; i < f->nstores && !ret; i++) {
		const struct field_store *st = &f->stores[i];
		CXString ty;
		const char *usr, *disp, *fn;

		if (clang_getCursorKind(st->fld) != CXCursor_FieldDecl)
			continue;
		ty = clang_getTypeSpelling(clang_getCursorType(
			clang_getCursorSemanticParent(st->fld)));
		usr = field_key(t, &out->arena, st->fld);
		disp = kc_arena_printf(&out->arena, "%s.%s",
				       clang_getCString(ty), st->name);
		fn = kc_arena_strdup(&out->arena, f->name);
		clang_disposeString(ty);
		if (!usr || !disp || !fn)
			return -KC_ENOMEM;
		ret = st->ptr ? export_ptr(f, out, st, usr, disp, fn) :
				export_int(f, out, st, usr, disp, fn);
	}
	return ret;
}

/* Parses "ksize:TARGET[+-K][/DEN]" into ff's capacity; 0 or -1. */
static int parse_cap(struct eng_tu *t, struct field_fact *ff,
		     const char *what, CXCursor fld)
{
	char name[64];
	const char *p = what + 6;
	long long k = 0, den = 1;
	size_t n = 0;
	char *end;

	while (*p && *p != '+' && *p != '-' && *p != '/' && n + 1 < sizeof(name))
		name[n++] = *p++;
	name[n] = 0;
	if (!n)
		return -1;
	if (*p == '+' || *p == '-') {
		k = strtoll(p, &end, 10);
		p = end;
	}
	if (*p == '/') {
		den = strtoll(p + 1, &end, 10);
		p = end;
	}
	if (*p || den < 1 || den > (1 << 20))
		return -1;
	memset(&ff->cap_form, 0, sizeof(ff->cap_form));
	ff->cap_form.nt = 1;
	ff->cap_form.coef[0] = 1;
	ff->cap_form.den = (int)den;
	ff->cap_form.slo = ff->cap_form.shi = k;
	ff->cap_form.rounded = den == 1 && !k;
	ff->cap_self = !strcmp(name, "self");
	if (!ff->cap_self) {
		CXCursor sib = eng_field_sibling(fld, name);

		if (clang_Cursor_isNull(sib))
			return -1;
		ff->cap_sib = clang_hashCursor(sib);
		ff->cap_sib_name = kc_arena_strdup(&t->arena, name);
	}
	ff->cap_ok = 1;
	return 0;
}

void eng_fact_import(struct eng_tu *t, struct field_fact *ff)
{
	const struct kc_field_lookup *in = t->env->fields_in;
	struct factdb_field df;
	const char *key;
	long long c;
	char *end;
	int r, fam;

	if (!in || ff->db_asked || t->pass != 1 ||
	    clang_getCursorKind(ff->fld) != CXCursor_FieldDecl)
		return;
	ff->db_asked = 1;
	memset(&df, 0, sizeof(df));
	key = field_key(t, &t->arena, ff->fld);
	r = key ? in->field(in->data, key, &df) : -1;
	if (r < 0 || (r == 1 && df.nkinds != 1)) {
		/* stores elsewhere disagree (or the database failed) */
		ff->db_bad = 1;
		return;
	}
	if (r == 1)
		ff->db_agreed = 1;
	if (r == 0 || ff->nst)
		return; /* the TU's own stores are the union's */
	ff->db_note = kc_arena_printf(&t->arena,
		"field %s: %s%s%s%s at %s:%u, %u of %u stores in the tree "
		"agree (ksizecheck database)", df.display, df.what,
		strcmp(df.size, "-") ? "(" : "",
		strcmp(df.size, "-") ? df.size : "",
		strcmp(df.size, "-") ? ")" : "", df.path, df.line,
		df.nstores, df.nstores);
	if (!strncmp(df.what, "ksize:", 6)) {
		if (parse_cap(t, ff, df.what, ff->fld))
			ff->db_bad = 1;
		return;
	}
	for (fam = 0; fam < APIDB_FAM_COUNT; fam++)
		if (apidb_family_name(fam) &&
		    !strcmp(apidb_family_name(fam), df.what))
			break;
	if (fam != APIDB_FAM_KMALLOC) {
		ff->db_bad = fam == APIDB_FAM_COUNT;
		return;
	}
	ff->alloc_unrounded = 1;
	ff->alloc_name = "kmalloc";
	/* a size over the storing function's parameters (export_ptr
	 * writes one only for a request not rounded to a bucket): an
	 * unrounded object whose size this TU does not know */
	if (df.size[0] == '$')
		return;
	c = strtoll(df.size, &end, 10);
	if (*end || c <= 0 || end == df.size) {
		ff->alloc_unrounded = 0;
		ff->db_bad = 1; /* a kmalloc object of unknown rounding */
		return;
	}
	ff->req_n = 1;
	ff->req_lo = ff->req_hi = c;
}
