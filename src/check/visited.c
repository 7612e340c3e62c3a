/* visited.c - the set of function bodies analysed in this pass (by
 * definition hash): the interpreter marks the bodies it runs, inlined
 * ones included, and analyze.c skips what was already seen. */
#include "check/engine.h"

void eng_mark_visited(struct eng_tu *t, CXCursor def)
{
	unsigned h = clang_hashCursor(def);

	if (hidx_find(&t->visited, h) != HIDX_NONE)
		return;
	(void)hidx_add(&t->visited, h, t->visited.n); /* failure: the sink's */
}

/* Returns 1 if def's body was analysed in this pass (eng_mark_visited). */
int eng_was_visited(const struct eng_tu *t, CXCursor def)
{
	return hidx_find(&t->visited, clang_hashCursor(def)) != HIDX_NONE;
}
