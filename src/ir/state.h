/* state.h - the abstract state at one program point: a map from access
 * paths ("v12:p", "v12:p->buf", "v7:dev->rings[]->data") and slots (the
 * keys of ir/path.h) to abstract values, plus a dead flag for
 * unreachable points.
 *
 * Keys are interned strings (ir_intern), compared by pointer, kept sorted.
 * A key that is absent holds its initial value (what the variable or field
 * held on entry, a fresh symbol), which the caller supplies to st_join()
 * through a callback. Memory: entries live on the heap; st_release()
 * frees them.
 */
#ifndef KC_IR_STATE_H
#define KC_IR_STATE_H

#include <stddef.h>

#include "ir/val.h"

struct st_ent {
	const char *key;
	struct val v;
};

struct state {
	int dead;
	unsigned n, cap;
	struct st_ent *e;
};

/* A live, empty state. */
void st_init(struct state *s);
/* A dead (unreachable) state. */
void st_init_dead(struct state *s);
void st_release(struct state *s);
/* dst = copy of src (dst must be released or fresh). 0 or -KC_ENOMEM. */
int st_copy(struct state *dst, const struct state *src);
/* Moves src into dst (dst released first); src becomes dead/empty. */
void st_move(struct state *dst, struct state *src);

struct val *st_find(const struct state *s, const char *key);
int st_set(struct state *s, const char *key, const struct val *v);
/* Removes every path under prefix (path_is_under) and every slot that
 * names prefix or a path under it (path_slot_names; ir/path.h). */
void st_kill_under(struct state *s, const char *prefix);
/* Removes only the relations that name prefix or a path under it (the
 * values are being replaced one by one). */
void st_kill_rels(struct state *s, const char *prefix);
/* Removes every entry whose key drop(key, ctx) says 1 of. */
void st_drop_keys(struct state *s, int (*drop)(const char *key, void *ctx),
		  void *ctx);
/* Calls fn on every value (for frees: rewrite elements). */
void st_map(struct state *s, void (*fn)(struct val *v, void *ctx),
	    void *ctx);

typedef struct val (*st_default_fn)(void *ctx, const char *key);
/* dst = dst join src (widening when widen). Dead states are neutral.
 * Returns 0 or -KC_ENOMEM. */
int st_join(struct state *dst, const struct state *src, st_default_fn def,
	    void *ctx, int widen);
/* 1 if equal (same keys and values). */
int st_equal(const struct state *a, const struct state *b);

/* String interning for keys (TU-wide hash set). */
struct ir_intern {
	struct kc_arena *arena;
	const char **slot;
	size_t nslot, n;
};
void ir_intern_init(struct ir_intern *in, struct kc_arena *a);
void ir_intern_release(struct ir_intern *in);
/* The unique copy of s; NULL on OOM. */
const char *ir_intern(struct ir_intern *in, const char *s);

#endif
