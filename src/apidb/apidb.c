/* apidb.c - loader and lookup for the kernel API tables (apidb.h). */
#include "apidb/apidb.h"
#include "util/arena.h"
#include "util/rulesdir.h"
#include "util/tbl.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct apidb {
	struct kc_arena arena;   /* names, expressions, entries */
	struct apidb_fn **slot;  /* open addressing, power of two */
	size_t nslot, n;
	/* an overlay's database below (apidb_overlay_new), or NULL: a
	 * lookup that misses here asks it */
	const struct apidb *base;
	/* apidb_add_fact(): the entry being loaded is a database fact */
	const char *fact_file, *fact_record;
	unsigned fact_line;
};

static const char *const family_names[APIDB_FAM_COUNT] = {
	[APIDB_FAM_KMALLOC] = "kmalloc",
	[APIDB_FAM_KVMALLOC] = "kvmalloc",
	[APIDB_FAM_KCONST] = "kmalloc-const",
	[APIDB_FAM_KMEM_CACHE] = "kmem_cache",
	[APIDB_FAM_VMALLOC] = "vmalloc",
	[APIDB_FAM_DEVM] = "devm",
	[APIDB_FAM_DEVM_CONST] = "devm-const",
	[APIDB_FAM_PAGE] = "page",
	[APIDB_FAM_PERCPU] = "percpu",
	[APIDB_FAM_DMA] = "dma",
};

const char *apidb_family_name(int family)
{
	if (family < 0 || family >= APIDB_FAM_COUNT)
		return "?";
	return family_names[family];
}

int apidb_family_is_kmalloc(int family)
{
	return family == APIDB_FAM_KMALLOC || family == APIDB_FAM_KVMALLOC ||
	       family == APIDB_FAM_KCONST;
}

struct apidb *apidb_new(void)
{
	struct apidb *db = calloc(1, sizeof(*db));

	if (!db)
		return NULL;
	kc_arena_init(&db->arena);
	db->nslot = 512;
	db->slot = calloc(db->nslot, sizeof(*db->slot));
	if (!db->slot) {
		free(db);
		return NULL;
	}
	return db;
}

void apidb_free(struct apidb *db)
{
	if (!db)
		return;
	kc_arena_release(&db->arena);
	free(db->slot);
	free(db);
}

static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct apidb_fn **find_slot(struct apidb_fn **slot, size_t nslot,
				   const char *name)
{
	size_t i = name_hash(name) & (nslot - 1);

	while (slot[i] && strcmp(slot[i]->name, name))
		i = (i + 1) & (nslot - 1);
	return &slot[i];
}

static int db_insert(struct apidb *db, struct apidb_fn *fn)
{
	struct apidb_fn **s;

	if ((db->n + 1) * 2 > db->nslot) {
		size_t i, nn = db->nslot * 2;
		struct apidb_fn **ns = calloc(nn, sizeof(*ns));

		if (!ns)
			return -KC_ENOMEM;
		for (i = 0; i < db->nslot; i++)
			if (db->slot[i])
				*find_slot(ns, nn, db->slot[i]->name) =
					db->slot[i];
		free(db->slot);
		db->slot = ns;
		db->nslot = nn;
	}
	s = find_slot(db->slot, db->nslot, fn->name);
	if (!*s)
		db->n++;
	*s = fn;
	return 0;
}

const struct apidb_fn *apidb_lookup(const struct apidb *db, const char *name)
{
	const struct apidb_fn *f;

	if (!db || !name)
		return NULL;
	f = *find_slot(db->slot, db->nslot, name);
	return f ? f : apidb_lookup(db->base, name);
}

struct apidb *apidb_overlay_new(const struct apidb *base)
{
	struct apidb *db = apidb_new();

	if (db)
		db->base = base;
	return db;
}

const struct apidb *apidb_base(const struct apidb *db)
{
	return db ? db->base : NULL;
}

/* The entries of db's own table that no overlay above it shadows (top:
 * the overlay asked); the base's after the overlay's. */
