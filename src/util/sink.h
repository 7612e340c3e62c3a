/* sink.h - the analysis's error sink: one error policy for a TU.
 *
 * While a translation unit is analysed (kc_analyze_tu), a struct kc_sink
 * is bound. Every allocation the project makes (alloc.c wraps malloc,
 * calloc, realloc, strdup and strndup at link time, so arenas, KC_VEC
 * growth, the abstract state, the interning table and the cx memo are
 * all covered, whether or not the caller looks at the result) reports a
 * failure to it, and so does a failed KC_ASSERT(). The sink is sticky:
 * the first error is kept, later ones are counted. kc_analyze_tu reads it
 * when it ends and turns a failed sink into an internal error for the
 * file ("analysis: out of memory"), dropping the TU's findings: an
 * ignored return value can no longer leave a silently wrong state that
 * changes a verdict.
 *
 * Binding is scoped, not a global reset by convention: kc_sink_bind() and
 * kc_sink_unbind() pair up in the one function that runs the analysis,
 * nesting is refused (a second bind fails the first sink), and outside a
 * scope a failure has no sink and only the caller's return value
 * reports it. Workers are single-threaded processes; the binding is
 * thread-local all the same.
 */
#ifndef KC_UTIL_SINK_H
#define KC_UTIL_SINK_H

#include <stddef.h>

#include "util/err.h"

struct kc_sink {
	int code;            /* first error: KC_ENOMEM or KC_EINTERNAL; 0 */
	unsigned long count; /* errors reported, the first included */
	const char *file;    /* KC_ASSERT: source file of the invariant */
	unsigned line;
	const char *expr;    /* KC_ASSERT: the expression, as written */
};

/* Clears s and makes it the sink of the current thread until
 * kc_sink_unbind(s). Returns 0, or -KC_EINTERNAL when another sink is
 * bound already (that one is then failed: scopes do not nest). */
int kc_sink_bind(struct kc_sink *s);
/* Ends s's scope. When s holds an error, fills err with "out of memory"
 * or "assertion 'expr' failed at file:line" (file: err_file) and returns
 * -code; else returns ret unchanged. */
int kc_sink_unbind(struct kc_sink *s, int ret, const char *err_file,
		   struct kc_err *err);
/* 1 while a sink is bound (the fault injection counts only there). */
int kc_sink_bound(void);
/* 1 when the bound sink holds an error (the analysis may stop early). */
int kc_sink_failed(void);
/* Reports a failed allocation of size bytes to the bound sink (no-op
 * outside a scope). Called by the allocation wrappers (alloc.c). */
void kc_sink_oom(size_t size);
/* Reports a broken invariant; see KC_ASSERT. */
void kc_sink_bug(const char *file, unsigned line, const char *expr);

#ifdef KC_FAULT_INJECT
/* Fault-injection builds: kc_sink_unbind() calls it (alloc.c). */
void kc_fault_scope_end(void);
#endif

/* KC_ASSERT(e): an invariant. Evaluates to 1 when e holds; else reports
 * file:line and the text of e to the bound sink (the TU ends as an
 * internal error) and evaluates to 0, so the caller can still leave
 * safely: `if (!KC_ASSERT(i < n)) return val_top();`. Unlike assert()
 * it is never compiled out, and unlike a bare `if` it never hides the
 * fault (SQLite's ALWAYS(), with the report it lacks). */
#define KC_ASSERT(e)                                                         \
	((e) ? 1 : (kc_sink_bug(__FILE__, __LINE__, #e), 0))

#endif
