/* tufacts.h - what one TU's analysis hands to other TUs and takes from
 * them: the analysis side of the whole-tree fact database (issue 17,
 * docs/factdb.md). The engine does not open the database itself: the
 * driver passes a struct kc_tu_facts to fill (round one: what this TU
 * defines and stores) and a lookup of the tree's field stores (round
 * two); function facts of other TUs reach the analysis as apidb records,
 * like a --rules file.
 *
 * Strings are owned by the struct's arena and live until
 * kc_tu_facts_release().
 */
#ifndef KC_CHECK_TUFACTS_H
#define KC_CHECK_TUFACTS_H

#include "factdb/factdb.h"
#include "util/arena.h"
#include "util/vec.h"

/* A function the TU defines, and the rules-format records that say what
 * it does ("alloc foo_buf_alloc kmalloc $1*8", "free foo_put $0", ...);
 * a definition with no record is still listed (the agreement rule). */
struct kc_fn_fact {
	const char *function;
	int is_static;
	unsigned line;
	const char *records[4];  /* NULL-terminated, at most 4 */
};

struct kc_tu_facts {
	struct kc_arena arena;
	KC_VEC(struct kc_fn_fact) fns;
	/* every store into a struct field the TU makes (factdb_store's
	 * strings point into arena) */
	KC_VEC(struct factdb_store) stores;
};

void kc_tu_facts_init(struct kc_tu_facts *f);
void kc_tu_facts_release(struct kc_tu_facts *f);

/* The tree's stores into field usr (round two). Returns 1 and fills out
 * when the database has stores, 0 when none, negative KC_E* on error.
 * The analysis unions them with the TU's own stores: a field fact holds
 * only when every store agrees (docs/factdb.md, soundness policy). */
struct kc_field_lookup {
	int (*field)(void *data, const char *usr, struct factdb_field *out);
	void *data;
};

#endif