static int foreach_layer(const struct apidb *top, const struct apidb *db,
			 int (*fn)(const struct apidb_fn *f, void *data),
			 void *data)
{
	for (size_t i = 0; db && i < db->nslot; i++) {
		const struct apidb_fn *f = db->slot[i];
		int r;

		if (!f || apidb_lookup(top, f->name) != f)
			continue;
		r = fn(f, data);
		if (r)
			return r;
	}
	return db && db->base ? foreach_layer(top, db->base, fn, data) : 0;
}

size_t apidb_count(const struct apidb *db)
{
	size_t n = 0;

	for (; db; db = db->base)
		n += db->n;
	return n;
}

int apidb_foreach(const struct apidb *db,
		  int (*fn)(const struct apidb_fn *f, void *data), void *data)
{
	return foreach_layer(db, db, fn, data);
}

int apidb_fn_may_report(const struct apidb_fn *f)
{
	return f->kind == APIDB_QUERY ||
	       (f->kind == APIDB_ALLOC && apidb_family_is_kmalloc(f->family));
}

/* ---- size formulas: expr := term (('+'|'-'|'<<') term)*,
 * term := atom ('*' atom)*, atom := NUM | $N | PAGE | '?' | '(' expr ')'
 * | strlen '(' expr ')' | min '(' expr ',' expr ')' ---- */

struct fparse {
	struct apidb *db;
	const struct kc_tbl_rec *rec;
	int field;
	const char *s, *p;
	struct kc_err *err;
	int bad;
};

static struct apidb_expr *fp_fail(struct fparse *fp, const char *what)
{
	if (!fp->bad) {
		struct kc_tbl_rec r = *fp->rec;

		r.col[fp->field] += (unsigned)(fp->p - fp->s);
		kc_tbl_field_err(&r, fp->field, fp->err,
				 "bad size formula '%s': %s", fp->s, what);
		fp->bad = 1;
	}
	return NULL;
}

static struct apidb_expr *fp_node(struct fparse *fp, int op,
				  struct apidb_expr *l, struct apidb_expr *r)
{
	struct apidb_expr *e = kc_arena_alloc(&fp->db->arena, sizeof(*e));

	if (!e)
		return fp_fail(fp, "out of memory");
	e->op = op;
	e->l = l;
	e->r = r;
	return e;
}

static struct apidb_expr *fp_expr(struct fparse *fp);

static int fp_eat(struct fparse *fp, char c)
{
	if (*fp->p != c)
		return 0;
	fp->p++;
	return 1;
}

static struct apidb_expr *fp_atom(struct fparse *fp)
{
	struct apidb_expr *e, *r;
	const char *p = fp->p;

	if (fp_eat(fp, '(')) {
		e = fp_expr(fp);
		if (!e)
			return NULL;
		if (!fp_eat(fp, ')'))
			return fp_fail(fp, "expected ')'");
		return e;
	}
	if (fp_eat(fp, '?'))
		return fp_node(fp, APIDB_OP_UNKNOWN, NULL, NULL);
	if (*p == '$') {
		char *end;
		long v;

		if (!isdigit((unsigned char)p[1]))
			return fp_fail(fp, "expected an argument number");
		v = strtol(p + 1, &end, 10);
		if (v > 31)
			return fp_fail(fp, "argument number too large");
		fp->p = end;
		e = fp_node(fp, APIDB_OP_ARG, NULL, NULL);
		if (e)
			e->arg = (int)v;
		return e;
	}
	if (isdigit((unsigned char)*p)) {
		char *end;
		unsigned long long v = strtoull(p, &end, 0);

		fp->p = end;
		e = fp_node(fp, APIDB_OP_NUM, NULL, NULL);
		if (e)
			e->num = v;
		return e;
	}
	if (!strncmp(p, "PAGE", 4) && !isalnum((unsigned char)p[4])) {
		fp->p += 4;
		e = fp_node(fp, APIDB_OP_NUM, NULL, NULL);
		if (e)
			e->num = 4096;
		return e;
	}
	if (!strncmp(p, "strlen(", 7)) {
		fp->p += 7;
		e = fp_expr(fp);
		if (!e)
			return NULL;
		if (!fp_eat(fp, ')'))
			return fp_fail(fp, "expected ')'");
		return fp_node(fp, APIDB_OP_STRLEN, e, NULL);
	}
	if (!strncmp(p, "min(", 4)) {
		fp->p += 4;
		e = fp_expr(fp);
		if (!e)
			return NULL;
		if (!fp_eat(fp, ','))
			return fp_fail(fp, "expected ','");
		r = fp_expr(fp);
		if (!r)
			return NULL;
		if (!fp_eat(fp, ')'))
			return fp_fail(fp, "expected ')'");
		return fp_node(fp, APIDB_OP_MIN, e, r);
	}
	return fp_fail(fp, "expected $N, a number, PAGE, strlen(), min() "
			   "or '?'");
}

