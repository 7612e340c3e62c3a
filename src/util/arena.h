/* arena.h - bump allocator; everything allocated from an arena is freed
 * together by kc_arena_release(). One arena per translation unit holds
 * its IR, strings and findings.
 *
 * Allocation failure is reported by returning NULL; callers propagate
 * -KC_ENOMEM.
 */
#ifndef KC_UTIL_ARENA_H
#define KC_UTIL_ARENA_H

#include <stddef.h>

struct kc_arena_chunk;

struct kc_arena {
	struct kc_arena_chunk *head;
	size_t used_total; /* bytes handed out, for --stats */
};

void kc_arena_init(struct kc_arena *a);
/* Frees every chunk; the arena may be reused after kc_arena_init(). */
void kc_arena_release(struct kc_arena *a);

/* Returns size bytes, 16-byte aligned, zeroed; NULL on OOM. Owned by a. */
void *kc_arena_alloc(struct kc_arena *a, size_t size);
/* Copies s (or the first n bytes of it) into a; NULL on OOM or NULL s. */
char *kc_arena_strdup(struct kc_arena *a, const char *s);
char *kc_arena_strndup(struct kc_arena *a, const char *s, size_t n);
/* printf into the arena; NULL on OOM. */
char *kc_arena_printf(struct kc_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
