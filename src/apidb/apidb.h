/* apidb.h - the kernel API database: allocators, frees, size queries and
 * memory sinks, loaded from rules/allocators.tbl, rules/sinks.tbl and any
 * --rules FILE (format: docs/rules-format.md).
 *
 * Loading happens once per process; lookups are by function name (a hash
 * table). Size formulas are small expression trees over the call's
 * arguments ($0 is the first argument), evaluated by the analysis.
 */
#ifndef KC_APIDB_APIDB_H
#define KC_APIDB_APIDB_H

#include <stddef.h>

#include "util/err.h"

enum apidb_kind {
	APIDB_ALLOC = 1, /* returns new memory */
	APIDB_FREE,      /* releases an argument */
	APIDB_QUERY,     /* ksize-like or roundup-like size query */
	APIDB_SINK,      /* reads/writes memory through pointer arguments */
	APIDB_PRED,      /* IS_ERR-like test of a pointer argument */
	APIDB_SIZEFN,    /* returns a size computed from its arguments */
	APIDB_ERRPTR,    /* returns an ERR_PTR() value */
	APIDB_NORETURN,  /* does not return (panic, BUG) */
};

enum apidb_pred {
	APIDB_P_ISERR = 1,     /* true iff the argument is an ERR_PTR */
	APIDB_P_ISERR_OR_NULL, /* true iff ERR_PTR or NULL */
};

/* Memory families; the order matters only for printing. */
enum apidb_family {
	APIDB_FAM_KMALLOC = 0,  /* start of a kmalloc object */
	APIDB_FAM_KVMALLOC,     /* kmalloc or vmalloc fallback */
	APIDB_FAM_KCONST,       /* kmalloc or the .rodata input itself */
	APIDB_FAM_KMEM_CACHE,
	APIDB_FAM_VMALLOC,
	APIDB_FAM_DEVM,         /* kmalloc-backed, after a devres header */
	APIDB_FAM_DEVM_CONST,   /* devm or .rodata */
	APIDB_FAM_PAGE,
	APIDB_FAM_PERCPU,
	APIDB_FAM_DMA,
	APIDB_FAM_COUNT
};

enum apidb_query {
	APIDB_Q_KSIZE = 1,   /* usable size of the object in $arg */
	APIDB_Q_ROUNDUP,     /* bucket size for the size in $arg */
};

enum apidb_op {
	APIDB_OP_NUM = 1, /* num */
	APIDB_OP_ARG,     /* argument number arg (0-based) */
	APIDB_OP_ADD,
	APIDB_OP_SUB,
	APIDB_OP_MUL,
	APIDB_OP_SHL,
	APIDB_OP_STRLEN,  /* strlen(l) */
	APIDB_OP_MIN,     /* min(l, r) */
	APIDB_OP_UNKNOWN, /* '?': a size the formula cannot express */
};

struct apidb_expr {
	int op;                  /* enum apidb_op */
	int arg;                 /* APIDB_OP_ARG */
	unsigned long long num;  /* APIDB_OP_NUM */
	struct apidb_expr *l, *r;
};

#define APIDB_F_ERRPTR 0x1   /* returns ERR_PTR on failure */
#define APIDB_F_UPTO   0x2   /* sink: writes at most len bytes */
#define APIDB_F_ZERO   0x4   /* alloc: zeroed memory */
#define APIDB_F_SRCSTR 0x8   /* sink: reads SRC up to its NUL, at most len */
#define APIDB_F_ATEND  0x10  /* sink: writes from DST's NUL on (strcat) */
#define APIDB_F_STR    0x20  /* sink: leaves a string that ends with its
			      * last byte written (strcpy, strcat) */
#define APIDB_F_FACT   0x40  /* from the fact database (docs/factdb.md):
			      * file and line name the TU and line of the
			      * definition it was derived from */