static struct apidb_expr *fp_term(struct fparse *fp)
{
	struct apidb_expr *e = fp_atom(fp), *r;

	while (e && fp_eat(fp, '*')) {
		r = fp_atom(fp);
		if (!r)
			return NULL;
		e = fp_node(fp, APIDB_OP_MUL, e, r);
	}
	return e;
}

static struct apidb_expr *fp_expr(struct fparse *fp)
{
	struct apidb_expr *e = fp_term(fp), *r;

	while (e) {
		int op;

		if (fp_eat(fp, '+'))
			op = APIDB_OP_ADD;
		else if (fp_eat(fp, '-'))
			op = APIDB_OP_SUB;
		else if (fp->p[0] == '<' && fp->p[1] == '<') {
			fp->p += 2;
			op = APIDB_OP_SHL;
		} else
			break;
		r = fp_term(fp);
		if (!r)
			return NULL;
		e = fp_node(fp, op, e, r);
	}
	return e;
}

static int parse_formula(struct apidb *db, const struct kc_tbl_rec *rec,
			 int i, struct apidb_expr **out, struct kc_err *err)
{
	struct fparse fp = { db, rec, i, rec->field[i], rec->field[i], err,
			     0 };
	struct apidb_expr *e;

	*out = NULL;
	if (!strcmp(rec->field[i], "-"))
		return 0;
	e = fp_expr(&fp);
	if (e && *fp.p)
		e = fp_fail(&fp, "trailing characters");
	if (!e)
		return -KC_EPARSE;
	*out = e;
	return 0;
}

static int parse_argno(const struct kc_tbl_rec *rec, int i, int dash_ok,
		       int *out, struct kc_err *err)
{
	const char *s = rec->field[i];
	char *end;
	long v;

	if (dash_ok && !strcmp(s, "-")) {
		*out = -1;
		return 0;
	}
	if (s[0] != '$' || !isdigit((unsigned char)s[1]))
		return kc_tbl_field_err(rec, i, err,
					"expected an argument like $0, not "
					"'%s'", s);
	v = strtol(s + 1, &end, 10);
	if (*end || v > 31)
		return kc_tbl_field_err(rec, i, err, "bad argument '%s'", s);
	*out = (int)v;
	return 0;
}

static int parse_family(const struct kc_tbl_rec *rec, int i, int *out,
			struct kc_err *err)
{
	int f;

	for (f = 0; f < APIDB_FAM_COUNT; f++)
		if (!strcmp(rec->field[i], family_names[f])) {
			*out = f;
			return 0;
		}
	return kc_tbl_field_err(rec, i, err, "unknown family '%s'",
				rec->field[i]);
}

static int need_fields(const struct kc_tbl_rec *rec, int min, int max,
		       struct kc_err *err)
{
	if (rec->nfields < min)
		return kc_tbl_field_err(rec, rec->nfields - 1, err,
					"'%s' record needs %d fields, has %d",
					rec->field[0], min, rec->nfields);
	if (rec->nfields > max)
		return kc_tbl_field_err(rec, max, err,
					"unexpected field '%s'",
					rec->field[max]);
	return 0;
}

static int parse_name(const struct kc_tbl_rec *rec, int i,
		      struct kc_err *err)
{
	const char *s = rec->field[i];

	if (!isalpha((unsigned char)*s) && *s != '_')
		return kc_tbl_field_err(rec, i, err,
					"'%s' is not a function name", s);
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return kc_tbl_field_err(rec, i, err,
						"'%s' is not a function name",
						rec->field[i]);
	return 0;
}

/* Trailing options: realloc=$N errptr zero upto srcstr srclen atend str
 * fmt=$N */
