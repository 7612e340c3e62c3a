/* tufacts.c - the container of one TU's exported facts (tufacts.h). */
#include "check/tufacts.h"

#include <string.h>

void kc_tu_facts_init(struct kc_tu_facts *f)
{
	memset(f, 0, sizeof(*f));
	kc_arena_init(&f->arena);
}

void kc_tu_facts_release(struct kc_tu_facts *f)
{
	KC_VEC_FREE(&f->fns);
	KC_VEC_FREE(&f->stores);
	kc_arena_release(&f->arena);
	memset(f, 0, sizeof(*f));
}
