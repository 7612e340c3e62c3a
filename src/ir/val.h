/* val.h - abstract values of the analysis: integer intervals with an
 * optional symbolic linear bound, and pointer provenance sets.
 *
 * An integer value v satisfies lo <= v <= hi and, when nt > 0,
 * (F + slo) / den <= v <= (F + shi) / den, F = sum of coef[i] * sym[i]
 * (division rounding down, so `(ksize(p) - 8) / 8 * 8 + 8 <= ksize(p)`
 * is known); a symbol
 * names an opaque value (a parameter, a field, an unknown call result) or
 * ksize() of an object. So `used + (size - used)` is exactly `size`. A pointer
 * value is a set of provenance elements (object + byte offset, freed
 * object, NULL, ERR_PTR) plus a "top" flag for possibilities that were
 * lost (unknown). Objects and symbols live in TU-wide tables (ir_objs),
 * so findings can name the allocation site. No libclang here.
 */
#ifndef KC_IR_VAL_H
#define KC_IR_VAL_H

#include "diag/diag.h"
#include "util/arena.h"

#define IV_NINF (-(1LL << 60))
#define IV_PINF (1LL << 60)

#define IV_NTERMS 3

struct ival {
	long long lo, hi;
	int nt;                  /* number of symbolic terms */
	int sym[IV_NTERMS];      /* symbol ids of struct ir_objs, sorted */
	int coef[IV_NTERMS];
	int den;                 /* form divided by den (>= 1) when nt > 0 */
	long long slo, shi;
	unsigned char rounded; /* from ksize()/kmalloc_size_roundup() */
	unsigned char reach;   /* hi is attained on some path (a unit-stride
				* index run to a reached bound, a guarded
				* unmodified variable, constants added or
				* multiplied in); 0 when unknown */
	unsigned char sreach;  /* the same for shi (the symbolic form) */
};

enum prov_kind {
	PK_OBJ = 1,  /* points into obj at off */
	PK_FREED,    /* obj was freed at line */
	PK_NULL,
	PK_ERR,      /* ERR_PTR */
};

struct pel {
	unsigned char kind;  /* enum prov_kind */
	unsigned char more;  /* PK_FREED: also freed at other lines on other
			      * paths (line is the smallest) */
	int obj;             /* object id for PK_OBJ / PK_FREED */
	unsigned line;       /* PK_FREED: the line in the current function
			      * where it was freed (a helper's call) */
	int fev;             /* PK_FREED: the free's chain (an event of the
			      * TU's table, engine.h), 0 if none */
	struct ival off;     /* PK_OBJ: byte offset from the start */
};

#define VAL_MAXP 8

struct val {
	struct ival iv;
	unsigned char np;
	unsigned char ptop;  /* may also point anywhere unknown */
	unsigned char lost;  /* ptop stands (also) for elements dropped when
			      * the set was full: not an unknown the value
			      * had before */
	struct pel p[VAL_MAXP];
};

/* Object origins. */
enum prov_origin {
	PO_ALLOC = 1, /* from an allocator of apidb (family says which) */
	PO_STACK,
	PO_GLOBAL,
	PO_LITERAL,
	PO_UNKNOWN,   /* whatever a parameter / field / call held */
};

struct prov_obj {
	int origin;
	int family;             /* PO_ALLOC: enum apidb_family */
	const char *alloc;      /* allocator name, or variable name */
	struct kc_loc loc;      /* allocation / declaration site */
	struct ival size;       /* requested size (bytes) */
	const char *size_text;  /* as written, or NULL */
	unsigned char rounded;  /* size is a bucket size (roundup/ksize) */
	unsigned char sized;    /* PO_ALLOC: size set by a visit already */
	unsigned char multi;    /* allocated again while an earlier one was
				 * still held (loop rounds): stands for
				 * several objects, frees mark only the
				 * freed path */
	int ksize_sym;          /* symbol for ksize(obj), 0 until needed */
	int hdr_ksize_sym;      /* PO_UNKNOWN: symbol for ksize() of the
				 * container this object sits in at a
				 * constant offset (container_of), 0 if none */
	unsigned long long key; /* identity (site, context) for reuse */
	unsigned field;         /* PO_UNKNOWN read from this field, or 0 */
	unsigned char from_fact; /* field's facts made it PO_ALLOC */
	unsigned char mem;      /* has had PATH_MEM slots (memslots.c) */
	unsigned char escaped;  /* a pointer to it was stored into memory
				 * or given to an unknown call */
	unsigned cap_field;     /* ksize(obj) was read as this capacity
				 * field's fact, or 0 */
	unsigned ptr_type;      /* type the allocation was first stored as
				 * (hash of the pointer type), 0 if none */
	unsigned long long site; /* PO_ALLOC: the call's position, 0 if none */
	unsigned fn;            /* PO_ALLOC: hash of the allocating function */
	const char *via;        /* PO_ALLOC made in a helper analysed in its
				 * caller's context: the helper the outermost
				 * function called, or NULL */
	struct kc_loc via_loc;  /* that call */
	const char *via_top;    /* the outermost function, which makes it */
	const char *fact;       /* PO_ALLOC by a function the fact database
				 * describes: the note that says so */
	const char *free_fact;  /* freed by such a function: the note */
	struct kc_loc free_loc; /* and that call */
};

