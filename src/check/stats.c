/* stats.c - the TU's counters: analysis steps against the budget, the
 * stack and the deadline (eng_tick), and named stats (eng_stat). Calls
 * nothing in src/check. */
#include "check/engine.h"
#include "util/clock.h"

int eng_tick(struct eng_fn *f)
{
	struct eng_tu *t = f->t;

	uintptr_t here = (uintptr_t)__builtin_frame_address(0);

	if (t->over_budget)
		return 1;
	if (t->stack_base && (here < t->stack_base ?
			      t->stack_base - here :
			      here - t->stack_base) > ENG_STACK_MAX) {
		t->over_budget = 1;
		return 1;
	}
	t->tu_steps++;
	if (t->deadline && !(t->tu_steps & 1023) && kc_now() > t->deadline) {
		t->timed_out = 1;
		t->over_budget = 1;
		return 1;
	}
	if (++t->steps > t->budget) {
		t->over_budget = 1;
		return 1;
	}
	return 0;
}

void eng_stat(struct eng_tu *t, const char *name, unsigned long long n)
{
	int id;

	if (!t->stats)
		return;
	id = kc_stat_by_name(name);
	if (id >= 0 && id < KC_STAT_MAX)
		t->stats->counters[id] += n;
}