static int parse_opts(const struct kc_tbl_rec *rec, int from,
		      struct apidb_fn *fn, struct kc_err *err)
{
	int i;

	for (i = from; i < rec->nfields; i++) {
		const char *s = rec->field[i];

		if (!strcmp(s, "errptr") && fn->kind == APIDB_ALLOC)
			fn->flags |= APIDB_F_ERRPTR;
		else if (!strcmp(s, "zero") && fn->kind == APIDB_ALLOC)
			fn->flags |= APIDB_F_ZERO;
		else if (!strcmp(s, "upto") && fn->kind == APIDB_SINK)
			fn->flags |= APIDB_F_UPTO;
		else if (!strcmp(s, "srcstr") && fn->kind == APIDB_SINK)
			fn->flags |= APIDB_F_SRCSTR;
		else if (!strcmp(s, "srclen") && fn->kind == APIDB_SINK &&
			 (fn->flags & APIDB_F_UPTO))
			fn->flags |= APIDB_F_SRCLEN;
		else if (!strcmp(s, "atend") && fn->kind == APIDB_SINK)
			fn->flags |= APIDB_F_ATEND;
		else if (!strcmp(s, "str") && fn->kind == APIDB_SINK)
			fn->flags |= APIDB_F_STR;
		else if (!strncmp(s, "realloc=", 8) && fn->kind == APIDB_ALLOC) {
			struct kc_tbl_rec r = *rec;

			r.field[i] = s + 8;
			r.col[i] += 8;
			if (parse_argno(&r, i, 0, &fn->realloc_arg, err))
				return -KC_EPARSE;
		} else if (!strncmp(s, "fmt=", 4) && fn->kind == APIDB_SINK &&
			   (fn->flags & APIDB_F_UPTO)) {
			struct kc_tbl_rec r = *rec;

			r.field[i] = s + 4;
			r.col[i] += 4;
			if (parse_argno(&r, i, 0, &fn->fmt, err))
				return -KC_EPARSE;
		} else
			return kc_tbl_field_err(rec, i, err,
						"unknown option '%s'", s);
	}
	return 0;
}

static int rec_cb(const struct kc_tbl_rec *rec, void *data,
		  struct kc_err *err)
{
	struct apidb *db = data;
	struct apidb_fn *fn;
	const char *t = rec->field[0];