/* SYM_KSIZE_HDR: ksize() of the object that starts off bytes before
 * obj (off < 0: ksize(container_of(p, struct hdr, data)) of a pointer p
 * of unknown origin). */
enum { SYM_OPAQUE = 1, SYM_KSIZE, SYM_KSIZE_HDR };

struct prov_sym {
	int kind;
	int obj;            /* SYM_KSIZE */
	const char *name;   /* SYM_OPAQUE: what it stands for;
			     * SYM_KSIZE(_HDR): the type ksize() was given,
			     * or NULL */
	long long off;      /* SYM_KSIZE_HDR: offset of obj in it (< 0) */
	unsigned ptype;     /* SYM_KSIZE(_HDR): eng_type_hash() of the
			     * argument's pointer type when it points to a
			     * struct, else 0 */
	unsigned char local_type; /* that struct is defined in the main
				   * file, so only this TU allocates it */
};

/* TU-wide tables; ids start at 1. */
struct ir_objs {
	struct kc_arena *arena;
	struct prov_obj **obj;
	int nobj, capobj;
	struct prov_sym **sym;
	int nsym, capsym;
};

void ir_objs_init(struct ir_objs *t, struct kc_arena *a);
void ir_objs_release(struct ir_objs *t);
/* Returns the object with this key, creating it (zeroed but for origin
 * and key) if needed; id in *id. NULL on OOM. */
struct prov_obj *ir_obj_get(struct ir_objs *t, unsigned long long key,
			    int origin, int *id);
struct prov_obj *ir_obj(const struct ir_objs *t, int id);
/* New symbol; returns its id or 0 on OOM. */
int ir_sym_new(struct ir_objs *t, int kind, int obj, const char *name);
const struct prov_sym *ir_sym(const struct ir_objs *t, int id);
/* The symbol standing for ksize(obj). */
int ir_ksize_sym(struct ir_objs *t, int obj);

/* ---- integers ---- */
struct ival iv_top(void);
struct ival iv_const(long long c);
struct ival iv_range(long long lo, long long hi);
/* a / b rounded toward minus infinity (b != 0). */
long long iv_floor_div(long long a, long long b);
struct ival iv_sym(int sym);
int iv_is_const(const struct ival *a, long long *c);
int iv_is_top(const struct ival *a);
/* The symbol when the form is exactly 1*sym, else 0. */
int iv_single_sym(const struct ival *a);
/* 1 if a and b have the same symbolic form (offsets aside). */
int iv_same_form(const struct ival *a, const struct ival *b);
struct ival iv_add(struct ival a, struct ival b);
struct ival iv_neg(struct ival a);
struct ival iv_sub(struct ival a, struct ival b);
struct ival iv_mul(struct ival a, struct ival b);
struct ival iv_div(struct ival a, struct ival b);
struct ival iv_shl(struct ival a, struct ival b);
struct ival iv_shr(struct ival a, struct ival b);
struct ival iv_and(struct ival a, struct ival b);
struct ival iv_join(struct ival a, struct ival b);
/* Like join, but bounds that moved go to infinity. */
struct ival iv_widen(struct ival old, struct ival nw);
int iv_equal(const struct ival *a, const struct ival *b);
/* Constrains a to <= b + adj (adj is -1 for <). When a has another
 * symbolic form, b's replaces it only if prefer is set. */
void iv_assume_le(struct ival *a, const struct ival *b, long long adj,
		  int prefer);
/* Constrains a to >= b + adj. */
void iv_assume_ge(struct ival *a, const struct ival *b, long long adj);
/* Writes "[lo, hi]" or "n" into buf. */
const char *iv_str(const struct ival *a, char *buf, unsigned size);

/* ---- values ---- */
struct val val_top(void);
struct val val_int(struct ival iv);
struct val val_null(void);
struct val val_obj(int obj, struct ival off);
/* Adds element e to v (merging an equal element's offset). */
void val_add_pel(struct val *v, const struct pel *e);
struct val val_join(const struct val *a, const struct val *b);
struct val val_widen(const struct val *old, const struct val *nw);
int val_equal(const struct val *a, const struct val *b);
/* Pointer arithmetic: every element's offset += delta. */
struct val val_ptr_add(const struct val *v, struct ival delta);
int val_is_pointer(const struct val *v);
/* The one object v points into, NULL and ERR_PTR aside (its offset into
 * *off when off is not NULL), or 0: v may point anywhere (ptop), is
 * freed, or holds a second object. */
int val_one_obj(const struct val *v, struct ival *off);

#endif