#define APIDB_F_SRCLEN 0x80  /* sink with upto and SRC: copies the string
			      * SRC, so it writes at most strlen(SRC) + 1
			      * bytes (strscpy, strlcpy; with atend, from
			      * DST's NUL: strlcat) and leaves a string of
			      * at most LEN - 1 */

struct apidb_fn {
	const char *name;
	int kind;                /* enum apidb_kind */
	int family;              /* ALLOC and FREE: enum apidb_family */
	struct apidb_expr *size; /* ALLOC: requested size; SINK: length;
				  * SIZEFN: the result */
	int realloc_arg;         /* ALLOC: argument that is reallocated, -1 */
	int arg;                 /* FREE: freed; QUERY, PRED: tested arg */
	int query;               /* QUERY: enum apidb_query; PRED: enum apidb_pred */
	int dst, src;            /* SINK: pointer arguments or -1 */
	int fmt;                 /* SINK with upto: the format argument
				  * (printf family), or -1: the bytes
				  * written are at most the format's output
				  * and its NUL (apidb/fmtlen.h) */
	unsigned flags;          /* APIDB_F_* */
	const char *file;        /* where it was defined */
	unsigned line;
	const char *fact;        /* APIDB_F_FACT: the record's text */
};

struct apidb;

/* A new empty database; NULL on OOM. Free with apidb_free(). */
struct apidb *apidb_new(void);
void apidb_free(struct apidb *db);

/* Adds the records of one .tbl file (any record type). A later record for
 * the same name replaces the earlier one, so --rules files override the
 * shipped tables. Returns 0, -KC_EIO or -KC_EPARSE with err filled as
 * "file:line:col: what is wrong". */
int apidb_load_file(struct apidb *db, const char *path, struct kc_err *err);
/* Same on text in memory (tests); name is used in positions. */
int apidb_load_text(struct apidb *db, const char *name, const char *text,
		    struct kc_err *err);

/* Loads allocators.tbl and sinks.tbl from dir (NULL: kc_rules_dir(NULL)),
 * then each of the nextra files. Returns 0 or a negative KC_E* code. */
int apidb_load_default(struct apidb *db, const char *dir,
		       const char *const *extra, size_t nextra,
		       struct kc_err *err);

/* A new empty database over base (borrowed; it must outlive the
 * overlay): lookups ask the overlay first, then base, so base is shared
 * and never changed (the fact database's records of a round, over the
 * shipped tables). NULL on OOM. Free with apidb_free(), which leaves base
 * alone. */
struct apidb *apidb_overlay_new(const struct apidb *base);
/* The database an overlay is over, or NULL. */
const struct apidb *apidb_base(const struct apidb *db);

/* Adds one rules-format record that the fact database holds (a summary
 * of a function defined in file at line): the entry gets APIDB_F_FACT
 * and that file and line. Returns 0, -KC_EPARSE with err filled, or
 * -KC_ENOMEM. */
int apidb_add_fact(struct apidb *db, const char *record, const char *file,
		   unsigned line, struct kc_err *err);

/* The entry for name, or NULL. The pointer lives as long as db. */
const struct apidb_fn *apidb_lookup(const struct apidb *db, const char *name);

/* Number of entries, an overlay's and its base's (for --stats and
 * tests). */
size_t apidb_count(const struct apidb *db);
/* Calls fn on every entry that a lookup can return (an overlay's, then
 * its base's that it does not shadow; in no particular order) until it
 * returns non-zero; returns that value or 0. */
int apidb_foreach(const struct apidb *db,
		  int (*fn)(const struct apidb_fn *f, void *data), void *data);
/* 1 if a call to f can start a finding: a size query (the ksize rules)
 * or an allocator of the kmalloc families (the access rules judge only
 * their objects). The prefilter's roots. */
int apidb_fn_may_report(const struct apidb_fn *f);

/* Short names for messages: "kmalloc", "vmalloc", ... */
const char *apidb_family_name(int family);
/* 1 if memory of this family is always/sometimes a kmalloc start. */
int apidb_family_is_kmalloc(int family);

#endif
