/* sink.c - the analysis's error sink (sink.h). */
#include "util/sink.h"

#include <string.h>

static _Thread_local struct kc_sink *bound;

static void sink_fail(struct kc_sink *s, int code)
{
	if (!s->count++)
		s->code = code;
}

int kc_sink_bind(struct kc_sink *s)
{
	memset(s, 0, sizeof(*s));
	if (!KC_ASSERT(!bound))
		return -KC_EINTERNAL;
	bound = s;
	return 0;
}

int kc_sink_unbind(struct kc_sink *s, int ret, const char *err_file,
		   struct kc_err *err)
{
	if (bound == s)
		bound = NULL;
#ifdef KC_FAULT_INJECT
	kc_fault_scope_end();
#endif
	if (!s->code)
		return ret;
	if (s->code == KC_ENOMEM)
		return kc_err_set(err, KC_ENOMEM, err_file, 0, 0,
				  "out of memory");
	return kc_err_set(err, s->code, err_file, 0, 0,
			  "assertion '%s' failed at %s:%u", s->expr,
			  s->file, s->line);
}

int kc_sink_bound(void)
{
	return bound != NULL;
}

int kc_sink_failed(void)
{
	return bound && bound->code;
}

void kc_sink_oom(size_t size)
{
	(void)size;
	if (bound)
		sink_fail(bound, KC_ENOMEM);
}

void kc_sink_bug(const char *file, unsigned line, const char *expr)
{
	if (!bound)
		return;
	if (!bound->count) {
		bound->file = file; /* repo-relative: -fmacro-prefix-map */
		bound->line = line;
		bound->expr = expr;
	}
	sink_fail(bound, KC_EINTERNAL);
}