	fn = kc_arena_alloc(&db->arena, sizeof(*fn));
	if (!fn)
		return kc_err_set(err, KC_ENOMEM, rec->file, rec->line, 0,
				  "out of memory");
	fn->realloc_arg = fn->arg = fn->dst = fn->src = fn->fmt = -1;
	if (!strcmp(t, "alloc")) {
		fn->kind = APIDB_ALLOC;
		if (need_fields(rec, 4, KC_TBL_MAX_FIELDS, err) ||
		    parse_name(rec, 1, err) ||
		    parse_family(rec, 2, &fn->family, err) ||
		    parse_formula(db, rec, 3, &fn->size, err) ||
		    parse_opts(rec, 4, fn, err))
			return -KC_EPARSE;
	} else if (!strcmp(t, "free")) {
		fn->kind = APIDB_FREE;
		if (need_fields(rec, 3, 3, err) || parse_name(rec, 1, err) ||
		    parse_argno(rec, 2, 0, &fn->arg, err))
			return -KC_EPARSE;
	} else if (!strcmp(t, "query")) {
		fn->kind = APIDB_QUERY;
		if (need_fields(rec, 4, 4, err) || parse_name(rec, 1, err))
			return -KC_EPARSE;
		if (!strcmp(rec->field[2], "ksize"))
			fn->query = APIDB_Q_KSIZE;
		else if (!strcmp(rec->field[2], "roundup"))
			fn->query = APIDB_Q_ROUNDUP;
		else
			return kc_tbl_field_err(rec, 2, err,
						"unknown query '%s' (ksize, "
						"roundup)", rec->field[2]);
		if (parse_argno(rec, 3, 0, &fn->arg, err))
			return -KC_EPARSE;
	} else if (!strcmp(t, "noreturn")) {
		fn->kind = APIDB_NORETURN;
		if (need_fields(rec, 2, 2, err) || parse_name(rec, 1, err))
			return -KC_EPARSE;
	} else if (!strcmp(t, "errptr")) {
		fn->kind = APIDB_ERRPTR;
		if (need_fields(rec, 2, 2, err) || parse_name(rec, 1, err))
			return -KC_EPARSE;
	} else if (!strcmp(t, "size")) {
		fn->kind = APIDB_SIZEFN;
		if (need_fields(rec, 3, 3, err) || parse_name(rec, 1, err) ||
		    parse_formula(db, rec, 2, &fn->size, err))
			return -KC_EPARSE;
		if (!fn->size)
			return kc_tbl_field_err(rec, 2, err,
						"size function needs a formula");
	} else if (!strcmp(t, "pred")) {
		fn->kind = APIDB_PRED;
		if (need_fields(rec, 4, 4, err) || parse_name(rec, 1, err))
			return -KC_EPARSE;
		if (!strcmp(rec->field[2], "iserr"))
			fn->query = APIDB_P_ISERR;
		else if (!strcmp(rec->field[2], "iserr_or_null"))
			fn->query = APIDB_P_ISERR_OR_NULL;
		else
			return kc_tbl_field_err(rec, 2, err,
						"unknown predicate '%s' (iserr, "
						"iserr_or_null)", rec->field[2]);
		if (parse_argno(rec, 3, 0, &fn->arg, err))
			return -KC_EPARSE;
	} else if (!strcmp(t, "sink")) {
		fn->kind = APIDB_SINK;
		if (need_fields(rec, 5, KC_TBL_MAX_FIELDS, err) ||
		    parse_name(rec, 1, err) ||
		    parse_argno(rec, 2, 1, &fn->dst, err) ||
		    parse_argno(rec, 3, 1, &fn->src, err) ||
		    parse_formula(db, rec, 4, &fn->size, err) ||
		    parse_opts(rec, 5, fn, err))
			return -KC_EPARSE;
		if (fn->dst < 0 && fn->src < 0)
			return kc_tbl_field_err(rec, 2, err,
						"sink needs a destination or "
						"a source argument");
	} else {
		return kc_tbl_field_err(rec, 0, err,
					"unknown record type '%s' (alloc, "
					"free, query, pred, size, errptr, noreturn, sink)", t);
	}
	fn->name = kc_arena_strdup(&db->arena, rec->field[1]);
	fn->file = kc_arena_strdup(&db->arena, db->fact_file ? db->fact_file :
				   rec->file);
	fn->line = db->fact_file ? db->fact_line : rec->line;
	if (db->fact_file) {
		fn->flags |= APIDB_F_FACT;
		fn->fact = kc_arena_strdup(&db->arena, db->fact_record);
	}
	if (!fn->name || !fn->file)
		return kc_err_set(err, KC_ENOMEM, rec->file, rec->line, 0,
				  "out of memory");
	if (db_insert(db, fn))
		return kc_err_set(err, KC_ENOMEM, rec->file, rec->line, 0,
				  "out of memory");
	return 0;
}

int apidb_load_file(struct apidb *db, const char *path, struct kc_err *err)
{
	return kc_tbl_read(path, rec_cb, db, err);
}

int apidb_load_text(struct apidb *db, const char *name, const char *text,
		    struct kc_err *err)
{
	return kc_tbl_parse(name, text, rec_cb, db, err);
}

int apidb_add_fact(struct apidb *db, const char *record, const char *file,
		   unsigned line, struct kc_err *err)
{
	int rc;

	db->fact_file = file;
	db->fact_line = line;
	db->fact_record = record;
	rc = kc_tbl_parse("fact database", record, rec_cb, db, err);
	db->fact_file = NULL;
	return rc;
}

int apidb_load_default(struct apidb *db, const char *dir,
		       const char *const *extra, size_t nextra,
		       struct kc_err *err)
{
	static const char *const files[] = { "allocators.tbl", "sinks.tbl" };
	char path[4096];
	size_t i;
	int ret;

	if (!dir)
		dir = kc_rules_dir(NULL);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		ret = apidb_load_file(db, path, err);
		if (ret)
			return ret;
	}
	for (i = 0; i < nextra; i++) {
		ret = apidb_load_file(db, extra[i], err);
		if (ret)
			return ret;
	}
	return 0;
}
